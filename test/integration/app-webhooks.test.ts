import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  getCompany,
  getWebhookCredentials,
  setWebhookCredentials,
  updateCompanySettings,
} from '../../src/store/repos/companies.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

describe('app: Pipedrive webhook intake', () => {
  let kit: AppKit;
  let url: string;
  let goodAuth: string;
  before(async () => {
    kit = await startAppKit();
    url = `${kit.appUrl}/webhooks/pipedrive/${COMPANY}`;
    const credentials = await getWebhookCredentials(kit.app.db, kit.app.deps.box, COMPANY);
    goodAuth = `Basic ${Buffer.from(`${credentials?.user}:${credentials?.password}`).toString('base64')}`;
  });
  after(() => kit.close());

  const post = (body: string, authorization = goodAuth) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body,
    });
  const inbox = () =>
    kit.app.db.selectFrom('inbox_events').selectAll().orderBy('received_at').execute();

  it('answers 401 to wrong or missing credentials, and stores nothing', async () => {
    const wrong = `Basic ${Buffer.from(`pdx-${COMPANY}:guess`).toString('base64')}`;
    for (const authorization of [wrong, '']) {
      const response = await post('{}', authorization);
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as any).error.code, 'webhook_unauthorized');
    }
    assert.equal((await inbox()).length, 0);
  });

  it('answers 400 to malformed JSON with a clear message', async () => {
    const response = await post('{"meta": ');
    assert.equal(response.status, 400);
    const body = (await response.json()) as any;
    assert.equal(body.error.code, 'invalid_json');
    assert.match(body.error.message, /not valid JSON/);
  });

  it('answers 400 to JSON of the wrong shape, naming the problems', async () => {
    const response = await post(JSON.stringify({ meta: { action: 'change' }, data: {} }));
    assert.equal(response.status, 400);
    const body = (await response.json()) as any;
    assert.equal(body.error.code, 'webhook_invalid');
    assert.ok(body.error.details.some((detail: string) => detail.startsWith('meta.entity_id')));
    assert.equal((await inbox()).length, 0);
  });

  it('records a move to an unconfigured stage as ignored, with no run', async () => {
    await kit.moveDeal(5, SALES.negotiation);
    const events = await inbox();
    assert.equal(events.length, 1, 'answered only after the insert, so it is stored by now');
    assert.equal(events[0]?.outcome, `ignored: stage ${SALES.negotiation} not configured`);
    assert.deepEqual(await listRunsForDeal(kit.app.db, COMPANY, 5), []);
  });

  it('a delivery repeated three times makes one run and ONE document', async () => {
    await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/knobs', {
      duplicates: 3,
    });
    const done = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 1,
    );
    await kit.moveDeal(1, SALES.won);
    await done;
    await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/knobs', {
      duplicates: 1,
    });

    const deliveries = (
      await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks/deliveries')
    ).deliveries.filter((delivery: any) => delivery.payload.meta.entity_id === '1');
    assert.equal(deliveries.length, 3);
    assert.ok(deliveries.every((delivery: any) => delivery.status === 200));
    assert.equal((await listRunsForDeal(kit.app.db, COMPANY, 1)).length, 1);
    const { invoices } = await kit.documents();
    assert.equal(
      invoices.filter((invoice) => invoice.Reference?.startsWith('Pipedrive deal 1:')).length,
      1,
    );
  });

  it('out-of-order deliveries are harmless: one document for the trigger, nothing for the stale move', async () => {
    await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/knobs', {
      outOfOrder: true,
      outOfOrderWindow: 3,
    });
    const done = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 2,
    );
    // Won, back to Negotiation, Won again: delivered newest first.
    await kit.moveDeal(2, SALES.won, { flush: false });
    await kit.moveDeal(2, SALES.negotiation, { flush: false });
    await kit.moveDeal(2, SALES.won, { flush: false });
    await kit.flushWebhooks();
    await done;
    await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/knobs', {
      outOfOrder: false,
    });

    const runs = await listRunsForDeal(kit.app.db, COMPANY, 2);
    // Usually one run; a second Won arriving after the first run ended finds the document (reused).
    assert.ok(
      runs.length >= 1 && runs.every((run) => run.status === 'succeeded'),
      JSON.stringify(runs),
    );
    const { invoices } = await kit.documents();
    assert.equal(
      invoices.filter((invoice) => invoice.Reference?.startsWith('Pipedrive deal 2:')).length,
      1,
    );
    const outcomes = (await inbox()).filter((event) =>
      (event.payload as string).includes('"entity_id":"2"'),
    );
    assert.equal(outcomes.length, 3);
    assert.equal(outcomes.filter((event) => event.outcome?.startsWith('ignored: stage')).length, 1);
  });

  // The intake caches each company's opened credentials and parsed settings; these changes are
  // written straight to the store, as another process (a second `serve`, the CLI) would.
  it('uses settings saved by another process from the next event on', async () => {
    const before = (await getCompany(kit.app.db, COMPANY))?.settings as any;
    await kit.moveDeal(6, SALES.qualified);
    await updateCompanySettings(kit.app.db, COMPANY, {
      ...before,
      triggers: { ...before.triggers, rules: [] },
    });
    await kit.moveDeal(6, SALES.won);
    const latest = (await inbox()).at(-1);
    assert.equal(latest?.outcome, `ignored: stage ${SALES.won} not configured`);
    await updateCompanySettings(kit.app.db, COMPANY, before);
    assert.deepEqual(await listRunsForDeal(kit.app.db, COMPANY, 6), []);
  });

  it('refuses the old credentials as soon as another process stores new ones', async () => {
    const old = await getWebhookCredentials(kit.app.db, kit.app.deps.box, COMPANY);
    assert.ok(old);
    await setWebhookCredentials(kit.app.db, kit.app.deps.box, COMPANY, {
      user: old.user,
      password: 'rotated-password',
    });
    try {
      assert.equal((await post('{}')).status, 401);
      const rotated = `Basic ${Buffer.from(`${old.user}:rotated-password`).toString('base64')}`;
      assert.equal((await post('{}', rotated)).status, 400, 'authorised, then refused as a body');
    } finally {
      await setWebhookCredentials(kit.app.db, kit.app.deps.box, COMPANY, old);
    }
  });

  it('stores every one of many simultaneous deliveries, and a repeat among them once', async () => {
    const [template] = (
      await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks/deliveries')
    ).deliveries.filter((delivery: any) => delivery.payload.meta.entity_id === '5');
    assert.ok(template, 'the first test delivered a move of deal 5');
    const bodies = Array.from({ length: 40 }, (_, index) =>
      JSON.stringify({
        ...template.payload,
        meta: { ...template.payload.meta, id: `burst-${index % 30}` },
      }),
    );
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const response = await post(body);
        return { status: response.status, body: (await response.json()) as any };
      }),
    );
    assert.ok(answers.every((answer) => answer.status === 200));
    assert.equal(answers.filter((answer) => answer.body.status === 'accepted').length, 30);
    assert.equal(answers.filter((answer) => answer.body.status === 'duplicate').length, 10);
    const stored = (await inbox()).filter((event) => event.event_key.startsWith('burst-'));
    assert.equal(stored.length, 30);
    assert.ok(stored.every((event) => event.outcome?.startsWith('ignored: stage')));
  });
});
