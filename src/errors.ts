import { type ErrorCode, retriedByDefault } from './errors/catalogue.js';

/**
 * The one error base of the app. Every failure that crosses a boundary (Xero, Pipedrive, store,
 * config) is an AppError with a catalogued `code` (errors/catalogue.ts, docs/errors.md), whether
 * retrying can help (`retryable`: the catalogue's default unless the throw site knows better, e.g. a
 * vendor's 5xx), when to retry if the other side said so (`retryAfterMs`, from Retry-After or
 * rate-limit headers), what the caller can fix (`details`, sent in an HTTP answer) and the underlying
 * `cause`. Refusals of the domain are values, not errors (see sync/mapping).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      retryable?: boolean | undefined;
      retryAfterMs?: number | undefined;
      cause?: unknown;
      details?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? retriedByDefault(code);
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }
}
