import { type Clock, systemClock } from '../clock.js';
import { codeForStatus, messageOf, PipedriveApiError } from './errors.js';
import { RatePacer, retryAfterMs } from './rate-timing.js';

/**
 * Sends one Pipedrive API request: bearer token, pacing, retries, typed errors.
 *
 * Why not the official client's own sender: its axios interceptors hand back only the response
 * body and reject with only the error body, so status codes, `x-ratelimit-*` and `Retry-After`
 * never reach the caller (node_modules/pipedrive/dist/versions/v2/base.js). The client builds its
 * requests with the official param creators and passes them here.
 *
 * Per call: wait for a slot in the connection's pacer (rate-timing.ts); send; on 401 refresh the
 * token once and resend (docs/vendors/pipedrive.md §1.4: access tokens live 60 min); on 429 (any method — the call was refused,
 * not processed) or on 5xx / network failure (safe methods only, so a POST is never doubled) wait
 * `Retry-After` / `x-ratelimit-reset` or a backoff and resend, up to `maxAttempts`; then throw a
 * `PipedriveApiError` whose `retryable` tells the job queue whether to try again later.
 */

/** Hands out the connection's access token; the token manager implements it. */
export interface AccessTokenProvider {
  accessToken(): Promise<string>;
  /** Called when Pipedrive answered 401 to `rejected`; returns a token to retry with. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

export interface PipedriveTransportDeps {
  tokens: AccessTokenProvider;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default: systemClock. */
  clock?: Clock;
  /**
   * Waits between attempts and while paced; default the clock's own sleep (its time, as the Xero
   * limiter waits: a clock running faster than real time, in benches, waits less), else setTimeout.
   * Tests pass a recorder that resolves at once.
   */
  sleep?: (ms: number) => Promise<void>;
  /** Share one pacer per connection across clients; default a new one. */
  pacer?: RatePacer;
  /** Attempts per call for retryable failures (the 401 refresh is extra); default 3. */
  maxAttempts?: number;
  /** Per-attempt timeout; default 30 000 ms. */
  timeoutMs?: number;
}

export interface PipedriveRequest {
  method: string;
  /** Absolute URL (api_domain + /api/v1|v2 + path + query). */
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'DELETE']);
const BACKOFF_BASE_MS = 500;

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export class PipedriveTransport {
  private readonly fetch: typeof fetch;
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pacer: RatePacer;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;

  constructor(private readonly deps: PipedriveTransportDeps) {
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.clock = deps.clock ?? systemClock;
    this.sleep = deps.sleep ?? deps.clock?.sleep?.bind(deps.clock) ?? defaultSleep;
    this.pacer = deps.pacer ?? new RatePacer();
    this.maxAttempts = deps.maxAttempts ?? 3;
    this.timeoutMs = deps.timeoutMs ?? 30_000;
  }

  /** Sends the request and returns the parsed JSON body of a 2xx answer. */
  async send(request: PipedriveRequest): Promise<unknown> {
    const method = request.method.toUpperCase();
    const path = new URL(request.url).pathname;
    let token = await this.deps.tokens.accessToken();
    let refreshed = false;
    let delayMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      if (delayMs > 0) await this.sleep(delayMs);
      const askedAtMs = this.nowMs();
      const wait = this.pacer.reserve(askedAtMs);
      if (wait > 0) await this.sleep(wait);
      const sentAtMs = this.nowMs();
      this.pacer.left(askedAtMs + wait, sentAtMs);
      let response: Response;
      try {
        response = await this.fetch(request.url, {
          method,
          headers: {
            accept: 'application/json',
            ...request.headers,
            authorization: `Bearer ${token}`,
          },
          ...(request.body !== undefined && { body: request.body }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (cause) {
        const error = new PipedriveApiError(
          'pipedrive_network',
          `request failed: ${describe(cause)}`,
          {
            method,
            path,
            cause,
          },
        );
        if (!SAFE_METHODS.has(method) || attempt >= this.maxAttempts) throw error;
        delayMs = backoffMs(attempt);
        continue;
      }
      const now = this.nowMs();
      this.pacer.record(response.headers, now, sentAtMs);
      const body = await readJson(response, method, path);
      if (response.ok) return body;

      if (response.status === 401 && !refreshed) {
        refreshed = true;
        token = await this.deps.tokens.refreshAfterRejection(token);
        attempt -= 1; // the refresh retry is not one of the attempts
        delayMs = 0;
        continue;
      }
      const retryAfter = retryAfterMs(response.headers, now);
      const code = codeForStatus(response.status);
      const error = new PipedriveApiError(code, messageOf(body, response.status), {
        method,
        path,
        status: response.status,
        ...(code === 'pipedrive_rate_limited' &&
          retryAfter !== undefined && {
            retryAfterMs: retryAfter,
          }),
      });
      const resend =
        code === 'pipedrive_rate_limited' ||
        (code === 'pipedrive_unavailable' && SAFE_METHODS.has(method));
      if (!resend || attempt >= this.maxAttempts) throw error;
      const waitMs = retryAfter ?? backoffMs(attempt);
      // A 429 pauses every call of the connection, this one too: its wait is the pacer's.
      if (code === 'pipedrive_rate_limited') this.pacer.pauseFor(waitMs, now);
      delayMs = code === 'pipedrive_rate_limited' ? 0 : waitMs;
    }
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

/** 500 ms, 1 s, 2 s, … */
function backoffMs(attempt: number): number {
  return BACKOFF_BASE_MS * 2 ** (attempt - 1);
}

async function readJson(response: Response, method: string, path: string): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // Non-JSON error pages exist (§2.3: Cloudflare 403 HTML); only a 2xx must be JSON.
    if (!response.ok) return null;
    throw new PipedriveApiError('pipedrive_bad_response', 'answer is not JSON', {
      method,
      path,
      status: response.status,
      cause,
    });
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}
