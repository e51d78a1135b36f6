import type { XeroAppSeed } from '../world.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `redirectUri` is registered for `app` (docs/vendors/xero.md §1.1: exact match, no wildcards). Apps with
 * `allowAnyLocalhostPort` also accept a registered loopback URI on any port, and localhost and
 * 127.0.0.1 interchangeably, so a locally run app need not know its port in advance.
 */
export function isRedirectAllowed(app: XeroAppSeed, redirectUri: string): boolean {
  if (app.redirectUris.includes(redirectUri)) return true;
  if (!app.allowAnyLocalhostPort) return false;
  const wanted = parseLoopback(redirectUri);
  if (!wanted) return false;
  return app.redirectUris.some((registered) => {
    const candidate = parseLoopback(registered);
    return (
      candidate !== undefined &&
      candidate.protocol === wanted.protocol &&
      candidate.rest === wanted.rest
    );
  });
}

function parseLoopback(uri: string): { protocol: string; rest: string } | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (!LOOPBACK.has(url.hostname)) return undefined;
  return { protocol: url.protocol, rest: `${url.pathname}${url.search}` };
}
