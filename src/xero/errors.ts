import { AppError } from '../errors.js';

/**
 * The Xero boundary's failures (typed errors, one base). Every call error names the
 * method and path, the HTTP status when there was one, whether a retry can help, and how long to
 * wait when Xero said so.
 *
 * Codes (docs/errors.md):
 * - xero_unavailable       5xx, network failure or timeout: retryable (xero.md §6)
 * - xero_rate_limited      429 that outlasted the client's own waiting: retryable, retryAfterMs (§7)
 * - xero_validation_failed 400 ValidationException: not retryable, Xero's messages (§6)
 * - xero_bad_request       another 400 (e.g. idempotency key reused with another body, §3)
 * - xero_unauthorized      401 that a token refresh did not cure (e.g. missing scope, §1.3)
 * - xero_tenant_forbidden  403: the organisation is no longer connected; needs a reconnect (§2)
 * - xero_not_found         404
 * - xero_request_failed    any other status
 * - xero_reauth_required   the refresh token is dead (invalid_grant): the user must reconnect (§1.2)
 * - xero_oauth_failed      another OAuth error (invalid_client, bad redirect, …)
 */
export type XeroErrorCode =
  | 'xero_unavailable'
  | 'xero_rate_limited'
  | 'xero_validation_failed'
  | 'xero_bad_request'
  | 'xero_unauthorized'
  | 'xero_tenant_forbidden'
  | 'xero_not_found'
  | 'xero_request_failed';

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

  constructor(code: XeroErrorCode, detail: string, facts: XeroCallFacts, retryable = false) {
    const status = facts.status === undefined ? 'no response' : String(facts.status);
    super(code, `Xero ${facts.method} ${facts.path} → ${status}: ${detail}`, {
      retryable,
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

export type XeroAuthErrorCode = 'xero_reauth_required' | 'xero_oauth_failed';

/** OAuth failures at the identity service (xero.md §1.2): `oauthError` is the RFC 6749 code. */
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
      retryable: options.retryable ?? false,
      ...(options.cause !== undefined && { cause: options.cause }),
    });
    this.status = options.status;
    this.oauthError = options.oauthError;
  }
}
