import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { getRun } from '../../src/store/repos/runs.js';
import { DealReadAhead } from '../../src/sync/deal-read-ahead.js';
import { DocumentBatcher } from '../../src/sync/document-batch.js';
import type { SyncDeps } from '../../src/sync/ports.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { accountingCalls, COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Runs of one organisation working at the same time create their documents in one request
 * (sync/document-batch.ts): one PUT with an element each, each run its own document, exactly once
 * through a lost response. Deal ids are the demo seed's (docs/demo-data.md).
 */

const cents = (value: number) => Math.round(value * 100);

describe('documentForDeal: documents of runs working at once go in one request', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  const depsOf = (): SyncDeps => ({
    ...kit.deps({ items: { productNotFound: 'create_item' } }),
    // No time window: a batch goes when every run preparing a document waits in it, however slow
    // the machine (the window only bounds a wait for runs that never come).
    documentBatcher: new DocumentBatcher(50, 60_000),
    dealReadAhead: new DealReadAhead(),
  });
  const invoiceOf = async (dealId: number) =>
    (await kit.xeroDocuments()).invoices.filter((invoice) =>
      String(invoice.Reference).includes(`[PD-${dealId}-`),
    );
  const putsOf = async (since: number) =>
    (await kit.xeroRequests(since)).filter(
      (request) => request.method === 'PUT' && request.path === '/api.xro/2.0/Invoices',
    );

  it('sends one PUT /Invoices with one element per run, and each run records its own invoice', async () => {
    const deps = depsOf();
    const dealIds = [1, 4, 13];
    const jobs = await Promise.all(dealIds.map((dealId) => kit.newJob(dealId)));
    const since = await kit.lastXeroSeq();
    const outcomes = await Promise.all(jobs.map((job) => documentForDeal(deps, job)));
    for (const outcome of outcomes)
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));

    const puts = await putsOf(since);
    assert.equal(puts.length, 1, accountingCalls(await kit.xeroRequests(since)).join(', '));
    const body = puts[0]!.body as { Invoices: unknown[] };
    assert.equal(body.Invoices.length, 3);
    const key = puts[0]!.headers['idempotency-key'];
    assert.match(String(key), /^pdx-docs-/);

    for (const [index, dealId] of dealIds.entries()) {
      const [invoice, ...others] = await invoiceOf(dealId);
      assert.ok(invoice, `deal ${dealId} has its invoice`);
      assert.equal(others.length, 0);
      const outcome = outcomes[index]!;
      assert.ok(outcome.status === 'succeeded' && outcome.documentId === invoice.InvoiceID);
      assert.equal(cents(invoice.Total), cents((await kit.sandboxDeal(dealId)).value));
    }
    assert.equal(await kit.usage(), 3);
  });

  it('a batch whose response is lost: every run retries, finds its invoice, and none is made twice', async () => {
    const deps = depsOf();
    const dealIds = [2, 3, 5];
    const usageBefore = await kit.usage();
    const jobs = await Promise.all(dealIds.map((dealId) => kit.newJob(dealId)));
    await kit.fault({ kind: 'drop-response', method: 'PUT', path: '/api.xro/2.0/Invoices' });
    const failed = await Promise.allSettled(jobs.map((job) => documentForDeal(deps, job)));
    for (const result of failed) {
      assert.equal(result.status, 'rejected');
      const error = (result as PromiseRejectedResult).reason as unknown;
      assert.ok(error instanceof AppError && error.retryable, String(error));
    }
    for (const dealId of dealIds) assert.equal((await invoiceOf(dealId)).length, 1);

    const since = await kit.lastXeroSeq();
    const retried = await Promise.all(jobs.map((job) => documentForDeal(deps, job)));
    for (const outcome of retried)
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal((await putsOf(since)).length, 0, 'the retries adopted the invoices');
    for (const [index, dealId] of dealIds.entries()) {
      const invoices = await invoiceOf(dealId);
      assert.equal(invoices.length, 1, `deal ${dealId}: one invoice`);
      const outcome = retried[index]!;
      assert.ok(outcome.status === 'succeeded' && outcome.documentId === invoices[0]!.InvoiceID);
      assert.equal((await getRun(kit.store.db, COMPANY_ID, jobs[index]!.runId))?.attempt, 2);
    }
    assert.equal((await kit.usage()) - usageBefore, 3);
  });
});
