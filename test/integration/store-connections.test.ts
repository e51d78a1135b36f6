import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { createSecretBox } from '../../src/secrets.js';
import { openDatabase } from '../../src/store/db.js';
import {
  getWebhookCredentials,
  setWebhookCredentials,
  upsertCompany,
} from '../../src/store/repos/companies.js';
import {
  getPipedriveConnection,
  savePipedriveConnection,
} from '../../src/store/repos/pipedrive-connections.js';
import {
  findCompanyIdsByTenant,
  getXeroConnection,
  lockXeroConnection,
  markXeroNeedsReauth,
  rotateXeroTokens,
  saveXeroConnection,
  type XeroConnectionInput,
} from '../../src/store/repos/xero-connections.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

const box = createSecretBox(randomBytes(32).toString('base64'));
const at = new Date('2026-03-01T10:00:00.000Z');
const expired = new Date('2026-03-01T09:59:00.000Z');

function xeroInput(companyId: number, overrides: Partial<XeroConnectionInput> = {}) {
  return {
    companyId,
    tenantId: `tenant-${companyId}`,
    tenantName: `Org ${companyId}`,
    shortCode: '!abc12',
    connectionId: `conn-${companyId}`,
    authEventId: null,
    accessToken: `access-plain-${companyId}`,
    refreshToken: `refresh-plain-${companyId}`,
    accessExpiresAt: expired,
    ...overrides,
  };
}

/** A stand-in for Xero's token endpoint: each refresh token works once (docs/vendors/xero.md, rotation). */
function fakeXeroRefresh() {
  const used = new Set<string>();
  let issued = 0;
  return {
    calls: () => issued,
    async refresh(refreshToken: string) {
      if (used.has(refreshToken)) throw new Error(`refresh token reused: ${refreshToken}`);
      used.add(refreshToken);
      issued += 1;
      // Let the other contender run while this "HTTP call" is in flight.
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { accessToken: `access-${issued}`, refreshToken: `refresh-${issued}` };
    },
  };
}

