import { z } from 'zod';

/**
 * Environment → typed configuration, parsed once at startup (cli/main.ts). No other module reads
 * process.env; each part receives only its slice. Every problem is reported in one message.
 */
const port = z.coerce.number().int().min(0).max(65_535);

const configSchema = z.object({
  /** pino level; `info` by default. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Interface the sandbox servers listen on; loopback by default so nothing is exposed. */
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the local Pipedrive server; 4010 by default. */
  SANDBOX_PIPEDRIVE_PORT: port.default(4010),
  /** Port of the local Xero server; 4020 by default. */
  SANDBOX_XERO_PORT: port.default(4020),
});

export interface Config {
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  sandbox: { host: string; pipedrivePort: number; xeroPort: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  return {
    logLevel: values.LOG_LEVEL,
    sandbox: {
      host: values.SANDBOX_HOST,
      pipedrivePort: values.SANDBOX_PIPEDRIVE_PORT,
      xeroPort: values.SANDBOX_XERO_PORT,
    },
  };
}
