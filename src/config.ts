import { z } from 'zod';

import { zodProblems } from './zod-problems.js';

/**
 * Environment → typed configuration, parsed once at startup (cli/main.ts). No other module reads
 * process.env; each part receives only its slice. Every problem is reported in one message.
 *
 * Sandbox mode: neither PIPEDRIVE_CLIENT_ID nor XERO_CLIENT_ID is set. `pipedrive-xero start` then
 * runs the local Pipedrive and Xero servers and points the app at them (withSandboxVendors), and a
 * missing ENCRYPTION_KEY is generated once under DATA_DIR (services/encryption-key.ts).
 */
const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));

const configSchema = z.object({
  /** pino level; `info` by default. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Port of the app's HTTP server; 3000 by default (0 picks a free one). */
  PORT: port.default(3000),
  /** Interface the app listens on; 127.0.0.1 in sandbox mode, 0.0.0.0 otherwise. */
  HOST: z.string().min(1).optional(),
  /**
   * `worker` only: port of its ops listener (GET /health/live, /health/ready, /metrics) on HOST;
   * none when unset (0 picks a free one).
   */
  OPS_PORT: port.optional(),
  /** Where Pipedrive and Xero reach the app (OAuth callbacks, webhooks); http://localhost:PORT. */
  PUBLIC_URL: url.optional(),
  /** `sqlite:<path>` (embedded) or `postgres://…` (scale-out); sqlite:./data/pipedrive-xero.db. */
  DATABASE_URL: z.string().min(1).default('sqlite:./data/pipedrive-xero.db'),
  /** Directory for local files (SQLite, the sandbox-mode key); ./data by default. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** 32 bytes, base64: seals tokens at rest (invariant 6). Required outside sandbox mode. */
  ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, {
      message: 'must be 32 bytes in base64 (make one with: openssl rand -base64 32)',
    })
    .optional(),
  /**
   * During a key rotation only: the keys secrets were sealed with before, comma-separated; they
   * still open what they sealed while `rotate-key` seals it again (docs/going-live.md).
   */
  ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== ''),
    )
    .refine((keys) => keys.every((key) => Buffer.from(key, 'base64').length === 32), {
      message: 'each key must be 32 bytes in base64, comma-separated',
    })
    .optional(),
  PIPEDRIVE_CLIENT_ID: z.string().min(1).optional(),
  PIPEDRIVE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Pipedrive's OAuth host; https://oauth.pipedrive.com by default. */
  PIPEDRIVE_OAUTH_URL: url.default('https://oauth.pipedrive.com'),
  XERO_CLIENT_ID: z.string().min(1).optional(),
  XERO_CLIENT_SECRET: z.string().min(1).optional(),
  /** The app's Xero webhook signing key (developer portal → Webhooks); Xero webhooks are refused without it. */
  XERO_WEBHOOK_KEY: z.string().min(1).optional(),
  /** Xero's consent host; https://login.xero.com by default. */
  XERO_LOGIN_URL: url.default('https://login.xero.com'),
  /** Xero's token host; https://identity.xero.com by default. */
  XERO_IDENTITY_URL: url.default('https://identity.xero.com'),
  /** Xero's connections host; https://api.xero.com by default. */
  XERO_API_URL: url.default('https://api.xero.com'),
  /** Xero's Accounting API; https://api.xero.com/api.xro/2.0 by default. */
  XERO_ACCOUNTING_URL: url.default('https://api.xero.com/api.xro/2.0'),
  /** Xero's web app, where the app's "View in Xero" links lead; https://go.xero.com by default. */
  XERO_WEB_URL: url.default('https://go.xero.com'),
  /**
   * Jobs run at once by one worker process: 50 by default with SQLite (one process; its documents
   * share Xero requests, sync/document-batch.ts), 4 per worker with PostgreSQL (each worker's pool
   * holds 10 connections).
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  /** How long a taken job stays taken without a heartbeat (crash recovery); 60000 ms by default. */
  QUEUE_LEASE_MS: z.coerce.number().int().min(500).default(60_000),
  /** Time between two catch-up checks of a company (webhook health, missed triggers); 5 min. */
  CATCH_UP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** Documents a company may create per month, shown against its usage on the settings page; 100. */
  PLAN_MONTHLY_QUOTA: z.coerce.number().int().min(0).default(100),
  /** Requests per minute one company (or one address, when no company is named) may make; 600. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Bearer token GET /metrics requires; metrics are off without it (but in sandbox mode). */
  METRICS_TOKEN: z
    .string()
    .min(16, { message: 'must be at least 16 characters (openssl rand -hex 24)' })
    .optional(),
  /** Log lines: `pretty` (for people), `json` (for log collectors), `auto`: pretty on a terminal. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Interface the sandbox servers listen on; loopback by default so nothing is exposed. */
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the local Pipedrive server; 4010 by default. */
  SANDBOX_PIPEDRIVE_PORT: port.default(4010),
  /** Port of the local Xero server; 4020 by default. */
  SANDBOX_XERO_PORT: port.default(4020),
});

type LogLevel = z.infer<typeof configSchema>['LOG_LEVEL'];

export interface XeroBaseUrls {
  login: string;
  identity: string;
  api: string;
  accounting: string;
}

