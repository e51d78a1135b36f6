import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';

import { getOrgReference, listOrgItems } from '../../src/store/repos/org-reference.js';
import { DEFAULT_REFERENCE_TTL_MS, OrgReferenceCache } from '../../src/sync/org-reference-cache.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { invalidateOrgReference } from '../../src/sync/usecases/load-org-reference.js';
import { testDialects } from '../support/each-dialect.js';
import {
  accountingCalls,
  COMPANY_ID,
  startSyncKit,
  type SyncKit,
  TENANT_ID,
} from '../support/sync-kit.js';

/**
 * The Xero reference data and the items read are kept in the store (migration 0010), shared by
 * every process (issue 12): a process with an empty cache — a restart, another worker — reads the
 * stored copy instead of Xero while it is younger than the cache's time, and a refusal clears it.
 * Each `new OrgReferenceCache()` below stands for a fresh process on the same store.
 */

const REFERENCE = ['GET /Organisation', 'GET /TaxRates', 'GET /Accounts', 'GET /Currencies'];

const referenceCalls = (calls: string[]) => calls.filter((call) => REFERENCE.includes(call));

for (const dialect of testDialects()) {
  describe(`Xero reference data in the store (${dialect})`, () => {
    let kit: SyncKit;
    before(async () => {
      kit = await startSyncKit({ dialect });
    });
    after(() => kit.close());

    const org = { companyId: COMPANY_ID, tenantId: TENANT_ID };
    let trigger = 0;
    /** Makes deal 1's document under a new trigger in a fresh process; its Xero calls. */
    async function inFreshProcess(): Promise<string[]> {
      const since = await kit.lastXeroSeq();
      trigger += 1;
      const outcome = await documentForDeal(
        kit.deps({}, new OrgReferenceCache()),
        await kit.newJob(1, 'invoice', `stage-ref-${trigger}`),
      );
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
      return accountingCalls(await kit.xeroRequests(since));
    }

    it('a fresh process reuses what another fetched: no reference call, no GET /Items', async () => {
      const first = await inFreshProcess();
      assert.deepEqual(referenceCalls(first).sort(), [...REFERENCE].sort());
      assert.ok(first.includes('GET /Items'), first.join(', '));
      const stored = await getOrgReference(kit.store.db, org);
      assert.deepEqual(stored?.fetchedAt, kit.clock.date());
      assert.ok((await listOrgItems(kit.store.db, org)).length > 0);

      const second = await inFreshProcess();
      assert.deepEqual(second, ['PUT /Invoices']);
    });

    it('another organisation of the company does not see it', async () => {
      assert.equal(await getOrgReference(kit.store.db, { ...org, tenantId: 'other' }), undefined);
      assert.deepEqual(await listOrgItems(kit.store.db, { ...org, tenantId: 'other' }), []);
    });

    it('is fetched again once older than the cache time, and the new copy is shared', async () => {
      kit.clock.advance(DEFAULT_REFERENCE_TTL_MS - 1);
      assert.deepEqual(referenceCalls(await inFreshProcess()), [], 'still young enough');

      kit.clock.advance(1);
      const expired = await inFreshProcess();
      assert.deepEqual(referenceCalls(expired).sort(), [...REFERENCE].sort());
      assert.ok(!expired.includes('GET /Items'), 'items are trusted until Xero refuses one');
      assert.deepEqual((await getOrgReference(kit.store.db, org))?.fetchedAt, kit.clock.date());

      assert.deepEqual(await inFreshProcess(), ['PUT /Invoices']);
    });

    it('invalidation clears the stored copy and the items: the next process asks Xero', async () => {
      await invalidateOrgReference(kit.deps({}, new OrgReferenceCache()));
      assert.equal(await getOrgReference(kit.store.db, org), undefined);
      assert.deepEqual(await listOrgItems(kit.store.db, org), []);

      const next = await inFreshProcess();
      assert.deepEqual(referenceCalls(next).sort(), [...REFERENCE].sort());
      assert.ok(next.includes('GET /Items'), next.join(', '));
    });

    it('processes cold at the same moment fetch it once: the others wait and read its copy', async () => {
      await invalidateOrgReference(kit.deps({}, new OrgReferenceCache()));
      const since = await kit.lastXeroSeq();
      const jobs = [];
      for (const name of ['one', 'two', 'three']) {
        trigger += 1;
        jobs.push({ job: await kit.newJob(1, 'invoice', `cold-${name}-${trigger}`), name });
      }
      // The first fetch is slow enough that every process misses the store before it is saved.
      const outcomes = await Promise.all(
        jobs.map(({ job }) => {
          const deps = kit.deps({}, new OrgReferenceCache());
          const getOrganisation: typeof deps.xero.getOrganisation = async (...args) => {
            await delay(300);
            return deps.xero.getOrganisation(...args);
          };
          return documentForDeal({ ...deps, xero: { ...deps.xero, getOrganisation } }, job);
        }),
      );
      for (const outcome of outcomes) assert.equal(outcome.status, 'succeeded');
      const calls = accountingCalls(await kit.xeroRequests(since));
      assert.deepEqual(referenceCalls(calls).sort(), [...REFERENCE].sort(), calls.join(', '));
    });

    it("one process's jobs that look the same items up at once share one GET /Items", async () => {
      await invalidateOrgReference(kit.deps({}, new OrgReferenceCache()));
      const since = await kit.lastXeroSeq();
      const deps = kit.deps({}, new OrgReferenceCache());
      const jobs = [];
      for (let i = 0; i < 3; i++) {
        trigger += 1;
        jobs.push(await kit.newJob(1, 'invoice', `items-${trigger}`));
      }
      const outcomes = await Promise.all(jobs.map((job) => documentForDeal(deps, job)));
      for (const outcome of outcomes) assert.equal(outcome.status, 'succeeded');
      const calls = accountingCalls(await kit.xeroRequests(since));
      assert.equal(calls.filter((call) => call === 'GET /Items').length, 1, calls.join(', '));
    });

    it("Xero's refusal of a trusted contact clears the stored copy: the verified attempt reads it all afresh", async () => {
      await inFreshProcess();
      const contactId = (await kit.xeroDocuments()).invoices.at(-1)?.Contact.ContactID ?? '';
      await kit.xero.updateContact(
        { companyId: String(COMPANY_ID), tenantId: TENANT_ID },
        contactId,
        { ContactID: contactId, Name: 'Kauri Digital Ltd', ContactStatus: 'ARCHIVED' },
        { idempotencyKey: `archive-${contactId}` },
      );

      const since = await kit.lastXeroSeq();
      const refused = await documentForDeal(
        kit.deps({}, new OrgReferenceCache()),
        await kit.newJob(1, 'invoice', 'refusal'),
      );
      assert.ok(refused.status === 'waiting_fix', JSON.stringify(refused));
      const calls = accountingCalls(await kit.xeroRequests(since));
      const afterRefusal = calls.slice(calls.indexOf('PUT /Invoices') + 1);
      assert.deepEqual(
        referenceCalls(afterRefusal).sort(),
        [...REFERENCE].sort(),
        calls.join(', '),
      );
      assert.ok(afterRefusal.includes('GET /Items'), calls.join(', '));
    });
  });
}
