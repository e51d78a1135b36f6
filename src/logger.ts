import { createRequire } from 'node:module';

import { type Logger, pino } from 'pino';
import type pinoPretty from 'pino-pretty';

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
  // Loaded only for a person at a terminal (synchronously: createLogger is synchronous); a server
  // writing JSON lines never needs it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof pinoPretty;
  return pino(
    settings,
    pretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }),
  );
}
