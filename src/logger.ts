import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * The process logger. Secrets never reach it: tokens and credentials are redacted by path. JSON
 * lines for log collectors; `pretty` for a person at a terminal (cli/main.ts decides, LOG_FORMAT),
 * written synchronously so the last lines before an exit are not lost.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const settings = {
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
  };
  if (!options.pretty) return pino(settings);
  return pino(
    settings,
    pretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }),
  );
}
