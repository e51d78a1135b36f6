import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { QueueEvents } from '../../src/queue/events.js';
import { catchUp, INBOX_RETENTION_MS } from '../../src/services/catch-up.js';
import { setWebhookCredentials } from '../../src/store/repos/companies.js';
import { recordInboxEvent } from '../../src/store/repos/inbox.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

/**
 * The periodic catch-up over real HTTP (services/catch-up.ts): the app and both sandboxes share
 * one clock, so advancing it by CATCH_UP_INTERVAL_MS (5 min by default) makes the company's check
 * due. Pipedrive's ban, its deleted webhooks and its late deliveries are the sandbox's own.
 */
const INTERVAL_MS = 5 * 60_000;
const RULES = [
  { pipelineId: SALES.pipelineId, stageId: SALES.won, document: 'invoice' as const },
  { pipelineId: SALES.pipelineId, stageId: SALES.proposal, document: 'quote' as const },
];

/** Resolves once a document-for-deal job of each deal has succeeded. */
function documentJobsDone(kit: AppKit, dealIds: number[]): Promise<void> {
  const waiting = new Set(dealIds);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no document job for deals ${[...waiting].join(', ')}`)),
      20_000,
    );
    const listener = (...[info]: QueueEvents['job:success']) => {
      if (info.name !== 'document-for-deal') return;
      waiting.delete((info.payload as { dealId: number }).dealId);
      if (waiting.size > 0) return;
      clearTimeout(timer);
      kit.app.queue.events.off('job:success', listener);
      resolve();
    };
    kit.app.queue.events.on('job:success', listener);
  });
}

/** Lets CATCH_UP_INTERVAL_MS pass and waits for the company's check to finish. */
async function nextCheck(kit: AppKit): Promise<void> {
  const checked = kit.next('job:success', (info) => info.name === 'catch-up');
  kit.advance(INTERVAL_MS);
  await checked;
}

async function ourWebhooks(kit: AppKit): Promise<any[]> {
  const { webhooks } = await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks');
  return webhooks.filter((webhook: any) => webhook.subscription_url.startsWith(kit.appUrl));
}

async function catchUpStatus(kit: AppKit): Promise<any> {
  const response = await fetch(`${kit.appUrl}/api/status?company=${COMPANY}`, {
    headers: kit.auth,
  });
  return ((await response.json()) as any).companies[0].catchUp;
}

async function documentsOfDeal(kit: AppKit, dealId: number): Promise<any[]> {
  const { invoices, quotes } = await kit.documents();
  return [...invoices, ...quotes].filter((document) =>
    document.Reference?.startsWith(`Pipedrive deal ${dealId}:`),
  );
}

const dealPath = (dealId: number, suffix = '') =>
  `/__sandbox/pipedrive/companies/${COMPANY}/deals/${dealId}${suffix}`;

describe('catch-up: a webhook Pipedrive banned', () => {
  let kit: AppKit;
  let bannedId: number;
  before(async () => {
    kit = await startAppKit({ sharedClock: true });
    await kit.setTriggers({ rules: RULES, onWon: 'invoice' });
    kit.advance(2_000);
  });
  after(() => kit.close());

  it('is banned after 10 failed first attempts, and the stage changes meanwhile are lost', async () => {
    // The app refuses Pipedrive's deliveries (as if it were down): 401 to the old password.
    await setWebhookCredentials(kit.app.db, kit.app.deps.box, COMPANY, {
      user: `pdx-${COMPANY}`,
      password: 'rotated-by-the-test',
    });
    for (let i = 1; i <= 10; i++) {
      await kit.control('pipedrive', 'PATCH', dealPath(10), { title: `Renamed ${i}` });
      await kit.flushWebhooks();
    }
    const [banned] = await ourWebhooks(kit);
    assert.equal(banned.is_active, 0);
    bannedId = banned.id;

    await kit.moveDeal(1, SALES.won);
    await kit.moveDeal(2, SALES.won);
    await kit.moveDeal(6, SALES.proposal);
    await kit.control('pipedrive', 'POST', dealPath(5, '/won'));
    await kit.flushWebhooks();
    const { deliveries } = await kit.control(
      'pipedrive',
      'GET',
      '/__sandbox/pipedrive/webhooks/deliveries',
    );
    assert.equal(
      deliveries.filter((delivery: any) => delivery.outcome === 'dropped (webhook banned)').length,
      4,
    );
    for (const dealId of [1, 2, 5, 6])
      assert.deepEqual(await listRunsForDeal(kit.app.db, COMPANY, dealId), []);
  });

  it('the next check makes the webhook again and starts each missed trigger once', async () => {
    const done = documentJobsDone(kit, [1, 2, 5, 6]);
    await nextCheck(kit);
    await done;

    const webhooks = await ourWebhooks(kit);
    assert.equal(webhooks.length, 1, 'the banned one was deleted');
    assert.equal(webhooks[0].is_active, 1);
    assert.notEqual(webhooks[0].id, bannedId);

    const expected: [number, string][] = [
      [1, `stage:${SALES.pipelineId}:${SALES.won}`],
      [2, `stage:${SALES.pipelineId}:${SALES.won}`],
      [5, 'won'],
      [6, `stage:${SALES.pipelineId}:${SALES.proposal}`],
    ];
    for (const [dealId, triggerKey] of expected) {
      const runs = await listRunsForDeal(kit.app.db, COMPANY, dealId);
      assert.deepEqual(
        runs.map((run) => [run.triggerKey, run.status]),
        [[triggerKey, 'succeeded']],
        `deal ${dealId}: one run`,
      );
      assert.equal((await documentsOfDeal(kit, dealId)).length, 1, `deal ${dealId}: one document`);
    }

    const status = await catchUpStatus(kit);
    assert.equal(status.webhook.status, 're-created');
    assert.match(status.webhook.reason, /deactivated/);
    assert.equal(status.webhook.webhookId, webhooks[0].id);
    assert.equal(status.last.status, 'ok');
    assert.equal(status.last.runsStarted, 4);
    assert.ok(status.last.dealsExamined >= 5, 'deals 1, 2, 5, 6 and the renamed 10');
  });

  it('the settings page shows the webhook made again and the last catch-up', async () => {
    const response = await kit.session.fetch(`${kit.appUrl}/ui/settings?company=${COMPANY}`);
    const html = await response.text();
    assert.match(html, /data-testid="webhook-health" data-state="re-created">re-created/);
    assert.match(html, /data-testid="catch-up">[^<]*4 missed runs started/);
  });

  it('the check after finds the webhook healthy and starts nothing again', async () => {
    await nextCheck(kit);
    const status = await catchUpStatus(kit);
    assert.equal(status.webhook.status, 'ok');
    assert.equal(status.last.runsStarted, 0);
    for (const dealId of [1, 2, 5, 6])
      assert.equal((await listRunsForDeal(kit.app.db, COMPANY, dealId)).length, 1);
  });

  it('the webhook made again delivers the next stage change', async () => {
    const done = documentJobsDone(kit, [1]);
    await kit.moveDeal(1, SALES.proposal);
    await done;
    const runs = await listRunsForDeal(kit.app.db, COMPANY, 1);
    assert.deepEqual(
      runs.map((run) => [run.triggerKey, run.status]),
      [
        [`stage:${SALES.pipelineId}:${SALES.proposal}`, 'succeeded'],
        [`stage:${SALES.pipelineId}:${SALES.won}`, 'succeeded'],
      ],
    );
    assert.equal((await documentsOfDeal(kit, 1)).length, 2, 'the invoice, then the quote');
  });
});

describe('catch-up: a webhook deleted in Pipedrive', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ sharedClock: true });
    kit.advance(2_000);
  });
  after(() => kit.close());

  it('is made again, and the stage change it missed gets its document', async () => {
    const [webhook] = await ourWebhooks(kit);
    const client = await kit.app.connections.pipedriveFor(COMPANY);
    await client.deleteWebhook(webhook.id);
    await kit.moveDeal(1, SALES.won);
    assert.deepEqual(await listRunsForDeal(kit.app.db, COMPANY, 1), [], 'nothing was delivered');

    const done = documentJobsDone(kit, [1]);
    await nextCheck(kit);
    await done;
    const webhooks = await ourWebhooks(kit);
    assert.equal(webhooks.length, 1);
    assert.equal(webhooks[0].is_active, 1);
    assert.equal(webhooks[0].subscription_url, `${kit.appUrl}/webhooks/pipedrive/${COMPANY}`);
    const status = await catchUpStatus(kit);
    assert.equal(status.webhook.status, 're-created');
    assert.match(status.webhook.reason, /deleted/);
    assert.equal((await listRunsForDeal(kit.app.db, COMPANY, 1)).length, 1);
    assert.equal((await documentsOfDeal(kit, 1)).length, 1);
  });
});

describe('catch-up: a late webhook delivery after the catch-up started the run', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ sharedClock: true });
    kit.advance(2_000);
  });
  after(() => kit.close());

  it('joins the run: one run, one document, one note', async () => {
    // Pipedrive holds the delivery (out of order, waiting for more events) past the next check.
    await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/knobs', {
      outOfOrder: true,
      outOfOrderWindow: 100,
    });
    await kit.moveDeal(2, SALES.won, { flush: false });
    const done = documentJobsDone(kit, [2]);
    await nextCheck(kit);
    await done;
    const [run] = await listRunsForDeal(kit.app.db, COMPANY, 2);
    assert.equal(run?.status, 'succeeded');

    await kit.flushWebhooks();
    const [event] = await kit.app.db
      .selectFrom('inbox_events')
      .select(['outcome', 'payload'])
      .where('company_id', '=', COMPANY)
      .execute();
    assert.match(String(event?.payload), /"entity_id":"2"/);
    assert.equal(event?.outcome, `already handled: run ${run?.id} succeeded`);
    assert.equal((await listRunsForDeal(kit.app.db, COMPANY, 2)).length, 1);
    assert.equal((await documentsOfDeal(kit, 2)).length, 1);
    assert.equal((await kit.notes(2)).length, 1);
  });
});

describe('catch-up: a deal that entered its trigger stage before the install', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ sharedClock: true, ready: false, worker: false });
  });
  after(() => kit.close());

  it('starts nothing, though the deal was updated since', async () => {
    await kit.moveDeal(1, SALES.won);
    await kit.moveDeal(3, SALES.proposal);
    kit.advance(10_000); // inside the check's overlap margin: the deals are listed, not fired
    assert.equal((await kit.install()).status, 303);
    assert.equal((await kit.connectXero()).status, 200);
    await kit.setTriggers();
    await kit.app.startWorker();
    kit.advance(2_000);
    await kit.control('pipedrive', 'PATCH', dealPath(1), { title: 'Renamed after the install' });
    await kit.flushWebhooks();

    await nextCheck(kit);
    const status = await catchUpStatus(kit);
    assert.equal(status.last.status, 'ok');
    assert.ok(status.last.dealsExamined >= 2, 'deals 1 and 3 were looked at');
    assert.equal(status.last.runsStarted, 0);
    for (const dealId of [1, 3])
      assert.deepEqual(await listRunsForDeal(kit.app.db, COMPANY, dealId), []);
  });
});

describe('catch-up: a check left by a crashed process', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ sharedClock: true, env: { QUEUE_LEASE_MS: '60000' } });
    await kit.setTriggers({ rules: RULES, onWon: null });
  });
  after(() => kit.close());

  it('holds the company for QUEUE_LEASE_MS only, so the next check runs after it', async () => {
    // A check that never gets its page of deals stands for one whose process died mid-pass.
    await kit.control('pipedrive', 'POST', '/__sandbox/faults', {
      kind: 'timeout',
      method: 'GET',
      path: '/\/api\/v2\/deals/',
      holdMs: 2_000,
    });
    const stuck = catchUp(kit.app.deps, COMPANY).catch(() => undefined);
    await until(async () => (await leaseOf(kit)) !== null);
    assert.deepEqual(await catchUp(kit.app.deps, COMPANY), { kind: 'busy' });

    kit.advance(60_001);
    const next = await catchUp(kit.app.deps, COMPANY);
    assert.equal(next.kind, 'checked');
    await stuck;
  });
});

describe('catch-up: old webhooks leave the inbox', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ sharedClock: true });
  });
  after(() => kit.close());

  it('deletes processed events older than INBOX_RETENTION_MS, keeps the rest', async () => {
    const now = kit.app.deps.clock.now().getTime();
    const record = (eventKey: string, ageMs: number) =>
      recordInboxEvent(kit.app.db, {
        companyId: COMPANY,
        source: 'pipedrive',
        eventKey,
        payload: { meta: { id: eventKey } },
        receivedAt: new Date(now - ageMs),
        processed: { at: new Date(now - ageMs), outcome: 'no_trigger' },
      });
    await record('past-retention', INBOX_RETENTION_MS + 1);
    await record('within-retention', INBOX_RETENTION_MS - 60_000);

    assert.equal((await catchUp(kit.app.deps, COMPANY)).kind, 'checked');
    assert.equal((await record('past-retention', 0)).duplicate, false, 'deleted');
    assert.equal((await record('within-retention', 0)).duplicate, true, 'kept');
  });
});

async function leaseOf(kit: AppKit): Promise<string | null> {
  const row = await kit.app.db
    .selectFrom('catch_up_state')
    .select('lease_until')
    .where('company_id', '=', COMPANY)
    .executeTakeFirst();
  return row?.lease_until ?? null;
}

/** Polls `check` every 20 ms for up to 5 s (the state is another call's, in flight). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 250; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 5 s');
}
