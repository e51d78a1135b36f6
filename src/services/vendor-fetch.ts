/**
 * fetch for the vendor clients (services/connections.ts), observed and with failures that name
 * their host.
 *
 * - Node's fetch reports every network failure as a bare "fetch failed" TypeError (the reason is in
 *   its `cause`), which left a user of `sync customers` with no idea which service, or which
 *   configured URL, was at fault. The error stays a TypeError with the same `cause`, so whoever
 *   classifies it (retries, the store's "unavailable" rule) sees what it saw before.
 * - Every call is reported (`observe`) with its vendor, status and kind, for the metrics: token
 *   refreshes are told apart by their grant type (RFC 6749 §6; Pipedrive and Xero both use it).
 */
export interface VendorCall {
  vendor: 'pipedrive' | 'xero';
  kind: 'api' | 'token_refresh' | 'token_other';
  status: number | 'network_error';
}

export function vendorFetch(
  inner: typeof fetch,
  vendor: VendorCall['vendor'],
  observe: (call: VendorCall) => void = () => {},
): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const kind = callKind(url, init?.body);
    try {
      const response = await inner(input, init);
      observe({ vendor, kind, status: response.status });
      return response;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      observe({ vendor, kind, status: 'network_error' });
      const reason = causeCode(error.cause);
      throw new TypeError(
        `cannot reach ${new URL(url).origin}${reason === undefined ? '' : ` (${reason})`}`,
        { cause: error.cause },
      );
    }
  };
}

/** Xero's token endpoint is /connect/token, Pipedrive's /oauth/token. */
const TOKEN_PATH = /\/(connect|oauth)\/token$/;

function callKind(url: string, body: unknown): VendorCall['kind'] {
  if (!TOKEN_PATH.test(new URL(url).pathname)) return 'api';
  const form =
    body instanceof URLSearchParams
      ? body
      : typeof body === 'string'
        ? new URLSearchParams(body)
        : undefined;
  return form?.get('grant_type') === 'refresh_token' ? 'token_refresh' : 'token_other';
}

function causeCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  if (cause instanceof AggregateError) return causeCode(cause.errors[0]);
  return typeof message === 'string' ? message : undefined;
}
