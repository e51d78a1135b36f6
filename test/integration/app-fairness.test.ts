import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { COMPANY, startAppKit } from '../support/app-kit.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/each-dialect.js';
import { draftsOf, moveAll, prepareFairness, whenDrafted } from '../support/fairness.js';
import { pollFor } from '../support/poll.js';

/**
 * Issue 12: one organisation's backlog never starves the others. Company A moves more deals to its
 * trigger stage than its Xero organisation's minute allows; once A's jobs start being deferred
 * (its budget spent), company B (another organisation) moves a few. B's drafts are made at once,
 * while A's backlog still waits for its next windows; then A's are all made, each exactly once,
 * and no deferral used up an attempt.
 *
 * The app's limiter keeps 14 calls a minute (PER_MINUTE: 9 for jobs, 5 left to people), so that A's
 * backlog spans more than a minute although its documents share requests. B has made a few drafts before (its reference data read). On SQLite the app and the sandboxes run on one clock RATE
 * times faster than real time; graphile waits in PostgreSQL's real time, so there the clock runs
 * at real speed and the test takes over a minute.
 */
const A_DEALS = 45;
/**
 * A's documents share requests (sync/document-batch.ts), about four to a call, the worker's
 * concurrency, since deferred jobs come back four at a time; so A's organisation gets a small
 * minute for its backlog to outlast it.
 */
const PER_MINUTE = 14;
const B_DEALS = 3;
const DAY = String(24 * 3_600_000);

for (const dialect of testDialects()) {
  const rate = dialect === 'sqlite' ? 10 : 1;
  describe(`fairness between organisations (${dialect})`, () => {
    let database: TestDatabase | undefined;
    before(async () => {
      if (dialect === 'postgres') database = await createTestDatabase('postgres');
    });
    after(() => database?.drop());

    it("B's few deals are drafted while A's backlog waits; A's are all drafted once", async (t) => {
      const kit = await startAppKit({
        sharedClock: true,
        ...(database !== undefined && { databaseUrl: database.url }),
        xeroLimits: {
          perMinute: PER_MINUTE,
          reserve: { concurrent: 1, perMinute: 5, perDay: 50 },
        },
        env: {
          WORKER_CONCURRENCY: '4',
          // Leases and catch-ups run on the fast clock; a day outlives the test.
          QUEUE_LEASE_MS: DAY,
          CATCH_UP_INTERVAL_MS: DAY,
        },
      });
      try {
        const deferred = new Map<string, number>();
        const retried = new Map<string, number>();
        const succeeded: { id: string; attempt: number }[] = [];
        const failed: string[] = [];
        const deferredCompanies = new Set<number>();
        const events = kit.app.queue.events;
        const clock = kit.sandboxes.pipedrive.sandbox.clock;
        events.on('job:deferred', (info) => {
          deferred.set(info.id, (deferred.get(info.id) ?? 0) + 1);
          deferredCompanies.add((info.payload as { companyId: number }).companyId);
        });
        events.on('job:retry', (info) => retried.set(info.id, (retried.get(info.id) ?? 0) + 1));
        events.on('job:success', (info) => {
          if (info.name === 'document-for-deal') succeeded.push(info);
        });
        events.on('job:failure', (info) => failed.push(`${info.name}: ${info.reason}`));

        const setup = await prepareFairness(kit, { a: A_DEALS, b: 2 * B_DEALS });
        const warmUp = { ...setup.b, ids: setup.b.ids.slice(0, B_DEALS) };
        const b = { ...setup.b, ids: setup.b.ids.slice(B_DEALS) };
        clock.setRate(rate);
        // B at work, not B's first document (its organisation's reference data, a new item).
        await moveAll(kit, warmUp);
        await whenDrafted(kit, warmUp, { timeoutMs: 120_000 });
        // Fresh windows for both organisations, as after a quiet hour.
        clock.advance(2 * 60_000);
        const aMoved = clock.now();
        const firstDeferral = kit.next('job:deferred');
        await moveAll(kit, setup.a);
        await firstDeferral;
        const bMoved = clock.now();
        await moveAll(kit, b);
        const bDone = await whenDrafted(kit, b, { timeoutMs: 60_000, other: setup.a });
        const bSeconds = (bDone.atMs - bMoved) / 1000;
        assert.ok(
          bDone.otherDrafted < A_DEALS,
          `A had ${bDone.otherDrafted} drafts when B was done`,
        );
        assert.ok(bSeconds < 15, `B's drafts took ${bSeconds} s of the app's clock`);
        t.diagnostic(`B's drafts: ${bSeconds} s; A had ${bDone.otherDrafted} of ${A_DEALS} then`);

        const aDone = await whenDrafted(kit, setup.a, { timeoutMs: 240_000 });
        const aSeconds = (aDone.atMs - aMoved) / 1000;
        t.diagnostic(`A's backlog: ${aSeconds} s`);
        assert.ok(aSeconds > 60, `A's backlog took ${aSeconds} s: not more than its minute`);
        for (const side of [setup.a, setup.b]) {
          const drafts = await draftsOf(kit, side);
          assert.deepEqual(
            side.ids.filter((id) => drafts.get(id) !== 1),
            [],
            `company ${side.company}: every deal has exactly one draft`,
          );
        }
        assert.deepEqual(failed, []);
        assert.ok(deferred.size > 0, "A's backlog was deferred");
        assert.deepEqual([...deferredCompanies], [COMPANY], 'only A, whose budget was spent');
        // Deferrals are not attempts: a document job ran once, plus once per real retry.
        await pollFor(() => (succeeded.length >= A_DEALS + 2 * B_DEALS ? true : undefined), {
          what: 'every job to succeed',
        });
        for (const { id, attempt } of succeeded)
          assert.equal(attempt, 1 + (retried.get(id) ?? 0), `job ${id}: attempt ${attempt}`);
        const times = [...deferred.values()];
        const perJob = times.reduce((sum, n) => sum + n, 0) / times.length;
        // Paced returns: a deferred job is mostly deferred once, not once per window. On
        // PostgreSQL a group brought back together lands on whichever workers take it, and the
        // figure varies more from run to run: 1.56-2.19 over eight runs (the code before and after
        // jobs were taken in turn by company), against 1.26-1.51 on SQLite.
        t.diagnostic(`${deferred.size} of A's jobs deferred, ${perJob} times each on average`);
        const bound = dialect === 'sqlite' ? 2 : 2.5;
        assert.ok(perJob < bound, `${perJob} deferrals per deferred job`);
      } finally {
        await kit.close();
      }
    });
  });
}
