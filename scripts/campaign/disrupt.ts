import type { Call } from './control.js';
import { sleep } from './driver.js';
import type { Random } from './random.js';
import type { RecoveryTracker } from './recovery.js';
import type { Disruption } from './schedule.js';
import type { Truth } from './seed.js';
import type { CampaignStore } from './store.js';
import type { Supervisor } from './supervisor.js';

/**
 * What goes wrong while the deals are fired: steady vendor faults armed for the whole window (a
 * share of Xero calls answered 5xx or 429 with Retry-After, created documents whose answer is cut
 * off, Pipedrive refusing notes), and the scheduled disruptions of schedule.ts.
 */
const ACCOUNTING = '/api.xro/2.0/';
const DOCUMENT_PUT = '/^\\/api\\.xro\\/2\\.0\\/(Invoices|Quotes)$/';
const NOTE_POST = '/\\/notes$/';
const ALWAYS = 1_000_000;

export interface DisruptionCounts {
  kills: number;
  dbTerminations: number;
  connectionsTerminated: number;
  xeroTokenExpiries: number;
  pipedriveTokenExpiries: number;
  timeouts: number;
  /** Seconds the ban episode took to get the webhook banned; null when no ban was seen. */
  banSeconds: number | null;
  /** One-shot vendor faults armed, by kind (see faultHits). */
  oneShots: Record<string, number>;
}

/**
 * The steady faults, each for one vendor. Rules are tried in order, so each share is of the calls
 * the earlier ones left alone: about 4 % of created documents lose their answer, 10 % of Accounting
 * calls get a 5xx and 5 % a 429 with Retry-After, 10 % of Pipedrive notes are refused with a 503.
 */
const STEADY: readonly (readonly ['xero' | 'pipedrive', Record<string, unknown>])[] = [
  ['xero', { kind: 'drop-response', method: 'PUT', path: DOCUMENT_PUT, probability: 0.04 }],
  ['xero', { kind: '503', path: ACCOUNTING, probability: 0.05 }],
  ['xero', { kind: '500', path: ACCOUNTING, probability: 0.053 }],
  ['xero', { kind: '429', path: ACCOUNTING, probability: 0.056, retryAfter: 2 }],
  ['pipedrive', { kind: '503', method: 'POST', path: NOTE_POST, probability: 0.1 }],
];

const keyOf = (vendor: string, rule: { kind?: unknown; path?: unknown }) =>
  `${vendor} ${String(rule.kind)}${rule.path === NOTE_POST ? ' (notes)' : ''}`;

export async function armSteadyFaults(pipedrive: Call, xero: Call, random: Random): Promise<void> {
  for (const [vendor, rule] of STEADY)
    await (vendor === 'xero' ? xero : pipedrive)('POST', '/__sandbox/faults', {
      ...rule,
      times: ALWAYS,
      seed: random.seed(),
    });
}

/** One of each steady fault, for the next matching call the steady rules leave alone. */
async function armOneOfEach(pipedrive: Call, xero: Call, armed: Record<string, number>) {
  for (const [vendor, { probability: _share, ...rule }] of STEADY) {
    await (vendor === 'xero' ? xero : pipedrive)('POST', '/__sandbox/faults', {
      ...rule,
      times: 1,
    });
    armed[keyOf(vendor, rule)] = (armed[keyOf(vendor, rule)] ?? 0) + 1;
  }
}

/**
 * How often each kind of fault struck: the steady rules' hits plus the one-shot rules (one of each,
 * held calls) that were used up. Read before the faults are cleared.
 */
export async function faultHits(
  pipedrive: Call,
  xero: Call,
  armed: Readonly<Record<string, number>>,
): Promise<Record<string, number>> {
  const hits: Record<string, number> = { ...armed };
  for (const [vendor, call] of [
    ['xero', xero],
    ['pipedrive', pipedrive],
  ] as const) {
    const { faults } = await call('GET', '/__sandbox/faults');
    for (const fault of faults as { kind: string; hits: number; times: number; path?: string }[]) {
      const key = keyOf(vendor, fault);
      // A one-shot rule still armed never struck.
      hits[key] = (hits[key] ?? 0) + (fault.times === ALWAYS ? fault.hits : -1);
    }
  }
  return hits;
}

/** Faults off, deliveries back to normal, held webhooks sent. */
export async function calmDown(pipedrive: Call, xero: Call): Promise<void> {
  await xero('DELETE', '/__sandbox/faults');
  await pipedrive('DELETE', '/__sandbox/faults');
  await pipedrive('POST', '/__sandbox/pipedrive/webhooks/knobs', {
    duplicates: 1,
    outOfOrder: false,
  });
  await pipedrive('POST', '/__sandbox/pipedrive/webhooks/flush');
}

export interface DisruptionContext {
  pipedrive: Call;
  xero: Call;
  supervisor: Supervisor;
  recovery: RecoveryTracker;
  store: CampaignStore;
  truth: Truth;
  servingSlot: string;
  log: (line: string) => void;
}

