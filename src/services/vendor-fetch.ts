/**
 * fetch for the vendor clients whose network failures name the host they could not reach. Node's
 * fetch reports every one as a bare "fetch failed" TypeError (the reason is in its `cause`), which
 * left a user of `sync customers` with no idea which service, or which configured URL, was at fault.
 * The error stays a TypeError with the same `cause`, so whoever classifies it (retries, the store's
 * "unavailable" rule) sees what it saw before.
 */
export function fetchNamingHost(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      const url = input instanceof Request ? input.url : String(input);
      const reason = causeCode(error.cause);
      throw new TypeError(
        `cannot reach ${new URL(url).origin}${reason === undefined ? '' : ` (${reason})`}`,
        { cause: error.cause },
      );
    }
  };
}

function causeCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  if (cause instanceof AggregateError) return causeCode(cause.errors[0]);
  return typeof message === 'string' ? message : undefined;
}
