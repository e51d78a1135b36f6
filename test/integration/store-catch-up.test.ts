import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import * as catchUpMigration from '../../src/store/migrations/0006-catch-up.js';
import {
  finishCatchUp,
  getCatchUpState,
  recordWebhookHealth,
  takeCatchUpLease,
} from '../../src/store/repos/catch-up-state.js';
import { deleteCompany, upsertCompany } from '../../src/store/repos/companies.js';
import { createRun } from '../../src/store/repos/runs.js';
import { getFiring } from '../../src/store/repos/trigger-firings.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

/** The catch-up's state per company, and migration 0006 on a store that already has runs. */
const at = (iso: string) => new Date(iso);

for (const dialect of testDialects()) {
  describe(`catch-up store (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(() => store.destroy());

    const company = (id: number) =>
      upsertCompany(store.db, {
        id,
        domain: `c${id}`,
        apiDomain: `https://c${id}.pipedrive.com`,
        installedAt: at('2026-01-01T00:00:00Z'),
      });

    it('migration 0006 starts existing companies from now and gives each trigger its latest run', async () => {
      await catchUpMigration.down(store.db);
      await company(1);
      const run = (trigger: string, created: string) =>
        createRun(
          store.db,
          { companyId: 1, kind: 'invoice', dealId: 5, triggerKey: trigger },
          at(created),
        );
      await run('stage:1:4', '2026-02-01T10:00:00Z');
      const latest = await run('stage:1:4', '2026-02-03T10:00:00Z');
      const quote = await run('stage:1:2', '2026-02-02T10:00:00Z');
      await createRun(store.db, { companyId: 1, kind: 'contact' }, at('2026-02-04T10:00:00Z'));
      const before = Date.now();
      await catchUpMigration.up(store.db);

      const state = await getCatchUpState(store.db, 1);
      assert.ok(state?.checkedUntil && state.checkedUntil.getTime() >= before - 1000);
      const firing = await getFiring(store.db, {
        companyId: 1,
        dealId: 5,
        triggerKey: 'stage:1:4',
      });
      assert.equal(firing?.runId, latest.id);
      assert.deepEqual(firing?.firedAt, at('2026-02-03T10:00:00Z'));
      const other = await getFiring(store.db, { companyId: 1, dealId: 5, triggerKey: 'stage:1:2' });
      assert.equal(other?.runId, quote.id);
      assert.equal(
        (await store.db.selectFrom('trigger_firings').select('run_id').execute()).length,
        2,
      );
    });

    it('lets one check hold a company at a time, until it finishes or its lease runs out', async () => {
      await company(2);
      const now = at('2026-03-01T10:00:00Z');
      const until = at('2026-03-01T10:10:00Z');
      assert.equal(await takeCatchUpLease(store.db, 2, now, until), true);
      assert.equal(await takeCatchUpLease(store.db, 2, now, until), false, 'held');
      assert.equal(await takeCatchUpLease(store.db, 2, until, at('2026-03-01T10:20:00Z')), true);
      await finishCatchUp(store.db, 2, {
        at: now,
        status: 'ok',
        error: null,
        dealsExamined: 7,
        runsStarted: 2,
        checkedUntil: now,
      });
      assert.equal(await takeCatchUpLease(store.db, 2, now, until), true, 'given back');
    });

    it('moves checkedUntil only after a completed check, and remembers when the webhook was made again', async () => {
      await company(3);
      const first = at('2026-03-01T10:00:00Z');
      const second = at('2026-03-01T10:05:00Z');
      await takeCatchUpLease(store.db, 3, first, second);
      const health = {
        webhookId: 9,
        checkedAt: first,
        lastDeliveryAt: null,
        lastHttpStatus: null,
      };
      await recordWebhookHealth(store.db, 3, { ...health, status: 're-created', reason: 'gone' });
      const result = { status: 'ok' as const, error: null, dealsExamined: 1, runsStarted: 1 };
      await finishCatchUp(store.db, 3, { ...result, at: first, checkedUntil: first });
      await recordWebhookHealth(store.db, 3, {
        ...health,
        checkedAt: second,
        status: 'ok',
        reason: null,
      });
      await finishCatchUp(store.db, 3, {
        ...result,
        at: second,
        status: 'failed',
        error: 'Pipedrive is down',
        checkedUntil: null,
      });
      const state = await getCatchUpState(store.db, 3);
      assert.deepEqual(state?.checkedUntil, first);
      assert.equal(state?.webhook?.status, 'ok');
      assert.deepEqual(state?.webhook?.recreatedAt, first);
      assert.equal(state?.last?.status, 'failed');
      assert.equal(state?.last?.error, 'Pipedrive is down');
    });

    it('goes with the company (uninstall)', async () => {
      assert.equal(await deleteCompany(store.db, 1), true);
      assert.equal(await getCatchUpState(store.db, 1), undefined);
      assert.equal(
        await getFiring(store.db, { companyId: 1, dealId: 5, triggerKey: 'stage:1:4' }),
        undefined,
      );
    });
  });
}
