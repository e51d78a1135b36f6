import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { type StartedPipedrive, startPipedriveSandbox } from '../../sandbox/pipedrive/test-kit.js';
import { PipedriveApiError } from '../../src/pipedrive/errors.js';
import {
  type ConnectedPipedrive,
  connectPipedrive,
  control,
  loggedRequests,
} from './pipedrive-client-helpers.js';

// The app's Pipedrive client against the sandbox over HTTP: reads, notes, paging, faults.
const COMPANY = '/__sandbox/pipedrive/companies/7001';
let pd: StartedPipedrive;
let pipedrive: ConnectedPipedrive;

before(async () => {
  pd = await startPipedriveSandbox();
});
after(async () => pd.running.close());
beforeEach(async () => {
  await control(pd.url, 'POST', '/__sandbox/reset', {});
  pipedrive = await connectPipedrive(pd.url);
});

async function failureOf(promise: Promise<unknown>): Promise<PipedriveApiError> {
  const failure = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(failure instanceof PipedriveApiError, `expected a PipedriveApiError, got ${failure}`);
  return failure;
}

describe('PipedriveClient reads', () => {
  it('gets a deal with its products, discounts, organization and person', async () => {
    const deal = await pipedrive.client.getDeal(4);
    const lines = await pipedrive.client.listDealProducts(4);
    const discounts = await pipedrive.client.listDealDiscounts(4);
    assert.deepEqual(
      lines.map((line) => [line.name, line.quantity, line.item_price]),
      [
        ['Implementation package', 1, 4500],
        ['Training day', 2, 1450],
        ['Pro licence', 5, 149],
      ],
    );
    assert.deepEqual(
      discounts.map((discount) => [discount.type, discount.amount]),
      [
        ['percentage', 10],
        ['amount', 200],
      ],
    );
    assert.ok(deal.org_id !== null && deal.person_id !== null);
    const org = await pipedrive.client.getOrganization(deal.org_id);
    const person = await pipedrive.client.getPerson(deal.person_id);
    assert.equal(org.id, deal.org_id);
    assert.equal(typeof org.address?.value, 'string');
    assert.equal(person.id, deal.person_id);
    assert.ok(person.emails.length > 0);
    const product = await pipedrive.client.getProduct(lines[0]!.product_id);
    assert.equal(product.name, 'Implementation package');
  });

  it('reads every product line of a deal across cursor pages', async () => {
    const paged = await connectPipedrive(pd.url, { pageSize: 50 });
    const { data: deal } = await control(pd.url, 'POST', `${COMPANY}/deals`, {
      title: 'Many lines',
      currency: 'NZD',
    });
    // A deal may carry the same product on many lines (§3.3): 120 lines, each its own price.
    const { data: product } = await control(pd.url, 'POST', `${COMPANY}/products`, {
      name: 'Widget',
      prices: [{ currency: 'NZD', price: 1 }],
    });
    await Promise.all(
      Array.from({ length: 120 }, (_, index) =>
        control(pd.url, 'POST', `${COMPANY}/deals/${deal.id}/products`, {
          product_id: product.id,
          item_price: index + 1,
          quantity: 1,
        }),
      ),
    );
    const lines = await paged.client.listDealProducts(deal.id);
    const ids = lines.map((line) => line.id);
    assert.equal(new Set(ids).size, 120);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.deepEqual(
      lines.map((line) => line.item_price).sort((a, b) => a - b),
      Array.from({ length: 120 }, (_, index) => index + 1),
    );
    const pages = await loggedRequests(pd.url, {
      path: `/c/kauricoast/api/v2/deals/${deal.id}/products`,
    });
    assert.equal(pages.length, 3);
    assert.ok(!pages[0]?.url.includes('cursor=') && pages[1]?.url.includes('cursor='));
  });

  it('pages products by cursor without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await pipedrive.client.listProducts({
        limit: 2,
        ...(cursor !== undefined && { cursor }),
      });
      seen.push(...page.items.map((product) => product.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const all = await pipedrive.client.listProducts();
    assert.equal(all.nextCursor, null);
    assert.deepEqual(
      seen,
      all.items.map((product) => product.id),
    );
    assert.ok(seen.length > 2);
    const orgs = await pipedrive.client.listOrganizations({ limit: 3 });
    const persons = await pipedrive.client.listPersons({ limit: 3 });
    assert.equal(orgs.items.length, 3);
    assert.notEqual(orgs.nextCursor, null);
    assert.equal(persons.items.length, 3);
  });

  it('lists pipelines, stages and custom field definitions (v2)', async () => {
    const pipelines = await pipedrive.client.listPipelines();
    const sales = pipelines.find((pipeline) => pipeline.name === 'Sales');
    assert.ok(sales);
    const stages = await pipedrive.client.listStages(sales.id);
    assert.deepEqual(
      stages.map((stage) => stage.name),
      ['Qualified', 'Proposal', 'Negotiation', 'Won'],
    );
    const dealFields = await pipedrive.client.listFields('deal');
    const po = dealFields.find((field) => field.field_name === 'Purchase order number');
    assert.equal(po?.is_custom_field, true);
    assert.match(po?.field_code ?? '', /^[0-9a-f]{40}$/);
    for (const entity of ['organization', 'person', 'product'] as const) {
      assert.ok((await pipedrive.client.listFields(entity)).length > 0, entity);
    }
  });
});

