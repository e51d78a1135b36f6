import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createApiKey, liveApiKey, revokeCompanyApiKey } from '../../src/services/api-keys.js';
import { issueOAuthState, takeState } from '../../src/services/oauth-states.js';
import {
  endSession,
  SESSION_TTL_MS,
  sessionOf,
  startSession,
} from '../../src/services/sessions.js';
import { deleteCompany, upsertCompany } from '../../src/store/repos/companies.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

/**
 * Access's tables (migration 0008) on both dialects: sessions expire and are revoked, API keys are
 * found by their hash only until revoked or expired, an OAuth state is taken once and only by the
 * browser it was issued to, and an uninstall removes the company's sessions and keys.
 */
for (const dialect of testDialects()) {
  describe(`access store (${dialect})`, () => {
    let store: TestStore;
    let now = new Date('2026-06-01T10:00:00Z');
    const clock = { now: () => now };
    const deps = () => ({ db: store.db, clock });
    before(async () => {
      store = await createTestStore(dialect);
      await upsertCompany(store.db, {
        id: 1,
        domain: 'c1',
        apiDomain: 'https://c1.pipedrive.com',
        installedAt: now,
      });
    });
    after(() => store.destroy());

    it('a session lives until it expires or is ended, and stores no secret', async () => {
      const { id, session } = await startSession(deps(), { companyId: 1, userId: 10 });
      assert.equal((await sessionOf(deps(), id))?.csrf, session.csrf);
      const rows = await store.db.selectFrom('sessions').select('id_hash').execute();
      assert.ok(rows.every((row) => row.id_hash !== id));
      now = new Date(now.getTime() + SESSION_TTL_MS + 1);
      assert.equal(await sessionOf(deps(), id), undefined, 'expired');
      const second = await startSession(deps(), { companyId: 1, userId: 10 });
      await endSession(deps(), second.id);
      assert.equal(await sessionOf(deps(), second.id), undefined, 'ended');
    });

    it('an API key works until revoked or expired', async () => {
      const kept = await createApiKey(deps(), 1, { name: 'ci' });
      const soon = await createApiKey(deps(), 1, {
        name: 'soon',
        expiresAt: new Date(now.getTime() + 1000),
      });
      assert.equal((await liveApiKey(deps(), kept.key))?.companyId, 1);
      assert.equal(await liveApiKey(deps(), `${kept.key}x`), undefined);
      now = new Date(now.getTime() + 2000);
      assert.equal(await liveApiKey(deps(), soon.key), undefined, 'expired');
      assert.equal(await revokeCompanyApiKey(deps(), 2, kept.id), false, "not company 2's key");
      assert.equal(await revokeCompanyApiKey(deps(), 1, kept.id), true);
      assert.equal(await liveApiKey(deps(), kept.key), undefined, 'revoked');
    });

    it('an OAuth state is taken once, by its own browser, before it expires', async () => {
      const state = await issueOAuthState(deps(), 'browser-a', {
        purpose: 'xero-connect',
        companyId: 1,
      });
      assert.equal(await takeState(deps(), state, 'browser-b', ['xero-connect']), undefined);
      assert.deepEqual(await takeState(deps(), state, 'browser-a', ['xero-connect']), {
        purpose: 'xero-connect',
        companyId: 1,
      });
      assert.equal(await takeState(deps(), state, 'browser-a', ['xero-connect']), undefined);
      const late = await issueOAuthState(deps(), 'browser-a', { purpose: 'pipedrive-install' });
      now = new Date(now.getTime() + 16 * 60_000);
      assert.equal(await takeState(deps(), late, 'browser-a', ['pipedrive-install']), undefined);
    });

    it("an uninstall removes the company's sessions and keys", async () => {
      await startSession(deps(), { companyId: 1, userId: 10 });
      await deleteCompany(store.db, 1);
      assert.deepEqual(await store.db.selectFrom('sessions').selectAll().execute(), []);
      assert.deepEqual(await store.db.selectFrom('api_keys').selectAll().execute(), []);
    });
  });
}
