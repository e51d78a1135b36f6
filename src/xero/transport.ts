import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { parseRetryAfter } from '../retry-after.js';
import { XeroApiError, type XeroCallFacts, XeroValidationError } from './errors.js';
import { readRateLimitHeaders } from './rate-limit-headers.js';
import type { XeroTenantLimiter } from './rate-limiter.js';
import { validationMessages } from './results.js';
import type { XeroTokenManager } from './token-manager.js';
import type { XeroTenantRef } from './types.js';

/**
 * One Accounting API call with everything around it (docs/vendors/xero.md §2, §6, §7): a fresh token, a tenant
 * slot from the limiter, the headers Xero needs, and the answer to each failure:
 * 401 → refresh once and retry; 429 → pause the tenant for Retry-After and retry while the wait is
 * short; anything else → a typed XeroApiError. 5xx and network errors are not retried here: the
 * job queue retries them, and writes carry an Idempotency-Key so that is safe.
 */
export interface TransportDeps {
  tokens: Pick<XeroTokenManager, 'getAccessToken' | 'refreshAfterRejection'>;
  limiter: XeroTenantLimiter;
  clock: Clock;
  logger?: Logger;
  /** Longest Retry-After waited for in-call; longer ones surface as xero_rate_limited. Default 60 s. */
  maxRateLimitWaitMs?: number;
  /** 429 retries per call; default 3. */
  maxRateLimitRetries?: number;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
}

/** What an attempt gets: headers for the typed params, plain headers, and its abort signal. */
export interface AttemptInit {
  tenant: { 'xero-tenant-id': string };
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** openapi-fetch's result shape. */
export interface AttemptResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export type XeroCall = <T>(
  ref: XeroTenantRef,
  method: string,
  path: string,
  attempt: (init: AttemptInit) => Promise<AttemptResult<T>>,
) => Promise<T>;

/** docs/vendors/xero.md §7: a `concurrent` 429 has no Retry-After; a second is plenty for a slot to free. */
const CONCURRENT_RETRY_MS = 1000;

export function createTransport(deps: TransportDeps): XeroCall {
  const maxWaitMs = deps.maxRateLimitWaitMs ?? 60_000;
  const maxRetries = deps.maxRateLimitRetries ?? 3;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const now = () => deps.clock.now().getTime();

  return async function call<T>(
    ref: XeroTenantRef,
    method: string,
    path: string,
    attempt: (init: AttemptInit) => Promise<AttemptResult<T>>,
  ): Promise<T> {
    let refreshed = false;
    let rateRetries = 0;
    for (;;) {
      const token = await deps.tokens.getAccessToken(ref.companyId);
      const permit = await deps.limiter.acquire(ref.tenantId);
      let result: AttemptResult<T>;
      try {
        result = await attempt({
          tenant: { 'xero-tenant-id': ref.tenantId },
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        await permit.release();
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new XeroApiError('xero_unavailable', `no response (${detail})`, {
          method,
          path,
          cause,
        });
      }
      const { response } = result;
      const observed = readRateLimitHeaders(response.headers);
      await permit.release(observed);
      if (response.ok) return result.data as T;

      if (response.status === 401 && !refreshed) {
        refreshed = true;
        await deps.tokens.refreshAfterRejection(ref.companyId, token);
        continue;
      }
      if (response.status === 429) {
        const waitMs =
          parseRetryAfter(response.headers.get('retry-after'), now()) ??
          (observed.problem === 'concurrent' ? CONCURRENT_RETRY_MS : undefined);
        if (waitMs !== undefined && waitMs <= maxWaitMs && rateRetries < maxRetries) {
          rateRetries += 1;
          deps.logger?.warn(
            { tenantId: ref.tenantId, method, path, waitMs, problem: observed.problem },
            'xero rate limit: waiting before retrying',
          );
          await deps.limiter.pauseUntil(ref.tenantId, now() + waitMs);
          continue;
        }
        throw toXeroError(
          result.error,
          {
            method,
            path,
            status: 429,
            ...(waitMs !== undefined && { retryAfterMs: waitMs }),
          },
          observed.problem,
        );
      }
      throw toXeroError(result.error, { method, path, status: response.status });
    }
  };
}

/** Maps a failed response's status and (parsed) body to the error the app handles (docs/vendors/xero.md §6). */
export function toXeroError(
  body: unknown,
  facts: XeroCallFacts & { status: number },
  problem?: string,
): XeroApiError {
  const status = facts.status;
  if (status === 400 && isObject(body) && body['Type'] === 'ValidationException')
    return new XeroValidationError(validationMessages(body), facts);
  const detail = describe(body);
  if (status === 400) return new XeroApiError('xero_bad_request', detail, facts);
  if (status === 401) return new XeroApiError('xero_unauthorized', detail, facts);
  if (status === 403)
    return new XeroApiError(
      'xero_tenant_forbidden',
      `${detail}; the organisation must be reconnected`,
      facts,
    );
  if (status === 404) return new XeroApiError('xero_not_found', detail, facts);
  if (status === 429)
    return new XeroApiError('xero_rate_limited', `rate limit (${problem ?? 'unknown'})`, facts);
  if (status >= 500) return new XeroApiError('xero_unavailable', detail, facts);
  return new XeroApiError('xero_request_failed', detail, facts);
}

/** Problem JSON (Title/Detail), ValidationException Message, or the start of a text body. */
function describe(body: unknown): string {
  if (isObject(body)) {
    const parts = [body['Title'], body['Detail'], body['Message']].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    if (parts.length > 0) return parts.join(': ');
  }
  if (typeof body === 'string' && body !== '') return body.slice(0, 200);
  return 'no details';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