describe('PipedriveClient writes and failures', () => {
  it('adds a note that appears on the deal', async () => {
    const note = await pipedrive.client.addNote(4, '<p>Draft invoice <b>INV-0042</b> created</p>');
    assert.equal(note.deal_id, 4);
    const { data: notes } = await control(pd.url, 'GET', `${COMPANY}/deals/4/notes`);
    const stored = notes.find((candidate: { id: number }) => candidate.id === note.id);
    assert.match(stored?.content ?? '', /INV-0042/);
  });

  it("lists a deal's notes page by page", async () => {
    const paged = await connectPipedrive(pd.url, { pageSize: 2 });
    const added = [];
    for (const text of ['one', 'two', 'three'])
      added.push((await paged.client.addNote(4, `<p>${text}</p>`)).id);
    const seen: number[] = [];
    let start: number | null = 0;
    let pages = 0;
    while (start !== null) {
      const page = await paged.client.listDealNotes(4, start);
      assert.ok(page.items.every((note) => note.deal_id === 4));
      seen.push(...page.items.map((note) => note.id));
      start = page.nextStart;
      pages += 1;
    }
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      added.sort((a, b) => a - b),
    );
    assert.equal(pages, 2);
  });

  it('retries a 429 after the wait the answer names', async () => {
    await control(pd.url, 'POST', '/__sandbox/faults', {
      kind: '429',
      path: '/c/kauricoast/api/v2/deals/4',
      retryAfter: 2,
    });
    const deal = await pipedrive.client.getDeal(4);
    assert.equal(deal.id, 4);
    // One wait: the pause the 429 put on the connection, less the milliseconds since.
    assert.equal(pipedrive.waits.length, 1, String(pipedrive.waits));
    assert.ok(pipedrive.waits[0]! > 1900 && pipedrive.waits[0]! <= 2000, String(pipedrive.waits));
    const calls = await loggedRequests(pd.url, { path: '/c/kauricoast/api/v2/deals/4' });
    assert.deepEqual(
      calls.map((entry) => entry.status),
      [429, 200],
    );
  });

  it('gives up after three 429s with a retryable error carrying the wait', async () => {
    await control(pd.url, 'POST', '/__sandbox/faults', {
      kind: '429',
      path: '/c/kauricoast/api/v2/deals/4',
      retryAfter: 5,
      times: 3,
    });
    const failure = await failureOf(pipedrive.client.getDeal(4));
    assert.equal(failure.code, 'pipedrive_rate_limited');
    assert.equal(failure.retryable, true);
    assert.equal(failure.retryAfterMs, 5000);
    assert.equal(failure.status, 429);
  });

  it('a missing deal is pipedrive_not_found, not retryable, naming method and path', async () => {
    const failure = await failureOf(pipedrive.client.getDeal(999_999));
    assert.equal(failure.code, 'pipedrive_not_found');
    assert.equal(failure.retryable, false);
    assert.equal(failure.status, 404);
    assert.match(failure.message, /^GET \/c\/kauricoast\/api\/v2\/deals\/999999: 404 /);
    assert.equal(
      (await loggedRequests(pd.url, { path: '/c/kauricoast/api/v2/deals/999999' })).length,
      1,
    );
  });

  it('retries a 503 on a read but never re-sends a note after a 500', async () => {
    await control(pd.url, 'POST', '/__sandbox/faults', {
      kind: '503',
      path: '/c/kauricoast/api/v2/organizations/1',
    });
    assert.equal((await pipedrive.client.getOrganization(1)).id, 1);
    await control(pd.url, 'POST', '/__sandbox/faults', {
      kind: '500',
      path: '/c/kauricoast/api/v1/notes',
    });
    const failure = await failureOf(pipedrive.client.addNote(4, '<p>hello</p>'));
    assert.equal(failure.code, 'pipedrive_unavailable');
    assert.equal(failure.retryable, true);
    assert.equal(
      (await loggedRequests(pd.url, { method: 'POST', path: '/c/kauricoast/api/v1/notes' })).length,
      1,
    );
  });

  it('re-sends a read whose connection dropped, after a backoff', async () => {
    await control(pd.url, 'POST', '/__sandbox/faults', {
      kind: 'drop-response',
      path: '/c/kauricoast/api/v2/persons/1',
    });
    assert.equal((await pipedrive.client.getPerson(1)).id, 1);
    assert.deepEqual(pipedrive.waits, [500]);
    assert.equal(
      (await loggedRequests(pd.url, { path: '/c/kauricoast/api/v2/persons/1' })).length,
      2,
    );
  });

  it('waits for the rate-limit window when an answer says none is left', async () => {
    const limited = await startPipedriveSandbox({ limits: { burstPerToken: 2 } });
    try {
      // The app's waits move the sandbox's clock instead of real time.
      const paced = await connectPipedrive(limited.url, {
        sleep: (ms) => limited.sandbox.clock.advance(ms),
      });
      await paced.client.getDeal(1);
      await paced.client.getDeal(1); // answered with x-ratelimit-remaining: 0
      await paced.client.getDeal(1);
      assert.equal(paced.waits.length, 1);
      // The window, and the pacer's 100 ms margin for the time a call takes to arrive.
      assert.ok(paced.waits[0]! > 0 && paced.waits[0]! <= 2100, String(paced.waits));
      const calls = await loggedRequests(limited.url, { path: '/c/kauricoast/api/v2/deals/1' });
      assert.deepEqual(
        calls.map((entry) => entry.status),
        [200, 200, 200],
      );
    } finally {
      await limited.running.close();
    }
  });
});
