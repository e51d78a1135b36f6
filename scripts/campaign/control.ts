/**
 * A small JSON client for the sandboxes' control APIs and the app's HTTP API (docs/sandbox.md):
 * every answer that is not 2xx is an error naming the call, its status and the body.
 */
export type Call = (method: string, path: string, body?: unknown) => Promise<any>;

export function jsonClient(base: string, headers: Record<string, string> = {}): Call {
  return async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${base}${path} → ${response.status}: ${text}`);
    return text === '' ? null : JSON.parse(text);
  };
}
