/**
 * Month-end: `deals` deals of one company move to the trigger stage ("Won" → draft invoice) at
 * once; the figure is the time until every draft exists in Xero and every note is on its deal.
 * The app (embedded mode, SQLite, the default WORKER_CONCURRENCY) runs in this process with both sandboxes,
 * all on one clock `rate` times faster than real time (SandboxClock.setRate; the app's limiter
 * sleeps on it), so Xero's minute windows pass in 60/rate seconds. Times below are that clock's.
 *
 * The floor is what the vendors' limits allow for the calls this run needed (vendor-tally.ts
 * vendorFloorSeconds); the larger of Xero's and Pipedrive's counts.
 */
import { COMPANY, SALES, startAppKit } from '../../test/support/app-kit.js';
import { pipedriveTokenCost } from './pipedrive-tokens.js';
import { vendorFloorSeconds } from './vendor-tally.js';

export interface BurstFigures {
  documents: number;
  seconds: number;
  floorSeconds: number;
  ratioToFloor: number;
  xeroCalls: number;
  pipedriveCalls: number;
  pipedriveCallsByRoute: Record<string, number>;
  xeroCallsByRoute: Record<string, number>;
  pipedriveTokens: number;
  /** Xero's 429s (what the limiter is for) and Pipedrive's, apart. */
  xero429: number;
  pipedrive429: number;
  lost: number;
  duplicates: number;
  cpuMsPerDocument: number;
  peakRssMb: number;
  rate: number;
  /** Until the last deal was moved (the clock's seconds). */
  movedSeconds: number;
  /**
   * A settings save (PUT /api/companies/:id/settings, which checks the settings against the Xero
   * organisation) made once a quarter of the drafts exist, while the rest wait for Xero's budget:
   * real milliseconds to the answer, its status, and the drafts still to make when it was answered.
   */
  settingsSave: { ms: number; status: number; backlog: number };
}

interface Logged {
  seq: number;
  method: string;
  path: string;
  status?: number;
}

