/**
 * The one error base of the app. Every failure that crosses a boundary (Xero, Pipedrive, store,
 * config) is an AppError with a snake_case `code` (listed in docs/errors.md), whether retrying can
 * help (`retryable`), when to retry if the other side said so (`retryAfterMs`, from Retry-After or
 * rate-limit headers), and the underlying `cause`. Refusals of the domain are values, not errors
 * (see sync/mapping).
 */
export class AppError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: string,
    message: string,
    options: { retryable?: boolean; retryAfterMs?: number | undefined; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}
