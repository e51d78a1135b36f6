import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { addDealNote, getDealNote, runNoteStates } from '../../src/store/repos/deal-notes.js';
import { getRun } from '../../src/store/repos/runs.js';
import { NOTE_MARKER_PARAM, runNoteTopic } from '../../src/sync/usecases/deal-note.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * The notes outbox against the Pipedrive sandbox: a run's note is stored with its outcome and
 * delivered exactly once, however Pipedrive fails. The queue is played by `kit.deliverNotes()`, one
 * delivery of each note still owed, as the deal-note job and its retries would run it.
 */

// A regular expression (wrapped in slashes): the API domain may carry a path prefix.
const NOTES = '/\\/api\\/v1\\/notes/';

describe('deal notes through the outbox', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  const postedNotes = async (since: number) =>
    (await kit.pipedriveRequests(since)).filter(
      (request) => request.method === 'POST' && request.path.endsWith('/api/v1/notes'),
    );
  const noteOfRun = async (runId: string) => {
    const row = await kit.store.db
      .selectFrom('deal_notes')
      .select('id')
      .where('topic', '=', runNoteTopic(runId))
      .executeTakeFirstOrThrow();
    return getDealNote(kit.store.db, COMPANY_ID, row.id);
  };

  it('Pipedrive answers 503 for longer than one attempt: the run stands, the note arrives once when Pipedrive is back', async () => {
    await kit.pipedriveFault({ kind: '503', method: 'POST', path: NOTES, times: 3 });
    const since = await kit.lastPipedriveSeq();
    const job = await kit.newJob(1);
    const outcome = await documentForDeal(kit.deps(), job);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal((await getRun(kit.store.db, COMPANY_ID, job.runId))?.status, 'succeeded');
    assert.equal((await kit.notes(1)).length, 0, 'Pipedrive refused the first attempt');
    assert.deepEqual(
      await runNoteStates(kit.store.db, COMPANY_ID, [job.runId]),
      new Map([[job.runId, 'pending']]),
    );

    const deliveries: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) deliveries.push(...(await kit.deliverNotes()));
    assert.deepEqual(deliveries, ['retry', 'retry', 'sent']);

    const notes = await kit.notes(1);
    assert.equal(notes.length, 1);
    assert.ok(outcome.status === 'succeeded' && outcome.number !== null);
    assert.ok(notes[0]!.content.includes(`Draft invoice ${outcome.number}`), notes[0]!.content);
    assert.equal((await postedNotes(since)).length, 4);
    const note = await noteOfRun(job.runId);
    assert.equal(note?.status, 'sent');
    assert.equal(note?.attempts, 4);
    assert.equal(note?.pipedriveNoteId, notes[0]!.id);
    assert.deepEqual(
      await runNoteStates(kit.store.db, COMPANY_ID, [job.runId]),
      new Map([[job.runId, 'sent']]),
    );
  });

  it('Pipedrive refuses the note, then writes it but the answer is lost: the next attempt finds it by its marker and writes none', async () => {
    await kit.pipedriveFault({ kind: '503', method: 'POST', path: NOTES });
    await kit.pipedriveFault({ kind: 'drop-response', method: 'POST', path: NOTES });
    const since = await kit.lastPipedriveSeq();
    const job = await kit.newJob(5);
    assert.equal((await documentForDeal(kit.deps(), job)).status, 'succeeded');
    assert.deepEqual(await kit.deliverNotes(), ['retry'], 'written, but the answer was lost');
    const note = await noteOfRun(job.runId);
    assert.equal(note?.status, 'sending', 'it may be in Pipedrive');
    const written = await kit.notes(5);
    assert.equal(written.length, 1, 'Pipedrive did write it');
    assert.ok(written[0]!.content.includes(`${NOTE_MARKER_PARAM}=${note?.id}`));

    assert.deepEqual(await kit.deliverNotes(), ['sent']);
    assert.deepEqual(await kit.deliverNotes(), []);
    assert.equal((await kit.notes(5)).length, 1);
    assert.equal((await postedNotes(since)).length, 2, 'found, not written again');
    assert.equal(
      (await getDealNote(kit.store.db, COMPANY_ID, note!.id))?.pipedriveNoteId,
      written[0]!.id,
    );
  });

  it('a note for a deal Pipedrive no longer has is dropped with the reason, never retried', async () => {
    const id = randomUUID();
    const at = kit.clock.date();
    const note = {
      id,
      companyId: COMPANY_ID,
      dealId: 987_654,
      topic: `test:${id}`,
      content: '<p>x</p>',
    };
    assert.equal(await addDealNote(kit.store.db, note, at), true);
    assert.equal(await addDealNote(kit.store.db, { ...note, id: randomUUID() }, at), false);
    assert.deepEqual(await kit.deliverNotes(), ['dropped']);
    assert.deepEqual(await kit.deliverNotes(), []);
    const dropped = await getDealNote(kit.store.db, COMPANY_ID, id);
    assert.equal(dropped?.status, 'dropped');
    assert.match(dropped?.lastError ?? '', /Deal 987654 no longer exists/);
  });
});
