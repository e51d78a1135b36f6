import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { getRun } from '../../src/store/repos/runs.js';
import { OrgReferenceCache } from '../../src/sync/org-reference-cache.js';
import type { SyncDeps } from '../../src/sync/ports.js';
import { documentForDeal, recordFinalFailure } from '../../src/sync/usecases/document-for-deal.js';
import { invalidateOrgReference } from '../../src/sync/usecases/load-org-reference.js';
import { createReplayRun } from '../../src/sync/usecases/replay.js';
import { accountingCalls, COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Invariant 1 under faults injected in the Xero sandbox: a lost response, a 503 on each call of the
 * flow, a validation error then a replay. The queue is played by calling the use case again with the
 * same job, as a retry does.
 */
describe('documentForDeal under faults', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  const invoicesFor = async (dealId: number) =>
    (await kit.xeroDocuments()).invoices.filter((doc) => doc.Reference?.includes(`[PD-${dealId}-`));

  /** A cold tenant: nothing known of the organisation, in the process or in the store. */
  async function coldDeps(): Promise<SyncDeps> {
    const deps = kit.deps({}, new OrgReferenceCache());
    await invalidateOrgReference(deps);
    return deps;
  }

  /** A new customer (organization + person) and a one-line deal, so every lookup and create runs. */
  async function newDeal(name: string): Promise<number> {
    const org = await kit.pdControl('POST', '/organizations', { name });
    const person = await kit.pdControl('POST', '/persons', {
      name: `${name} Buyer`,
      org_id: org.data.id,
      emails: [{ value: `buyer@${org.data.id}.example`, primary: true, label: 'work' }],
    });
    const deal = await kit.pdControl('POST', '/deals', {
      title: `${name} deal`,
      currency: 'NZD',
      org_id: org.data.id,
      person_id: person.data.id,
      stage_id: 2,
    });
    await kit.pdControl('POST', `/deals/${deal.data.id}/products`, {
      product_id: 1,
      item_price: 180,
      quantity: 2,
      tax: 15,
      tax_method: 'exclusive',
    });
    return deal.data.id;
  }

  it('a response lost after Xero created the invoice: the retry finds it, no duplicate, usage 1', async () => {
    await kit.fault({ kind: 'drop-response', method: 'PUT', path: '/api.xro/2.0/Invoices' });
    const job = await kit.newJob(5);
    const deps = kit.deps();
    await assert.rejects(
      documentForDeal(deps, job),
      (error: unknown) => error instanceof AppError && error.retryable,
    );
    assert.equal((await invoicesFor(5)).length, 1, 'Xero did create it');
    assert.equal(await kit.usage(), 0);
    assert.equal((await getRun(kit.store.db, COMPANY_ID, job.runId))?.status, 'running');

    const since = await kit.lastXeroSeq();
    const retried = await documentForDeal(deps, job);
    assert.equal(retried.status, 'succeeded', JSON.stringify(retried));
    const calls = accountingCalls(await kit.xeroRequests(since));
    assert.ok(
      !calls.includes('PUT /Invoices'),
      `the retry adopted the invoice: ${calls.join(', ')}`,
    );
    assert.equal((await invoicesFor(5)).length, 1);
    assert.ok(
      retried.status === 'succeeded' && retried.documentId === (await invoicesFor(5))[0]?.InvoiceID,
    );
    assert.equal(await kit.usage(), 1);
    assert.equal((await getRun(kit.store.db, COMPANY_ID, job.runId))?.attempt, 2);
    assert.equal((await kit.notes(5)).length, 1);
  });

  it('a 503 on each Xero call of the flow in turn: the retry completes with exactly one document', async (t) => {
    const probeDeal = await newDeal('Probe Ltd');
    const since = await kit.lastXeroSeq();
    assert.equal(
      (await documentForDeal(await coldDeps(), await kit.newJob(probeDeal))).status,
      'succeeded',
    );
    const flow = [...new Set(accountingCalls(await kit.xeroRequests(since)))];
    t.diagnostic(`calls of a cold document for a new customer: ${flow.join(', ')}`);
    assert.ok(flow.includes('PUT /Contacts') && flow.includes('PUT /Invoices'));

    for (const [index, call] of flow.entries()) {
      const [method, path] = call.split(' ') as [string, string];
      const dealId = await newDeal(`Fault ${index} Ltd`);
      const deps = await coldDeps();
      const job = await kit.newJob(dealId);
      const usage = await kit.usage();
      await kit.fault({ kind: '503', method, path: `/api.xro/2.0${path}` });
      await assert.rejects(
        documentForDeal(deps, job),
        (error: unknown) => error instanceof AppError && error.retryable,
        call,
      );
      const outcome = await documentForDeal(deps, job);
      assert.equal(outcome.status, 'succeeded', `${call}: ${JSON.stringify(outcome)}`);
      assert.equal((await invoicesFor(dealId)).length, 1, call);
      assert.equal(await kit.usage(), usage + 1, call);
      assert.equal(
        (await kit.xeroContacts()).filter((c) => c.Name === `Fault ${index} Ltd`).length,
        1,
        call,
      );
    }
  });

  it("Xero refuses the invoice: the run waits with Xero's words; a replay with the fix makes one invoice", async () => {
    const broken = { documents: { trackings: [{ categoryName: 'Region', optionName: 'East' }] } };
    const job = await kit.newJob(6);
    const outcome = await documentForDeal(kit.deps(broken), job);
    assert.ok(
      outcome.status === 'waiting_fix' && outcome.code === 'xero_validation_failed',
      JSON.stringify(outcome),
    );
    assert.match(
      (await kit.notes(6)).at(-1)!.content,
      /Xero refused it: Tracking category &#39;Region&#39; option &#39;East&#39; is not valid\. .*Replay/,
    );
    assert.equal((await invoicesFor(6)).length, 0);

    const replayId = await createReplayRun(kit.deps(), job.runId);
    const fixed = { documents: { trackings: [{ categoryName: 'Region', optionName: 'North' }] } };
    const replayed = await documentForDeal(kit.deps(fixed), { ...job, runId: replayId });
    assert.equal(replayed.status, 'succeeded', JSON.stringify(replayed));
    assert.equal((await invoicesFor(6)).length, 1);
    assert.equal((await getRun(kit.store.db, COMPANY_ID, replayId))?.replayOf, job.runId);
    await assert.rejects(createReplayRun(kit.deps(), replayId), /only failed runs/);
  });

  it('retries used up: recordFinalFailure fails the run and writes one note with a replay link', async () => {
    await kit.fault({ kind: '503', method: 'PUT', path: '/api.xro/2.0/Invoices', times: 1 });
    const job = await kit.newJob(12);
    const deps = kit.deps();
    const error = await documentForDeal(deps, job).catch((thrown: unknown) => thrown);
    assert.ok(error instanceof AppError && error.retryable);
    await recordFinalFailure(deps, job, error);
    await recordFinalFailure(deps, job, error);
    const run = await getRun(kit.store.db, COMPANY_ID, job.runId);
    assert.equal(run?.status, 'failed');
    assert.equal(run?.reasonCode, 'xero_unavailable');
    const notes = await kit.notes(12);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.content, /Xero kept failing \(xero_unavailable\).*Replay/);
    assert.ok(notes[0]!.content.includes(`/runs/${job.runId}/replay`));
  });
});
