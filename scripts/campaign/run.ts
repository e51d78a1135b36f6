import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandboxes } from '../../sandbox/start.js';
import { installCompany, registerPipedriveApp, sandboxedAppEnv } from './app-setup.js';
import { jsonClient } from './control.js';
import {
  armSteadyFaults,
  calmDown,
  type DisruptionCounts,
  faultHits,
  runDisruptions,
} from './disrupt.js';
import { driveDeals } from './driver.js';
import { judge, type OracleTruth, type Verdict } from './oracle.js';
import { type OrphanSummary, watchOrphans } from './orphans.js';
import { estimateFireSeconds } from './pace.js';
import { createRandom } from './random.js';
import { type RecoverySummary, RecoveryTracker } from './recovery.js';
import { planDisruptions } from './schedule.js';
import { type SeededDeal, seedWorld, type Truth } from './seed.js';
import { settle } from './settle.js';
import { createCampaignStore } from './store.js';
import { type SlotSpec, Supervisor } from './supervisor.js';
import { readVendors, webhookRetriesOwedMs } from './vendors.js';
import { planWorld, type WorldPlan } from './world.js';
import { countXeroCalls } from './xero-calls.js';

/**
 * One campaign in one mode: sandboxes (in this process, real HTTP on loopback) with the planned
 * world, the app as real processes (SQLite: one `start`; PostgreSQL: one `serve` and two
 * `worker`s), the deals fired over a window while things go wrong, then faults off, a bounded
 * settle, and the oracle's verdict. docs/campaign.md describes it.
 */
export interface CampaignOptions {
  mode: 'sqlite' | 'postgres';
  deals: number;
  seed: number;
  /** Where the PostgreSQL database is created (CAMPAIGN_DATABASE_URL / TEST_DATABASE_URL). */
  adminDatabaseUrl: string;
  /** The firing window; estimated from Xero's pace when absent. */
  fireSeconds?: number;
  /** Longest settle after the faults stop. */
  settleSeconds: number;
  /** Settle ends early once nothing has changed for this long and no run is left open. */
  quietSeconds: number;
  /** More environment for the app's processes (e.g. a catch-up interval). */
  appEnv?: Record<string, string>;
  /** Keep the run's folder (logs, SQLite file) and PostgreSQL database. */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface CampaignResult {
  mode: CampaignOptions['mode'];
  seed: number;
  seconds: number;
  fireSeconds: number;
  settleSeconds: number;
  verdict: Verdict;
  recovery: RecoverySummary;
  /** Dead workers' jobs: how long they stayed taken. */
  orphans: OrphanSummary;
  /** QUEUE_LEASE_MS the app ran with. */
  leaseMs: number;
  /** Accounting API calls the app made from the first deal fired to the end, all organisations. */
  xeroCalls: number;
  disruptions: DisruptionCounts;
  faultHits: Record<string, number>;
  bannedWebhooks: number;
  crashes: { slot: string; code: number | null; signal: string | null; tail: string[] }[];
  /** The run's folder: each process's log is in `logs/`. */
  dir: string;
  /** Changed sandbox limits, said in the output. */
  limits: string;
}

/** How long a taken job stays taken without a heartbeat; the app's default is 60 s. */
const LEASE_MS = '15000';
/**
 * How often the app checks its webhook and catches up on missed deals (issue 8's catch-up; the
 * app's default is 5 min). Shorter, so a settle of a minute or two sees it; ignored by an app
 * without it.
 */
const CATCH_UP_MS = '20000';

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const log = options.log ?? (() => undefined);
  const began = Date.now();
  const plan = planWorld(options.deals, createRandom(options.seed));
  const workers = options.mode === 'sqlite' ? 1 : 2;
  const fireMs = (options.fireSeconds ?? estimateFireSeconds(plan)) * 1000;
  const dir = mkdtempSync(join(tmpdir(), `pdx-campaign-${options.mode}-`));
  mkdirSync(join(dir, 'logs'));