export async function measureBurst(options: {
  deals: number;
  rate: number;
  /** WORKER_CONCURRENCY; default the app's own. */
  concurrency?: number;
}): Promise<BurstFigures> {
  const kit = await startAppKit({
    sharedClock: true,
    env: {
      ...(options.concurrency !== undefined && { WORKER_CONCURRENCY: String(options.concurrency) }),
      // Leases are renewed on real-time timers (every third of a lease) but run out on the fast
      // clock: a day's lease outlives the bench at any speed-up. Same for the catch-up.
      QUEUE_LEASE_MS: String(24 * 3_600_000),
      CATCH_UP_INTERVAL_MS: String(24 * 3_600_000),
    },
  });
  try {
    const client = await kit.app.connections.pipedriveFor(COMPANY);
    const template = await client.getDeal(1);
    const lines = await client.listDealProducts(1);
    const ids: number[] = [];
    for (let i = 0; i < options.deals; i++) {
      const { data } = await kit.control(
        'pipedrive',
        'POST',
        `/__sandbox/pipedrive/companies/${COMPANY}/deals`,
        {
          title: `Month-end ${i + 1}`,
          org_id: template.org_id,
          person_id: template.person_id,
          currency: template.currency,
          pipeline_id: SALES.pipelineId,
          stage_id: SALES.qualified,
        },
      );
      for (const line of lines)
        await kit.control(
          'pipedrive',
          'POST',
          `/__sandbox/pipedrive/companies/${COMPANY}/deals/${data.id}/products`,
          {
            product_id: line.product_id,
            item_price: line.item_price,
            quantity: line.quantity,
          },
        );
      ids.push(data.id as number);
    }
    await kit.flushWebhooks();
    const clock = kit.sandboxes.pipedrive.sandbox.clock;
    // Xero's windows start fresh, as at a month-end after a quiet hour.
    clock.advance(2 * 60_000);
    const xero = tally(kit.xeroUrl);
    const pipedrive = tally(kit.pipedriveUrl);
    await Promise.all([xero.skip(), pipedrive.skip()]);
    clock.setRate(options.rate);
    const cpuBefore = process.cpuUsage();
    const started = clock.now();
    // At once, as a bulk edit in Pipedrive moves them: 25 moves in flight at a time (one after
    // another, the moves alone took longer than the drafts: 19 real ms each).
    const moving = [...ids];
    const mover = async () => {
      for (let id = moving.shift(); id !== undefined; id = moving.shift())
        await kit.control(
          'pipedrive',
          'POST',
          `/__sandbox/pipedrive/companies/${COMPANY}/deals/${id}/move`,
          { stage_id: SALES.won },
        );
    };
    await Promise.all(Array.from({ length: 25 }, mover));
    const movedSeconds = (clock.now() - started) / 1000;
    let ended = started;
    let settingsSave: BurstFigures['settingsSave'] | undefined;
    for (;;) {
      await Promise.all([xero.poll(), pipedrive.poll()]);
      const done = await kit.app.db
        .selectFrom('deal_notes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('company_id', '=', COMPANY)
        .where('deal_id', 'in', ids)
        .where('status', '=', 'sent')
        .executeTakeFirst();
      if (settingsSave === undefined && Number(done?.n ?? 0) >= ids.length / 4)
        settingsSave = await saveSettingsNow(kit.appUrl, kit.auth, async () => {
          const { invoices } = await kit.documents();
          return ids.length - invoices.length;
        });
      if (Number(done?.n ?? 0) >= ids.length) {
        ended = clock.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const cpu = process.cpuUsage(cpuBefore);
    clock.setRate(1);
    await Promise.all([xero.poll(), pipedrive.poll()]);
    const { invoices } = await kit.documents();
    const references = new Map<string, number>();
    for (const invoice of invoices as { Reference: string }[]) {
      const deal = /^Pipedrive deal (\d+):/.exec(invoice.Reference)?.[1];
      if (deal !== undefined && ids.includes(Number(deal)))
        references.set(deal, (references.get(deal) ?? 0) + 1);
    }
    const seconds = (ended - started) / 1000;
    const floorSeconds = vendorFloorSeconds(xero.accounting, pipedrive.calls);
    return {
      documents: ids.length,
      seconds: round(seconds),
      floorSeconds: round(floorSeconds),
      ratioToFloor: round(seconds / floorSeconds),
      xeroCalls: xero.accounting,
      xeroCallsByRoute: xero.byRoute,
      pipedriveCalls: pipedrive.calls,
      pipedriveCallsByRoute: pipedrive.byRoute,
      pipedriveTokens: pipedrive.tokens,
      xero429: xero.count429,
      pipedrive429: pipedrive.count429,
      lost: ids.length - references.size,
      duplicates: [...references.values()].reduce((sum, n) => sum + n - 1, 0),
      cpuMsPerDocument: round((cpu.user + cpu.system) / 1000 / ids.length),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024),
      rate: options.rate,
      movedSeconds: round(movedSeconds),
      settingsSave: settingsSave ?? { ms: Number.NaN, status: 0, backlog: 0 },
    };
  } finally {
    await kit.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The company's settings saved again unchanged, as the settings page would, timed in real ms. */
async function saveSettingsNow(
  appUrl: string,
  auth: { authorization: string },
  backlog: () => Promise<number>,
): Promise<BurstFigures['settingsSave']> {
  const url = `${appUrl}/api/companies/${COMPANY}/settings`;
  const { settings } = (await (await fetch(url, { headers: auth })).json()) as {
    settings: unknown;
  };
  const began = performance.now();
  const response = await fetch(url, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  await response.arrayBuffer();
  const ms = round(performance.now() - began);
  return { ms, status: response.status, backlog: await backlog() };
}

/** Counts a sandbox's requests as they come (its log keeps only the last 5,000). */
function tally(url: string) {
  let since = 0;
  const counts = { accounting: 0, calls: 0, tokens: 0, count429: 0 };
  const byRoute = new Map<string, number>();
  /** The next answered requests; one still in flight (no status yet) and those after it wait. */
  const read = async () => {
    const response = await fetch(`${url}/__sandbox/requests?since=${since}`);
    const { requests } = (await response.json()) as { requests: Logged[] };
    const pending = requests.findIndex((request) => request.status === undefined);
    const answered = pending === -1 ? requests : requests.slice(0, pending);
    since = answered.at(-1)?.seq ?? since;
    return answered;
  };
  return {
    get accounting() {
      return counts.accounting;
    },
    get calls() {
      return counts.calls;
    },
    get tokens() {
      return counts.tokens;
    },
    get count429() {
      return counts.count429;
    },
    /** "GET /api/v2/deals/{id}" → calls, most first. */
    get byRoute() {
      return Object.fromEntries([...byRoute].sort((a, b) => b[1] - a[1]));
    },
    async skip() {
      while ((await read()).length > 0);
    },
    async poll() {
      for (let page = await read(); page.length > 0; page = await read())
        for (const request of page) {
          counts.calls += 1;
          if (request.path.startsWith('/api.xro/2.0/')) counts.accounting += 1;
          if (request.path.includes('/api/v'))
            counts.tokens += pipedriveTokenCost(request.method, request.path);
          if (request.status === 429) counts.count429 += 1;
          const route = `${request.method} ${request.path.replace(/^\/c\/[^/]+/, '').replace(/\/\d+/g, '/{id}')}`;
          byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
        }
    },
  };
}
