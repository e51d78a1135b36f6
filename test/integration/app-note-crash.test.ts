import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { addDealNote, getDealNote } from '../../src/store/repos/deal-notes.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { type ChildApp, startChildApp } from '../support/child-app.js';

/**
 * A deal's note across a kill -9 between the run's commit and the note: the in-process app serves
 * HTTP, child `pipedrive-xero worker` processes on the same SQLite store do the work. After a
 * restart the deal has exactly one note.
 */
describe('app: a worker killed between the commit and the note (kill -9)', () => {
  let kit: AppKit;
  /** The queue's note jobs (the company's periodic catch-up check waits in the same table). */
  const noteJobs = () =>
    kit.app.db.selectFrom('jobs').selectAll().where('name', '=', 'deal-note').execute();
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
  const noteDelivered = (line: { json: any }) =>
    line.json?.msg === 'job succeeded' && line.json?.job === 'deal-note';
  /** The deal's notes now (kit.notes would wait for this process's worker, which is not running). */
  const notesNow = async (dealId: number): Promise<{ content: string }[]> =>
    (
      await kit.control(
        'pipedrive',
        'GET',
        `/__sandbox/pipedrive/companies/${COMPANY}/deals/${dealId}/notes`,
      )
    ).data;
  const noteRows = () => kit.app.db.selectFrom('deal_notes').selectAll().execute();

  it('killed while Pipedrive holds the note: the restarted worker writes it, exactly once', async () => {
    await kit.control('pipedrive', 'POST', '/__sandbox/faults', {
      kind: 'timeout',
      method: 'POST',
      path: '/\\/api\\/v1\\/notes/',
      times: 1,
      holdMs: 60_000,
    });
    const first = worker();
    await first.waitFor((line) => line.json?.msg === 'worker: taking jobs');
    await kit.moveDeal(1, SALES.won);
    // The run is committed and its note is on its way once Pipedrive holds the POST /notes.
    const faults = kit.sandboxes.pipedrive.sandbox.faults;
    while (faults.list().length > 0) await new Promise((resolve) => setImmediate(resolve));
    await first.kill9();
    assert.deepEqual(
      (await listRunsForDeal(kit.app.db, COMPANY, 1)).map((run) => run.status),
      ['succeeded'],
    );
    assert.equal((await kit.documents()).invoices.length, 1);
    assert.equal((await notesNow(1)).length, 0, 'no note before the restart');
    assert.deepEqual(
      (await noteRows()).map((row) => row.status),
      ['sending'],
    );

    const second = worker();
    await second.waitFor(noteDelivered);
    await second.stop();
    const notes = await notesNow(1);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.content, /Draft invoice .* was created in Xero/);
    assert.deepEqual(
      (await noteRows()).map((row) => row.status),
      ['sent'],
    );
    assert.deepEqual(await noteJobs(), []);
  });

  it('a note committed but never handed over (the process died first) is written when a worker starts', async () => {
    const id = randomUUID();
    const note = {
      id,
      companyId: COMPANY,
      dealId: 2,
      topic: `run:${randomUUID()}`,
      content: `<p>Left by a crash. <a href="https://go.xero.com/?pdx_note=${id}">Open</a></p>`,
    };
    await addDealNote(kit.app.db, note, new Date());
    assert.deepEqual(await noteJobs(), []);

    const third = worker();
    await third.waitFor(noteDelivered);
    const notes = await notesNow(2);
    assert.deepEqual(
      notes.map((written) => written.content),
      [note.content],
    );
    assert.equal((await getDealNote(kit.app.db, COMPANY, id))?.status, 'sent');
  });
});
