import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DealReadAhead } from '../../src/sync/deal-read-ahead.js';
import type { SyncDeps } from '../../src/sync/ports.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * A document run reads ahead for its company's other queued runs, in one call each, their deals,
 * product lines, products, organizations and persons (sync/deal-read-ahead.ts): the same documents,
 * to the cent and to the right customer, for fewer of Pipedrive's requests and tokens. Deal ids are the demo seed's (docs/demo-data.md).
 */

const cents = (value: number) => Math.round(value * 100);

/** "GET /api/v2/deals/products?deal_ids=…" and the like, from the Pipedrive sandbox's log. */
async function pipedriveCalls(kit: SyncKit, since: number): Promise<string[]> {
  return (await kit.pipedriveRequests(since)).map((request) => `${request.method} ${request.url}`);
}

describe('documentForDeal: lines and customers read ahead for the queued runs', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  const depsWith = (readAhead: DealReadAhead): SyncDeps => ({
    ...kit.deps({ items: { productNotFound: 'create_item' } }),
    dealReadAhead: readAhead,
  });

  it('reads the lines of every queued deal in one call and makes each document exact to the cent', async () => {
    const readAhead = new DealReadAhead();
    const deps = depsWith(readAhead);
    const dealIds = [1, 4, 13];
    const jobs = [];
    for (const dealId of dealIds) jobs.push(await kit.newJob(dealId));
    // The batch is read a few seconds after the deals last changed (their update_time).
    kit.clock.advance(5_000);
    const since = await kit.lastPipedriveSeq();
    for (const job of jobs) {
      const outcome = await documentForDeal(deps, job);
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    }
    const calls = await pipedriveCalls(kit, since);
    const batches = calls.filter((call) => call.includes('/api/v2/deals/products?'));
    assert.equal(batches.length, 1, calls.join('\n'));
    for (const dealId of [1, 4, 13])
      assert.match(batches[0]!, new RegExp(`deal_ids=[^&]*${dealId}`));
    const ownLines = calls.filter((call) => /\/api\/v2\/deals\/\d+\/products/.test(call));
    assert.deepEqual(ownLines, [], 'no deal read its own lines');
    assert.equal(calls.filter((call) => /\/api\/v2\/products\/\d+/.test(call)).length, 0);
    for (const kind of ['deals', 'organizations', 'persons'])
      assert.equal(
        calls.filter((call) => call.includes(`/api/v2/${kind}?`)).length,
        1,
        `${kind} read once, by ids:\n${calls.join('\n')}`,
      );
    const [, ...others] = jobs;
    const ownCustomerReads = calls.filter((call) =>
      /\/api\/v2\/(organizations|persons)\/\d+/.test(call),
    );
    assert.ok(
      ownCustomerReads.length <= 2,
      `only the run that read the batch read its customers alone (${others.length} did not):\n${ownCustomerReads.join('\n')}`,
    );

    const { invoices } = await kit.xeroDocuments();
    for (const dealId of dealIds) {
      const invoice = invoices.find((candidate) =>
        String(candidate.Reference).includes(`[PD-${dealId}-`),
      );
      assert.ok(invoice, `deal ${dealId} has its invoice`);
      const deal = await kit.sandboxDeal(dealId);
      assert.equal(cents(invoice.Total), cents(deal.value), `deal ${dealId}`);
    }
  });

  it('reads a deal again when it changed after its lines were read ahead', async () => {
    const readAhead = new DealReadAhead();
    const deps = depsWith(readAhead);
    const first = await kit.newJob(2);
    const changed = await kit.newJob(5);
    kit.clock.advance(5_000);
    assert.equal((await documentForDeal(deps, first)).status, 'succeeded');

    // A line added now moves the deal's update_time past the batch: the batch is not used.
    await kit.pdControl('POST', '/deals/5/products', {
      product_id: 1,
      item_price: 12.34,
      quantity: 3,
    });
    const since = await kit.lastPipedriveSeq();
    const outcome = await documentForDeal(deps, changed);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const calls = await pipedriveCalls(kit, since);
    assert.ok(
      calls.some((call) => call.includes('/api/v2/deals/5/products')),
      `deal 5 read its own lines:\n${calls.join('\n')}`,
    );
    const invoice = (await kit.xeroDocuments()).invoices.find((candidate) =>
      String(candidate.Reference).includes('[PD-5-'),
    );
    assert.ok(invoice);
    assert.ok(
      invoice.LineItems.some((line) => line.UnitAmount === 12.34 && line.Quantity === 3),
      'the line added after the batch is on the invoice',
    );
    assert.equal(cents(invoice.Total), cents((await kit.sandboxDeal(5)).value));
  });

  it('reads alone, as before, when no other run of the company is queued', async () => {
    const deps = depsWith(new DealReadAhead());
    const job = await kit.newJob(3);
    const since = await kit.lastPipedriveSeq();
    assert.equal((await documentForDeal(deps, job)).status, 'succeeded');
    const calls = await pipedriveCalls(kit, since);
    assert.equal(
      calls.filter((call) => call.includes('/api/v2/deals/products?')).length,
      0,
      calls.join('\n'),
    );
    assert.ok(
      calls.some((call) => call.includes('/api/v2/deals/3/products')),
      calls.join('\n'),
    );
  });
});
