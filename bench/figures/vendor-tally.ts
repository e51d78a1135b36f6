/**
 * The app's calls to both sandboxes, per Xero organisation and per Pipedrive company, read from
 * the sandboxes' request logs as they fill (each keeps only its last 5,000 requests). The limits
 * the floor is made of are per organisation (Xero: 60 calls a minute, docs/vendors/xero.md §7) and
 * per company token (Pipedrive: 80 requests per 2 s, docs/vendors/pipedrive.md §6).
 */
import type { LoggedRequest, RequestLog } from '../../sandbox/common/request-log.js';
import { pipedriveTokenCost } from './pipedrive-tokens.js';

/**
 * The least time the vendors' limits allow for these calls (seconds): Xero 60 in a minute window
 * of the organisation, Pipedrive 80 in a rolling 2 s of the company's token; the calls of the last
 * window take no time. (Until issue 12's third session the floor counted Xero at one call a second,
 * which overstates it whenever calls come in bursts: a minute window lets 60 through at once.)
 */
export function vendorFloorSeconds(xeroCalls: number, pipedriveCalls: number): number {
  const windows = (calls: number, perWindow: number, windowSeconds: number) =>
    Math.floor(Math.max(0, calls - 1) / perWindow) * windowSeconds;
  return Math.max(windows(xeroCalls, 60, 60), windows(pipedriveCalls, 80, 2));
}

export interface VendorTally {
  /** Counts what was answered since the last poll; a request still in flight waits for the next. */
  poll(): void;
  /** Forgets what was logged so far (calls made before the burst). */
  skip(): void;
  /** Accounting API calls per tenant id. */
  xeroCalls: Map<string, number>;
  /** API requests per Pipedrive company domain (`/c/<domain>/api/…`; '' for none). */
  pipedriveCalls: Map<string, number>;
  pipedriveTokens: number;
  xero429: number;
  pipedrive429: number;
  /** Real time (ms) of the latest accounting call seen. */
  lastXeroCallAt: number;
}

export function tallyVendors(logs: { xero: RequestLog; pipedrive: RequestLog }): VendorTally {
  const since = { xero: 0, pipedrive: 0 };
  const answered = (which: 'xero' | 'pipedrive'): LoggedRequest[] => {
    const requests = logs[which].list({ sinceSeq: since[which] });
    const pending = requests.findIndex((request) => request.status === undefined);
    const done = pending === -1 ? requests : requests.slice(0, pending);
    since[which] = done.at(-1)?.seq ?? since[which];
    return done;
  };
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const tally: VendorTally = {
    xeroCalls: new Map(),
    pipedriveCalls: new Map(),
    pipedriveTokens: 0,
    xero429: 0,
    pipedrive429: 0,
    lastXeroCallAt: 0,
    poll() {
      for (const request of answered('xero')) {
        if (request.status === 429) tally.xero429 += 1;
        if (!request.path.startsWith('/api.xro/2.0/')) continue;
        add(tally.xeroCalls, String(request.headers['xero-tenant-id'] ?? '').toLowerCase());
        tally.lastXeroCallAt = Math.max(tally.lastXeroCallAt, Date.parse(request.at));
      }
      for (const request of answered('pipedrive')) {
        if (request.status === 429) tally.pipedrive429 += 1;
        if (!/^(\/c\/[^/]+)?(\/api)?\/v[12]\//.test(request.path)) continue;
        add(tally.pipedriveCalls, /^\/c\/([^/]+)\//.exec(request.path)?.[1] ?? '');
        tally.pipedriveTokens += pipedriveTokenCost(request.method, request.path);
      }
    },
    skip() {
      tally.poll();
      tally.xeroCalls.clear();
      tally.pipedriveCalls.clear();
      tally.pipedriveTokens = 0;
      tally.xero429 = 0;
      tally.pipedrive429 = 0;
    },
  };
  return tally;
}
