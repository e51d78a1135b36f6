import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { createLogger } from '../../src/logger.js';
import { createQueueEmitter } from '../../src/queue/events.js';
import type { JobQueue } from '../../src/queue/port.js';
import { sweepDealNotes } from '../../src/services/deal-notes.js';
import { deleteCompany, upsertCompany } from '../../src/store/repos/companies.js';
import {
  addDealNote,
  claimDealNote,
  endDealNote,
  getDealNote,
  listOverdueDealNotes,
  markDealNoteSending,
  postponeDealNote,
  runNoteStates,
} from '../../src/store/repos/deal-notes.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

/** The notes outbox's statements on every dialect, and the sweep that hands owed notes over. */

const t0 = new Date('2026-05-04T09:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const LEASE = 60_000;

/** A queue that only records what it is given (the sweep needs nothing else). */
function recordingQueue(): JobQueue & { enqueued: { payload: unknown; jobKey?: string }[] } {
  const enqueued: { payload: unknown; jobKey?: string }[] = [];
  return {
    enqueued,
    events: createQueueEmitter(),
    async enqueue(_name, payload, options = {}) {
      enqueued.push({ payload, ...(options.jobKey !== undefined && { jobKey: options.jobKey }) });
    },
    start: async () => undefined,
    stop: async () => undefined,
    jobState: async () => 'waiting',
  };
}

for (const dialect of testDialects()) {
  describe(`deal notes outbox (${dialect})`, () => {
    let store: TestStore;
    const note = (companyId: number, topic: string, runId?: string) => ({
      id: randomUUID(),
      companyId,
      dealId: 7,
      topic,
      ...(runId !== undefined && { runId }),
      content: '<p>note</p>',
    });
    before(async () => {
      store = await createTestStore(dialect);
      for (const id of [1, 2, 3])
        await upsertCompany(store.db, { id, domain: 'c', apiDomain: 'https://c', installedAt: t0 });
    });
    after(() => store.destroy());

    it('keeps one note per topic and company', async () => {
      assert.equal(await addDealNote(store.db, note(1, 'run:a'), t0), true);
      assert.equal(await addDealNote(store.db, note(1, 'run:a'), t0), false);
      assert.equal(await addDealNote(store.db, note(2, 'run:a'), t0), true);
    });

    it('leases a note to one holder at a time; the same holder takes it back, anyone once the lease ran out', async () => {
      const { id } = note(1, 'run:lease');
      await addDealNote(store.db, { ...note(1, 'run:lease'), id }, t0);
      const claims = await Promise.all(
        ['a', 'b', 'c'].map((holder) => claimDealNote(store.db, 1, id, holder, t0, LEASE)),
      );
      const winner = claims.find((claim) => claim !== undefined);
      assert.equal(claims.filter((claim) => claim !== undefined).length, 1);
      assert.equal(winner?.attempts, 1);
      const holder = winner?.lockedBy ?? '';
      assert.equal(await claimDealNote(store.db, 2, id, 'z', later(LEASE + 1), LEASE), undefined);
      const other = holder === 'a' ? 'b' : 'a';
      assert.equal(await claimDealNote(store.db, 1, id, other, later(1_000), LEASE), undefined);
      assert.equal(
        (await claimDealNote(store.db, 1, id, holder, later(1_000), LEASE))?.attempts,
        2,
      );

      assert.equal(await markDealNoteSending(store.db, 1, id, other, later(2_000)), false);
      assert.equal(await markDealNoteSending(store.db, 1, id, holder, later(2_000)), true);
      const taken = await claimDealNote(store.db, 1, id, other, later(1_000 + LEASE + 1), LEASE);
      assert.equal(taken?.status, 'sending');
      assert.equal(taken?.lockedBy, other);

      await endDealNote(store.db, 1, id, { status: 'sent', pipedriveNoteId: 42 }, later(LEASE * 2));
      const sent = await getDealNote(store.db, 1, id);
      assert.deepEqual([sent?.status, sent?.pipedriveNoteId, sent?.lockedBy], ['sent', 42, null]);
      assert.equal(await claimDealNote(store.db, 1, id, other, later(LEASE * 3), LEASE), undefined);
    });

    it('lists owed notes that are due and not leased, page by page, for the sweep', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const added = note(3, `run:due-${index}`);
        await addDealNote(store.db, added, later(index));
        ids.push(added.id);
      }
      const [leased, postponed, dropped] = ids;
      await claimDealNote(store.db, 3, leased!, 'h', later(10), LEASE);
      await claimDealNote(store.db, 3, postponed!, 'h', later(10), LEASE);
      await postponeDealNote(
        store.db,
        3,
        postponed!,
        'h',
        { nextAttemptAt: later(60_000), error: 'pipedrive_unavailable: 503' },
        later(20),
      );
      await endDealNote(store.db, 3, dropped!, { status: 'dropped', reason: 'gone' }, later(20));
      const owed = async (now: Date, dueBefore = now) =>
        (await listOverdueDealNotes(store.db, { dueBefore, now, limit: 10 }))
          .filter((row) => row.companyId === 3)
          .map((row) => row.id);

      assert.deepEqual(await owed(later(30)), ids.slice(3));
      assert.deepEqual(await owed(later(60_000)), [...ids.slice(3), postponed]);
      assert.deepEqual(await owed(later(LEASE + 11)), [leased, ...ids.slice(3), postponed]);
      assert.deepEqual(await owed(later(30), later(3)), [ids[3]]);
      const first = await listOverdueDealNotes(store.db, { dueBefore: t0, now: t0, limit: 1 });
      const next = await listOverdueDealNotes(store.db, {
        dueBefore: later(60_000),
        now: later(60_000),
        limit: 100,
        after: first[0],
      });
      assert.ok(!next.some((row) => row.id === first[0]?.id));
    });

    it('the sweep hands every owed note over, keyed by the note, past its page size', async () => {
      const queue = recordingQueue();
      const deps = { db: store.db, clock: { now: () => later(LEASE * 10) }, queue };
      const logger = createLogger('silent');
      const owedBefore = await listOverdueDealNotes(store.db, {
        dueBefore: later(LEASE * 10),
        now: later(LEASE * 10),
        limit: 1000,
      });
      for (let index = 0; index < 120; index += 1)
        await addDealNote(store.db, note(2, `run:many-${index}`), later(index));
      const handed = await sweepDealNotes({ ...deps, logger }, 0);
      assert.equal(handed, owedBefore.length + 120);
      assert.equal(new Set(queue.enqueued.map((job) => job.jobKey)).size, handed);
      // Handed over in the listing's order: the first is the note most overdue.
      const [first] = await listOverdueDealNotes(store.db, {
        dueBefore: later(LEASE * 10),
        now: later(LEASE * 10),
        limit: 1,
      });
      assert.deepEqual(queue.enqueued[0], {
        payload: { companyId: first?.companyId, noteId: first?.id },
        jobKey: `deal-note:${first?.id}`,
      });
      assert.equal(await sweepDealNotes({ ...deps, logger }, LEASE * 100), 0, 'none overdue yet');
    });

    it("shows each run's note, and a company's notes go with it", async () => {
      await addDealNote(store.db, note(2, 'run:r1', 'r1'), t0);
      const sending = note(2, 'run:r2', 'r2');
      await addDealNote(store.db, sending, t0);
      await claimDealNote(store.db, 2, sending.id, 'h', t0, LEASE);
      await markDealNoteSending(store.db, 2, sending.id, 'h', t0);
      assert.deepEqual(
        await runNoteStates(store.db, 2, ['r1', 'r2', 'r3']),
        new Map([
          ['r1', 'pending'],
          ['r2', 'pending'],
        ]),
      );
      assert.deepEqual(await runNoteStates(store.db, 1, ['r1']), new Map());

      await deleteCompany(store.db, 2);
      const left = await store.db
        .selectFrom('deal_notes')
        .select('company_id')
        .distinct()
        .orderBy('company_id')
        .execute();
      assert.deepEqual(
        left.map((row) => row.company_id),
        [1, 3],
      );
    });
  });
}