export async function runDisruptions(
  events: readonly Disruption[],
  context: DisruptionContext,
  started: number,
): Promise<DisruptionCounts> {
  const counts: DisruptionCounts = {
    kills: 0,
    dbTerminations: 0,
    connectionsTerminated: 0,
    xeroTokenExpiries: 0,
    pipedriveTokenExpiries: 0,
    timeouts: 0,
    banSeconds: null,
    oneShots: {},
  };
  const { pipedrive, xero, supervisor, recovery } = context;
  for (const event of events) {
    await sleep(started + event.at - Date.now());
    switch (event.kind) {
      case 'chaos':
        await pipedrive('POST', '/__sandbox/pipedrive/webhooks/knobs', {
          duplicates: event.on ? 3 : 1,
          outOfOrder: event.on,
          outOfOrderWindow: 3,
        });
        break;
      case 'kill':
        // A crashed process is being restarted: kill its successor; a held one stays down.
        if (!(await supervisor.whenUp(event.slot, 30_000))) break;
        counts.kills += 1;
        context.log(`kill -9 ${event.slot}`);
        recovery.open('kill', event.slot, supervisor.spec(event.slot).roles, Date.now());
        await supervisor.kill9(event.slot);
        break;
      case 'terminate-db': {
        const at = Date.now();
        const terminated = await context.store.terminateConnections();
        counts.dbTerminations += 1;
        counts.connectionsTerminated += terminated;
        context.log(`terminated ${terminated} database connections`);
        for (const slot of supervisor.names())
          if (supervisor.isUp(slot)) recovery.open('db', slot, supervisor.spec(slot).roles, at);
        break;
      }
      case 'expire-xero-tokens':
        counts.xeroTokenExpiries += 1;
        await xero('POST', '/__sandbox/xero/tokens/expire', {});
        break;
      case 'expire-pipedrive-tokens':
        counts.pipedriveTokenExpiries += 1;
        await pipedrive('POST', '/__sandbox/pipedrive/tokens/expire', {});
        break;
      case 'xero-timeout':
        counts.timeouts += 1;
        counts.oneShots['xero timeout'] = (counts.oneShots['xero timeout'] ?? 0) + 1;
        await xero('POST', '/__sandbox/faults', {
          kind: 'timeout',
          path: ACCOUNTING,
          holdMs: 35_000,
        });
        break;
      case 'one-of-each':
        await armOneOfEach(pipedrive, xero, counts.oneShots);
        break;
      case 'ban':
        counts.banSeconds = await banEpisode(context, event.company);
        break;
    }
  }
  return counts;
}

/**
 * The HTTP side is down while one company's deals keep changing: each change's first delivery
 * fails, and at ten failures Pipedrive bans the app's webhook for 30 minutes (docs/campaign.md).
 * The serving process comes back once the ban shows (or after 30 s); its recovery is timed from
 * then, as the outage itself was on purpose.
 */
async function banEpisode(
  context: DisruptionContext,
  companyIndex: number,
): Promise<number | null> {
  const { pipedrive, supervisor, recovery, servingSlot } = context;
  const company = context.truth.companies[companyIndex]!;
  const deals = context.truth.deals.filter((deal) => deal.companyId === company.plan.id);
  const started = Date.now();
  context.log(`ban episode: ${servingSlot} held down, company ${company.plan.id}'s deals edited`);
  await supervisor.kill9(servingSlot, true);
  let banned = false;
  for (let edit = 0; edit < 40 && !banned && Date.now() - started < 30_000; edit++) {
    const deal = deals[edit % deals.length]!;
    await pipedrive(
      'PATCH',
      `/__sandbox/pipedrive/companies/${company.plan.id}/deals/${deal.dealId}`,
      {
        expected_close_date: `2031-01-${String((edit % 28) + 1).padStart(2, '0')}`,
      },
    );
    await sleep(250);
    const { webhooks } = await pipedrive('GET', '/__sandbox/pipedrive/webhooks');
    banned = (webhooks as { subscription_url: string; is_active: number }[]).some(
      (webhook) =>
        webhook.subscription_url.endsWith(`/webhooks/pipedrive/${company.plan.id}`) &&
        webhook.is_active === 0,
    );
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  // A ban only matters for what Pipedrive then drops: edit on until one delivery is dropped, so the
  // episode always tests catching up (on a loaded machine the ban can come with the last edit).
  for (let edit = 0; banned && edit < 20 && !(await droppedAny(context)); edit++) {
    const deal = deals[edit % deals.length]!;
    await pipedrive(
      'PATCH',
      `/__sandbox/pipedrive/companies/${company.plan.id}/deals/${deal.dealId}`,
      { expected_close_date: `2032-01-${String((edit % 28) + 1).padStart(2, '0')}` },
    );
    await sleep(250);
  }
  context.log(
    banned ? `webhook of company ${company.plan.id} banned after ${seconds} s` : 'no ban seen',
  );
  recovery.open('kill', servingSlot, supervisor.spec(servingSlot).roles, Date.now());
  await supervisor.start(servingSlot).catch(() => undefined);
  return banned ? seconds : null;
}

async function droppedAny(context: DisruptionContext): Promise<boolean> {
  const { deliveries } = await context.pipedrive('GET', '/__sandbox/pipedrive/webhooks/deliveries');
  return (deliveries as { outcome: string }[]).some(
    (delivery) => delivery.outcome === 'dropped (webhook banned)',
  );
}
