import { type Logger, pino } from 'pino';

export type { Logger };

/** The process logger. Secrets never reach it: tokens and credentials are redacted by path. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        '*.access_token',
        '*.refresh_token',
        '*.client_secret',
        '*.authorization',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
