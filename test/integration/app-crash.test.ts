import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getUsage, usageMonth } from '../../src/store/repos/usage.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { type ChildApp, startChildApp } from '../support/child-app.js';

/**
 * Invariants 1, 2 and 4 across a kill -9: the in-process app serves HTTP (webhooks land in the
 * SQLite store), a child `pipedrive-xero worker` on the same store takes the job, and is killed
 * while Xero holds its PUT /Invoices unanswered. A new worker takes the job once the dead one's
 * lease runs out and finishes it: one invoice, usage counted once.
 */
describe('app: a worker killed mid-job (kill -9)', () => {
  let kit: AppKit;
  const children: ChildApp[] = [];
  before(async () => {
    kit = await startAppKit({ worker: false });
  });
  after(async () => {
    await Promise.all(children.map((child) => child.stop()));
    await kit.close();
  });

  const worker = () => {
    const child = startChildApp(['worker'], {
      ...kit.env,
      LOG_LEVEL: 'info',
      QUEUE_LEASE_MS: '1500',
    });
    children.push(child);
    return child;
  };

  it('resumes the job after a restart and creates exactly one invoice', async (t) => {
    await kit.control('xero', 'POST', '/__sandbox/faults', {
      kind: 'timeout',
      method: 'PUT',
      path: '/api.xro/2.0/Invoices',
      times: 1,
      holdMs: 60_000,
    });
    const first = worker();
    await first.waitFor((line) => line.json?.msg === 'worker: taking jobs');
    await kit.moveDeal(1, SALES.won);
    // The job is mid-flow once Xero is holding its PUT /Invoices (the one-shot fault is used up).
    const faults = kit.sandboxes.xero.sandbox.faults;
    while (faults.list().length > 0) await new Promise((resolve) => setImmediate(resolve));
    const killedAt = Date.now();
    await first.kill9();
    assert.equal((await kit.documents()).invoices.length, 0, 'nothing was created before the kill');
    const documentJobs = () =>
      kit.app.db.selectFrom('jobs').selectAll().where('name', '=', 'document-for-deal').execute();
    const running = await documentJobs();
    assert.deepEqual(
      running.map((job) => job.status),
      ['running'],
      'the dead worker still holds the job',
    );

    const second = worker();
    // The run's note is delivered by its own job, after the document job.
    await second.waitFor(
      (line) => line.json?.msg === 'job succeeded' && line.json?.job === 'deal-note',
    );
    t.diagnostic(`kill -9 → job done by a worker started after it: ${Date.now() - killedAt} ms`);

    const { invoices } = await kit.documents();
    assert.equal(invoices.length, 1);
    assert.equal(invoices[0]?.Status, 'DRAFT');
    assert.equal(await getUsage(kit.app.db, COMPANY, usageMonth(new Date())), 1);
    assert.deepEqual(await documentJobs(), [], 'no document job is left');
    assert.equal((await kit.notes(1)).length, 1, 'one note, from the run that finished');
    await second.stop();
  });

  it('SIGTERM mid-job: the worker exits 0 without waiting for Xero; the job runs again', async () => {
    await kit.control('xero', 'POST', '/__sandbox/faults', {
      kind: 'timeout',
      method: 'PUT',
      path: '/api.xro/2.0/Invoices',
      times: 1,
      holdMs: 60_000,
    });
    const stopping = worker();
    await stopping.waitFor((line) => line.json?.msg === 'worker: taking jobs');
    await kit.moveDeal(2, SALES.won);
    const faults = kit.sandboxes.xero.sandbox.faults;
    while (faults.list().length > 0) await new Promise((resolve) => setImmediate(resolve));

    const exited = new Promise<number | null>((resolve, reject) => {
      // Bounded well below Xero's hold and the client's own 30 s timeout.
      const timer = setTimeout(() => reject(new Error('no exit within 20 s')), 20_000);
      stopping.process.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    stopping.process.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(stopping.output(), /shutdown: done/);

    const next = worker();
    await next.waitFor((line) => line.json?.msg === 'job succeeded');
    const { invoices } = await kit.documents();
    assert.equal(
      invoices.filter((invoice) => invoice.Reference?.startsWith('Pipedrive deal 2:')).length,
      1,
    );
  });
});
