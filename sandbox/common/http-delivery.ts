/**
 * Outbound HTTP from a sandbox to the app under test (webhooks, uninstall callbacks, panel calls),
 * the way a vendor sends them: one request, a hard timeout, and nothing thrown — a refused
 * connection or a timeout is an outcome to record, not an error.
 *
 * The timeout is real time, not SandboxClock time: it bounds how long a socket waits, which the
 * virtual clock cannot speed up (vendor rules: Xero 5 s, Pipedrive webhooks and panels 10 s).
 */
export interface OutboundRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent byte for byte; signatures are computed over exactly this string. */
  body?: string;
  timeoutMs: number;
}

export interface OutboundResult {
  /** HTTP status, or null when no response arrived (refused, reset, timed out). */
  status: number | null;
  body: string;
  headers: Record<string, string>;
  /** 'timeout' or the network error's message when status is null. */
  error?: string;
  durationMs: number;
}

export type Deliver = (request: OutboundRequest) => Promise<OutboundResult>;

/** The real thing: global fetch with an abort timer. No redirects are followed (Pipedrive §5.1). */
export const httpDeliver: Deliver = async (request) => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body !== undefined && { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = await response.text();
    return {
      status: response.status,
      body,
      headers: Object.fromEntries(response.headers),
      durationMs: elapsed(),
    };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return {
      status: null,
      body: '',
      headers: {},
      error: timedOut ? 'timeout' : (cause ?? (error as Error).message),
      durationMs: elapsed(),
    };
  }
};

/** `Authorization: Basic …` for user:password (RFC 7617). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
