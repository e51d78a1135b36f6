import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { statusReport } from '../../src/services/status-report.js';
import { getPipedriveConnection } from '../../src/store/repos/pipedrive-connections.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { getXeroConnection } from '../../src/store/repos/xero-connections.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/each-dialect.js';

for (const dialect of testDialects())
  describe(`app: token refresh through the durable token stores (${dialect})`, () => {
    let kit: AppKit;
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(dialect);
      kit = await startAppKit({ databaseUrl: database.url });
    });
    after(async () => {
      await kit.close();
      await database.drop();
    });

    const syncDeal = async (dealId: number) => {
      const done = kit.next(
        'job:success',
        (info) => (info.payload as { dealId: number }).dealId === dealId,
      );
      await kit.moveDeal(dealId, SALES.won);
      await done;
      const [run] = await listRunsForDeal(kit.app.db, COMPANY, dealId);
      return run;
    };

    it('refreshes rejected tokens on both sides and stores the new pairs (sealed) before use', async () => {
      const box = kit.app.deps.box;
      const xeroBefore = await getXeroConnection(kit.app.db, box, COMPANY);
      const pipedriveBefore = await getPipedriveConnection(kit.app.db, box, COMPANY);
      await kit.control('xero', 'POST', '/__sandbox/xero/tokens/expire', {});
      await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/tokens/expire', {});

      const run = await syncDeal(1);
      assert.equal(run?.status, 'succeeded');
      const xeroAfter = await getXeroConnection(kit.app.db, box, COMPANY);
      assert.equal(xeroAfter?.tokenVersion, (xeroBefore?.tokenVersion ?? 0) + 1, 'one rotation');
      assert.notEqual(
        xeroAfter?.refreshToken,
        xeroBefore?.refreshToken,
        'Xero rotates refresh tokens',
      );
      const pipedriveAfter = await getPipedriveConnection(kit.app.db, box, COMPANY);
      assert.notEqual(pipedriveAfter?.accessToken, pipedriveBefore?.accessToken);
    });

    it('a refused Xero grant (invalid_grant) marks the connection needs_reauth, in status and in the run', async () => {
      const connection = await getXeroConnection(kit.app.db, kit.app.deps.box, COMPANY);
      const revoked = await fetch(`${kit.xeroUrl}/connect/revocation`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${DEMO_XERO_APP.clientId}:${DEMO_XERO_APP.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token: connection?.refreshToken ?? '' }),
      });
      assert.equal(revoked.status, 200);
      await kit.control('xero', 'POST', '/__sandbox/xero/tokens/expire', {});

      const run = await syncDeal(2);
      assert.equal(run?.status, 'waiting_fix');
      assert.equal(run?.reasonCode, 'xero_reauth_required');
      const [note] = await kit.notes(2);
      assert.ok(note, 'note found');
      assert.match(note.content, /replay/i);

      const report = await statusReport(kit.app.db, { companyId: COMPANY });
      assert.equal(report.companies[0]?.xero?.needsReauth, true);
    });
  });
