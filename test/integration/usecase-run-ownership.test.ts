import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getRun, updateRun } from '../../src/store/repos/runs.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { accountingCalls, COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Two jobs for one run (a duplicate webhook enqueued a second job while the first was running):
 * the second leaves the run alone, so one document and one note come of it (invariant 1).
 */
describe('documentForDeal: one job owns a run', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  it('a second job that finds its run running under another job does nothing', async () => {
    const job = await kit.newJob(1);
    await updateRun(
      kit.store.db,
      COMPANY_ID,
      job.runId,
      { status: 'running', jobId: 'job-a' },
      new Date(),
    );
    const since = await kit.lastXeroSeq();
    const outcome = await documentForDeal(kit.deps(), { ...job, jobId: 'job-b' });
    assert.deepEqual(
      { status: outcome.status, code: outcome.status === 'ignored' && outcome.code },
      { status: 'ignored', code: 'run_in_progress' },
    );
    assert.deepEqual(accountingCalls(await kit.xeroRequests(since)), []);
    assert.equal((await getRun(kit.store.db, COMPANY_ID, job.runId))?.status, 'running');
    assert.equal((await kit.notes(1)).length, 0);

    const retried = await documentForDeal(kit.deps(), { ...job, jobId: 'job-a' });
    assert.equal(retried.status, 'succeeded', 'the owning job, retried, finishes the run');
    assert.equal((await kit.xeroDocuments()).invoices.length, 1);
    assert.equal((await kit.notes(1)).length, 1);
  });
});