for (const dialect of testDialects()) {
  describe(`connections (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
      for (const id of [1, 2, 3, 4]) {
        await upsertCompany(store.db, {
          id,
          domain: `c${id}`,
          apiDomain: 'https://x',
          installedAt: at,
        });
      }
    });
    after(() => store.destroy());

    it('encrypts tokens and webhook passwords at rest', async () => {
      await saveXeroConnection(store.db, box, xeroInput(1), at);
      await savePipedriveConnection(
        store.db,
        box,
        {
          companyId: 1,
          userId: 77,
          accessToken: 'pd-access-plain',
          refreshToken: 'pd-refresh-plain',
          expiresAt: at,
          status: 'active',
        },
        at,
      );
      await setWebhookCredentials(store.db, box, 1, { user: 'hook', password: 'hook-pass-plain' });

      const xeroRow = await store.db
        .selectFrom('xero_connections')
        .selectAll()
        .executeTakeFirstOrThrow();
      const pdRow = await store.db
        .selectFrom('pipedrive_connections')
        .selectAll()
        .executeTakeFirstOrThrow();
      const company = await store.db
        .selectFrom('companies')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const raw = JSON.stringify([xeroRow, pdRow, company]);
      for (const plain of [
        'access-plain-1',
        'refresh-plain-1',
        'pd-access-plain',
        'pd-refresh-plain',
        'hook-pass-plain',
      ]) {
        assert.ok(!raw.includes(plain), `${plain} stored in clear`);
      }
      assert.match(xeroRow.access_token_enc, /^v1:/);

      assert.equal((await getXeroConnection(store.db, box, 1))?.refreshToken, 'refresh-plain-1');
      assert.equal(
        (await getPipedriveConnection(store.db, box, 1))?.accessToken,
        'pd-access-plain',
      );
      assert.deepEqual(await getWebhookCredentials(store.db, box, 1), {
        user: 'hook',
        password: 'hook-pass-plain',
      });
      const otherKey = createSecretBox(randomBytes(32).toString('base64'));
      await assert.rejects(getXeroConnection(store.db, otherKey, 1), { code: 'secret_unreadable' });
    });

    it('keeps exactly one Xero organisation per company; reconnecting replaces it', async () => {
      await saveXeroConnection(store.db, box, xeroInput(2), at);
      const again = await saveXeroConnection(
        store.db,
        box,
        xeroInput(2, { tenantId: 'tenant-new', tenantName: 'New org' }),
        at,
      );
      assert.equal(again.tenantId, 'tenant-new');
      assert.equal(again.tokenVersion, 1);
      const rows = await store.db
        .selectFrom('xero_connections')
        .select('tenant_id')
        .where('company_id', '=', 2)
        .execute();
      assert.deepEqual(rows, [{ tenant_id: 'tenant-new' }]);
      assert.deepEqual(await findCompanyIdsByTenant(store.db, 'tenant-new'), [2]);
      assert.deepEqual(await findCompanyIdsByTenant(store.db, 'tenant-2'), []);
    });

    it('refuses a token rotation based on a stale version', async () => {
      const current = await saveXeroConnection(store.db, box, xeroInput(3), at);
      const rotation = {
        companyId: 3,
        expectedVersion: current.tokenVersion,
        accessToken: 'a2',
        refreshToken: 'r2',
        accessExpiresAt: at,
      };
      assert.equal(await rotateXeroTokens(store.db, box, rotation, at), 1);
      assert.equal(
        await rotateXeroTokens(store.db, box, { ...rotation, refreshToken: 'r3' }, at),
        undefined,
      );
      assert.equal((await getXeroConnection(store.db, box, 3))?.refreshToken, 'r2');

      await markXeroNeedsReauth(store.db, 3, at);
      assert.equal((await getXeroConnection(store.db, box, 3))?.status, 'needs_reauth');
    });

    it('serialises refreshes: lock, re-read, then act — one refresh for concurrent callers', async () => {
      await saveXeroConnection(store.db, box, xeroInput(4), at);
      const xero = fakeXeroRefresh();
      // On PostgreSQL a second pool stands in for a second process: only the row lock can serialise it.
      const other = dialect === 'postgres' ? openDatabase(store.url) : undefined;
      const handles = [store.db, other?.db ?? store.db, store.db];
      try {
        await other?.db.selectFrom('companies').select('id').execute(); // connect before the race
        const tokens = await Promise.all(
          handles.map((db) =>
            lockXeroConnection(db, box, 4, async (connection, handle) => {
              assert.ok(connection);
              if (connection.accessExpiresAt > at) return connection.accessToken;
              const fresh = await xero.refresh(connection.refreshToken);
              const version = await rotateXeroTokens(
                handle,
                box,
                {
                  companyId: 4,
                  expectedVersion: connection.tokenVersion,
                  ...fresh,
                  accessExpiresAt: new Date(at.getTime() + 1_800_000),
                },
                at,
              );
              assert.ok(version !== undefined, 'the rotation under the lock must win');
              return fresh.accessToken;
            }),
          ),
        );
        assert.equal(xero.calls(), 1);
        assert.deepEqual(tokens, ['access-1', 'access-1', 'access-1']);
        const stored = await getXeroConnection(store.db, box, 4);
        assert.equal(stored?.refreshToken, 'refresh-1');
        assert.equal(stored?.tokenVersion, 1);
      } finally {
        await other?.close();
      }
    });

    it('releases the lock when the action throws', async () => {
      await assert.rejects(
        lockXeroConnection(store.db, box, 4, async () => {
          throw new Error('boom');
        }),
        /boom/,
      );
      const version = await lockXeroConnection(store.db, box, 4, async (c) => c?.tokenVersion);
      assert.equal(version, 1);
    });
  });
}
