import { CommanderError } from 'commander';

import { ConfigError } from '../config.js';
import { AppError } from '../errors.js';

/**
 * How the CLI ends when something goes wrong: one line (or one line and a list, for settings and
 * configuration problems) that says what failed, its cause, and the fix, with an exit code that
 * means something. No stack trace: the causes are kept, in words. README "Exit codes" lists them.
 */
export const EXIT = {
  ok: 0,
  /** The command ran and refused or failed: unknown company, invalid settings, a failing check. */
  failed: 1,
  /** What was given is wrong: arguments, the configuration, a settings file. */
  usage: 2,
  /** Something the command needs is unavailable: the database, a port, a vendor's host. */
  unavailable: 3,
} as const;

/** A mistake in what the user gave (an argument, a file): exit 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Failure {
  text: string;
  exitCode: number;
}

export interface FailureContext {
  /** Sandbox mode: the vendors are the local servers `npm start` or `pipedrive-xero sandbox` run. */
  sandboxMode?: boolean;
}

/** Network error codes Node and undici put on a failed connection's cause. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

export function describeFailure(error: unknown, context: FailureContext = {}): Failure {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help or version).
    return { text: '', exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.usage };
  }
  if (error instanceof ConfigError) {
    return {
      text: `${error.message}\nfix: correct these variables (docs/going-live.md lists every one)`,
      exitCode: EXIT.usage,
    };
  }
  if (error instanceof UsageError) return { text: error.message, exitCode: EXIT.usage };
  const listen = errorWithCode(error, ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);
  if (listen !== undefined && typeof listen.port === 'number') {
    const where = `${listen.address ?? ''}:${listen.port}`;
    const fix =
      listen.code === 'EADDRINUSE'
        ? 'stop the process using it or set PORT to a free port'
        : 'set HOST to an address of this machine and PORT to one above 1023';
    return {
      text: `cannot listen on ${where}: ${plainListenCode(listen.code)} (${listen.code}) — fix: ${fix}`,
      exitCode: EXIT.unavailable,
    };
  }
  if (error instanceof AppError && error.code === 'store_unavailable') {
    return {
      text: `${error.code}: ${withCauses(error)} — fix: check DATABASE_URL and that the database is running and reachable from here`,
      exitCode: EXIT.unavailable,
    };
  }
  const network = errorWithCode(error, [...NETWORK_CODES]);
  if (network !== undefined) {
    const fix = context.sandboxMode
      ? 'sandbox mode: start the local Pipedrive and Xero first (`npm start` or `npx pipedrive-xero sandbox` in another terminal)'
      : "check the vendor's URL in the configuration (PIPEDRIVE_OAUTH_URL, XERO_*_URL) and this machine's network";
    const prefix = error instanceof AppError ? `${error.code}: ` : '';
    return { text: `${prefix}${withCauses(error)} — fix: ${fix}`, exitCode: EXIT.unavailable };
  }
  if (error instanceof AppError) {
    const lines = [`${error.code}: ${withCauses(error)}`];
    if (Array.isArray(error.details))
      for (const detail of error.details) lines.push(`  - ${String(detail)}`);
    return { text: lines.join('\n'), exitCode: EXIT.failed };
  }
  return { text: `error: ${withCauses(error)}`, exitCode: EXIT.failed };
}

/** "message: cause's message: its cause's …", skipping causes the message already says. */
export function withCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const message = messageOf(current);
    if (message !== '' && !parts.some((part) => part.includes(message))) parts.push(message);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(': ');
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.message === '')
    return error.errors.map(messageOf).join(', ');
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

interface CodedError {
  code: string;
  address?: string;
  port?: number;
}

/** The first error in the cause chain (or an AggregateError's errors) whose code is one of `codes`. */
function errorWithCode(error: unknown, codes: readonly string[]): CodedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && codes.includes(code)) return current as CodedError;
    if (current instanceof AggregateError) {
      for (const inner of current.errors) {
        const found = errorWithCode(inner, codes);
        if (found !== undefined) return found;
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function plainListenCode(code: string): string {
  if (code === 'EADDRINUSE') return 'the port is in use';
  if (code === 'EACCES') return 'not allowed to use this port';
  return 'no such address on this machine';
}
