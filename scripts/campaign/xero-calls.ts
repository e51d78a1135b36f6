import type { Call } from './control.js';
import { sleep } from './driver.js';

/**
 * Counts the Accounting API calls the app makes, per organisation, by reading the Xero sandbox's
 * request log every few seconds (it keeps only the latest requests, so it is read as it fills).
 */
export interface XeroCallCounter {
  /** Stops counting and returns the calls per tenant. */
  stop(): Promise<Map<string, number>>;
}

export function countXeroCalls(xero: Call, everyMs = 3000): XeroCallCounter {
  const counts = new Map<string, number>();
  let since = 0;
  let running = true;
  const read = async () => {
    const { requests } = await xero('GET', `/__sandbox/requests?path=/api.xro/2.0&since=${since}`);
    for (const request of requests as { seq: number; headers: Record<string, unknown> }[]) {
      since = Math.max(since, request.seq);
      const tenant = String(request.headers['xero-tenant-id'] ?? '').toLowerCase();
      counts.set(tenant, (counts.get(tenant) ?? 0) + 1);
    }
  };
  const loop = (async () => {
    while (running) {
      await read();
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await read();
      return counts;
    },
  };
}
