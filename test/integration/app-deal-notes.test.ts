import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/each-dialect.js';

/**
 * The notes outbox in the whole app, on both queues: Pipedrive fails the note (503 on more than one
 * attempt, or a write whose answer is lost) and the deal-note job still leaves exactly one note,
 * which the runs API and the history page report.
 */

// A regular expression (wrapped in slashes): the API domain may carry a path prefix.
const NOTES = '/\\/api\\/v1\\/notes/';

for (const dialect of testDialects()) {
  describe(`app: deal notes through the outbox (${dialect})`, () => {
    let database: TestDatabase | undefined;
    let kit: AppKit;
    before(async () => {
      database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      kit = await startAppKit(database === undefined ? {} : { databaseUrl: database.url });
    });
    after(async () => {
      await kit.close();
      await database?.drop();
    });

    const fault = (kind: string, times = 1) =>
      kit.control('pipedrive', 'POST', '/__sandbox/faults', {
        kind,
        method: 'POST',
        path: NOTES,
        times,
      });
    const notePosts = () =>
      kit.sandboxes.pipedrive.sandbox.requests
        .list({ method: 'POST' })
        .filter((request) => request.path.endsWith('/api/v1/notes'));
    /** Moves the deal and waits for its document job; the note follows in its own job. */
    const moveAndRun = async (dealId: number, stageId: number) => {
      const ran = kit.next(
        'job:success',
        (info) => info.name === 'document-for-deal' && (info.payload as any).dealId === dealId,
      );
      await kit.moveDeal(dealId, stageId);
      await ran;
    };
    const runOf = async (dealId: number) => {
      const [run] = await listRunsForDeal(kit.app.db, COMPANY, dealId);
      assert.ok(run !== undefined);
      return run;
    };

    it('Pipedrive answers 503 to the note on two attempts: the note arrives once, and the run says so', async () => {
      await fault('503', 2);
      const posted = notePosts().length;
      await moveAndRun(1, SALES.won);

      const notes = await kit.notes(1);
      assert.equal(notes.length, 1);
      assert.match(notes[0]?.content ?? '', /Draft invoice .* was created in Xero/);
      assert.equal(notePosts().length - posted, 3, 'two refused, then written');
      const run = await runOf(1);
      assert.equal(run.status, 'succeeded');

      const api = await fetch(`${kit.appUrl}/api/companies/${COMPANY}/runs/${run.id}`, {
        headers: kit.auth,
      });
      assert.equal(((await api.json()) as { run: { note: string } }).run.note, 'sent');
      const history = await kit.session.fetch(`${kit.appUrl}/ui/history?company=${COMPANY}`);
      assert.match(
        await history.text(),
        new RegExp(`data-testid="note-${run.id}" data-note="sent">`),
      );
    });

    it('Pipedrive refuses the note, then writes it but the connection is cut: the retry finds it, still one note', async () => {
      await fault('503');
      await fault('drop-response');
      const posted = notePosts().length;
      await moveAndRun(2, SALES.proposal);

      const notes = await kit.notes(2);
      assert.equal(notes.length, 1);
      assert.match(notes[0]?.content ?? '', /quote/);
      assert.equal(notePosts().length - posted, 2, 'found by its marker, not written again');
      assert.equal((await runOf(2)).status, 'succeeded');
    });
  });
}