  const sandboxes = await startSandboxes({
    host: '127.0.0.1',
    pipedrivePort: 0,
    xeroPort: 0,
    seed: 'demo',
    logLevel: 'silent',
  });
  const pipedrive = jsonClient(sandboxes.pipedrive.url);
  const xero = jsonClient(sandboxes.xero.url);
  const store = await createCampaignStore(
    options.mode === 'sqlite' ? 'sqlite' : 'postgres',
    dir,
    options.adminDatabaseUrl,
  );
  const recovery = new RecoveryTracker();
  let supervisor: Supervisor | undefined;
  try {
    await pipedrive('POST', '/__sandbox/reset', { seed: 'empty' });
    // Xero allows 60 calls a minute and 5 at once per organisation to one app, however many of its
    // processes call (on PostgreSQL they share one budget: services/xero-shared-limiter.ts).
    const limits = { perMinutePerTenant: 60, concurrentPerTenant: 5, perDayPerTenant: 50_000 };
    await xero('POST', '/__sandbox/xero/limits', limits);
    await pipedrive('POST', '/__sandbox/pipedrive/limits', { dailyTokenBudget: 1_000_000 });
    const truth = await seedWorld(plan, pipedrive, xero);
    log(
      `${options.mode}: ${truth.deals.length} deals, ${truth.customers.size} customers, ` +
        `${plan.xeroContacts.length} hand-made Xero contacts; firing over ${Math.round(fireMs / 1000)} s`,
    );

    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    await registerPipedriveApp(pipedrive, appUrl);
    const slots: SlotSpec[] =
      options.mode === 'sqlite'
        ? [{ name: 'start', command: 'start', roles: ['serve', 'worker'] }]
        : [
            { name: 'serve', command: 'serve', roles: ['serve'] },
            { name: 'worker-1', command: 'worker', roles: ['worker'] },
            { name: 'worker-2', command: 'worker', roles: ['worker'] },
          ];
    const running = new Supervisor({
      env: {
        ...sandboxedAppEnv({
          databaseUrl: store.url,
          dataDir: dir,
          port,
          pipedriveUrl: sandboxes.pipedrive.url,
          xeroUrl: sandboxes.xero.url,
        }),
        QUEUE_LEASE_MS: LEASE_MS,
        CATCH_UP_INTERVAL_MS: CATCH_UP_MS,
        ...options.appEnv,
      },
      slots,
      logDir: join(dir, 'logs'),
      onWork: (slot, role, at) => recovery.worked(slot, role, at),
      onCrash: (crash) =>
        log(`crash: ${crash.slot} exited on its own (${crash.code ?? crash.signal})`),
    });
    supervisor = running;
    const orphans = watchOrphans(store, running.deadPools);
    // The serving process first: it migrates the store before the workers open it.
    await running.start(slots[0]!.name);
    await Promise.all(slots.slice(1).map((slot) => running.start(slot.name)));
    for (const company of truth.companies) await installCompany(appUrl, company);

    const faultRandom = createRandom(options.seed + 1);
    const xeroCalls = countXeroCalls(xero);
    await armSteadyFaults(pipedrive, xero, faultRandom);
    const started = Date.now();
    const events = planDisruptions(
      {
        fireMs,
        deals: truth.deals.length,
        servingSlot: slots[0]!.name,
        workerSlots: slots.slice(1).map((slot) => slot.name),
        postgres: options.mode === 'postgres',
        companies: truth.companies.length,
      },
      createRandom(options.seed + 2),
    );
    const driver = driveDeals({
      shots: shotsOf(plan, truth),
      companies: truth.companies,
      fireMs,
      pipedrive,
      random: faultRandom,
    });
    const disruptions = await runDisruptions(
      events,
      {
        pipedrive,
        xero,
        supervisor: running,
        recovery,
        store,
        truth,
        servingSlot: slots[0]!.name,
        log,
      },
      started,
    );
    await driver.done;
    const hits = await faultHits(pipedrive, xero, disruptions.oneShots);
    await calmDown(pipedrive, xero);
    await running.ensureAllUp();
    log(
      `${options.mode}: faults off after ${Math.round((Date.now() - started) / 1000)} s; settling`,
    );

    const settleStarted = Date.now();
    const app = await settle(
      store.read,
      () => webhookRetriesOwedMs(pipedrive),
      truth,
      driver.fired,
      options,
    );
    const settleSeconds = Math.round((Date.now() - settleStarted) / 1000);
    const orphaned = await orphans.stop();
    const calls = await xeroCalls.stop();
    const vendors = await readVendors(truth, pipedrive, xero);
    const summary = recovery.summary(Date.now());
    const verdict = judge(oracleTruth(truth, driver.fired), vendors, app, {
      crashes: running.crashes.length,
      recovery: summary,
    });
    return {
      mode: options.mode,
      seed: options.seed,
      seconds: Math.round((Date.now() - began) / 1000),
      fireSeconds: Math.round(fireMs / 1000),
      settleSeconds,
      verdict,
      recovery: summary,
      orphans: orphaned,
      leaseMs: Number(LEASE_MS),
      xeroCalls: [...calls.values()].reduce((sum, count) => sum + count, 0),
      disruptions,
      faultHits: hits,
      bannedWebhooks: vendors.bannedWebhooks,
      crashes: running.crashes.map((crash) => ({
        slot: crash.slot,
        code: crash.code,
        signal: crash.signal,
        tail: crash.tail.slice(-8),
      })),
      dir,
      limits: `Xero sandbox: ${limits.perMinutePerTenant} calls/min and ${limits.concurrentPerTenant} at once per organisation (${workers} app process(es) making calls, sharing one budget), ${limits.perDayPerTenant}/day; Pipedrive sandbox: daily token budget 1,000,000`,
    };
  } finally {
    await supervisor?.stopAll();
    await sandboxes.close();
    if (options.keep) await store.close();
    else {
      await store.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function shotsOf(plan: WorldPlan, truth: Truth): SeededDeal[][] {
  const byKey = new Map(truth.deals.map((deal) => [deal.plan.key, deal]));
  return plan.shots.map((shot) => shot.map((key) => byKey.get(key)!));
}

function oracleTruth(truth: Truth, fired: ReadonlySet<number>): OracleTruth {
  return {
    deals: truth.deals.map((deal) => ({
      dealId: deal.dealId,
      companyId: deal.companyId,
      tenantId: deal.tenantId,
      triggerKey: deal.triggerKey,
      valid: deal.plan.valid,
      fired: fired.has(deal.dealId),
      customer: {
        key: deal.customer.plan.key,
        name: deal.customer.plan.name,
        number: deal.customer.number,
        trap: deal.customer.plan.trap,
        mustSucceed: deal.customer.plan.mustSucceed,
      },
    })),
    twins: truth.twins,
    preseeded: truth.preseeded,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