export interface Config {
  logLevel: LogLevel;
  logFormat: 'auto' | 'pretty' | 'json';
  /** '' when unset: GET /metrics is then off outside sandbox mode. */
  metricsToken: string;
  port: number;
  host: string;
  /** A `worker`'s ops listener (OPS_PORT); undefined: the worker serves no HTTP. */
  opsPort: number | undefined;
  /** Without a trailing slash. */
  publicUrl: string;
  /** PUBLIC_URL was set (otherwise publicUrl is this process's http://localhost:PORT). */
  publicUrlConfigured: boolean;
  databaseUrl: string;
  dataDir: string;
  /** Undefined only in sandbox mode, until services/encryption-key.ts provides one. */
  encryptionKey: string | undefined;
  /** Keys that still open secrets during a rotation (ENCRYPTION_KEY_PREVIOUS); usually none. */
  previousEncryptionKeys: string[];
  /** No real vendor credentials are configured (see the top of this file). */
  sandboxMode: boolean;
  pipedrive: { clientId: string; clientSecret: string; oauthUrl: string };
  xero: {
    clientId: string;
    clientSecret: string;
    /** Empty when not configured: every Xero webhook is then refused (docs/vendors/xero.md §14). */
    webhookKey: string;
    baseUrls: XeroBaseUrls;
    /** Xero's web app (https://go.xero.com; the Xero sandbox in sandbox mode). */
    webUrl: string;
  };
  worker: {
    concurrency: number;
    leaseMs: number;
    /**
     * Jobs of one company running beyond which a worker takes another company's ready job first:
     * its concurrency less a tenth (at least one slot kept, and one left to the company), so other
     * companies' jobs start at once, several side by side (issue 12: one organisation's backlog
     * never starves the others).
     */
    companyShare: number;
  };
  /** How often each company's webhook and missed triggers are checked (services/catch-up.ts). */
  catchUp: { intervalMs: number };
  /** Documents per company per month in the plan (usage is shown against it). */
  planMonthlyQuota: number;
  /** Requests per minute per company on the public endpoints (http/limits.ts). */
  rateLimitPerMinute: number;
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
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const sandboxMode =
    present['PIPEDRIVE_CLIENT_ID'] === undefined && present['XERO_CLIENT_ID'] === undefined;
  if (!sandboxMode) problems.push(...credentialProblems(present));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  return {
    logLevel: values.LOG_LEVEL,
    logFormat: values.LOG_FORMAT,
    metricsToken: values.METRICS_TOKEN ?? '',
    port: values.PORT,
    host: values.HOST ?? (sandboxMode ? '127.0.0.1' : '0.0.0.0'),
    opsPort: values.OPS_PORT,
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    publicUrlConfigured: values.PUBLIC_URL !== undefined,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.DATA_DIR,
    encryptionKey: values.ENCRYPTION_KEY,
    previousEncryptionKeys: values.ENCRYPTION_KEY_PREVIOUS ?? [],
    sandboxMode,
    pipedrive: {
      clientId: values.PIPEDRIVE_CLIENT_ID ?? '',
      clientSecret: values.PIPEDRIVE_CLIENT_SECRET ?? '',
      oauthUrl: values.PIPEDRIVE_OAUTH_URL,
    },
    xero: {
      clientId: values.XERO_CLIENT_ID ?? '',
      clientSecret: values.XERO_CLIENT_SECRET ?? '',
      webhookKey: values.XERO_WEBHOOK_KEY ?? '',
      baseUrls: {
        login: values.XERO_LOGIN_URL,
        identity: values.XERO_IDENTITY_URL,
        api: values.XERO_API_URL,
        accounting: values.XERO_ACCOUNTING_URL,
      },
      webUrl: values.XERO_WEB_URL,
    },
    worker: workerOf(values),
    catchUp: { intervalMs: values.CATCH_UP_INTERVAL_MS },
    planMonthlyQuota: values.PLAN_MONTHLY_QUOTA,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    sandbox: {
      host: values.SANDBOX_HOST,
      pipedrivePort: values.SANDBOX_PIPEDRIVE_PORT,
      xeroPort: values.SANDBOX_XERO_PORT,
    },
  };
}

/** Outside sandbox mode both vendors' credentials and the encryption key are required. */
function credentialProblems(env: Record<string, string | undefined>): string[] {
  const required = [
    'PIPEDRIVE_CLIENT_ID',
    'PIPEDRIVE_CLIENT_SECRET',
    'XERO_CLIENT_ID',
    'XERO_CLIENT_SECRET',
    'ENCRYPTION_KEY',
  ];
  return required
    .filter((name) => env[name] === undefined)
    .map(
      (name) =>
        `${name}: required when real credentials are configured (unset all for sandbox mode)`,
    );
}

export interface SandboxVendors {
  pipedriveUrl: string;
  xeroUrl: string;
  pipedriveApp: { clientId: string; clientSecret: string };
  xeroApp: { clientId: string; clientSecret: string; webhookKey?: string };
}

/** The config pointed at running sandbox servers (sandbox mode of `start`): every base URL. */
export function withSandboxVendors(config: Config, vendors: SandboxVendors): Config {
  return {
    ...config,
    pipedrive: { ...vendors.pipedriveApp, oauthUrl: vendors.pipedriveUrl },
    xero: {
      clientId: vendors.xeroApp.clientId,
      clientSecret: vendors.xeroApp.clientSecret,
      webhookKey: vendors.xeroApp.webhookKey ?? '',
      baseUrls: {
        login: vendors.xeroUrl,
        identity: vendors.xeroUrl,
        api: vendors.xeroUrl,
        accounting: `${vendors.xeroUrl}/api.xro/2.0`,
      },
      // The sandbox serves Xero's web pages too (sandbox/xero/web): links lead there, not to Xero.
      webUrl: vendors.xeroUrl,
    },
  };
}

function workerOf(values: z.infer<typeof configSchema>): Config['worker'] {
  const embedded = !/^postgres(ql)?:\/\//.test(values.DATABASE_URL);
  const concurrency = values.WORKER_CONCURRENCY ?? (embedded ? 50 : 4);
  return {
    concurrency,
    leaseMs: values.QUEUE_LEASE_MS,
    companyShare: Math.max(1, concurrency - Math.max(1, Math.floor(concurrency / 10))),
  };
}
