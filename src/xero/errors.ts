import { AppError } from '../errors.js';
import type { XeroAuthErrorCode, XeroErrorCode } from '../errors/catalogue.js';

/**
 * The Xero boundary's failures (typed errors, one base). Every call error names the
 * method and path, the HTTP status when there was one, whether a retry can help, and how long to
 * wait when Xero said so.
 *
 * The codes, what each means and whether the queue retries it: errors/catalogue.ts (Xero API);
 * which Xero answer becomes which code: transport.ts and oauth.ts.
 */

export interface XeroCallFacts {
  method: string;
  path: string;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class XeroApiError extends AppError {
  declare readonly code: XeroErrorCode;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;

  constructor(code: XeroErrorCode, detail: string, facts: XeroCallFacts) {
    const status = facts.status === undefined ? 'no response' : String(facts.status);
    super(code, `Xero ${facts.method} ${facts.path} → ${status}: ${detail}`, {
      retryAfterMs: facts.retryAfterMs,
      cause: facts.cause,
    });
    this.method = facts.method;
    this.path = facts.path;
    this.status = facts.status;
  }
}

/** 400 ValidationException: the request as sent will never succeed; `messages` are Xero's own. */
export class XeroValidationError extends XeroApiError {
  readonly messages: string[];

  constructor(messages: string[], facts: XeroCallFacts) {
    super('xero_validation_failed', messages.join(' | ') || 'validation failed', facts);
    this.messages = messages;
  }
}

/** OAuth failures at the identity service (docs/vendors/xero.md §1.2): `oauthError` is the RFC 6749 code. */
export class XeroAuthError extends AppError {
  declare readonly code: XeroAuthErrorCode;
  readonly status: number | undefined;
  readonly oauthError: string | undefined;

  constructor(
    code: XeroAuthErrorCode,
    message: string,
    options: { status?: number; oauthError?: string; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(code, message, {
      retryable: options.retryable,
      ...(options.cause !== undefined && { cause: options.cause }),
    });
    this.status = options.status;
    this.oauthError = options.oauthError;
  }
}
