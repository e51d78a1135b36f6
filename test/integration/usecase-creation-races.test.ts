import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { type OpenDatabase, openDatabase } from '../../src/store/db.js';
import { upsertCompany } from '../../src/store/repos/companies.js';
import { createRun } from '../../src/store/repos/runs.js';
import { DealReadAhead } from '../../src/sync/deal-read-ahead.js';
import { DocumentBatcher } from '../../src/sync/document-batch.js';
import { OrgReferenceCache } from '../../src/sync/org-reference-cache.js';
import type { DocumentJob, RunOutcome, SyncDeps } from '../../src/sync/ports.js';
import type { SettingsInput } from '../../src/sync/settings.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { syncContact } from '../../src/sync/usecases/sync-contact.js';
import type { XeroClient } from '../../src/xero/client.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';
import { identityKit } from '../support/identity-kit.js';
import { accountingCalls, COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Creation races (issue 8): jobs that need the same new Xero contact or item at the same moment —
 * in one process, or in two (two store connections and two caches) on each dialect — all succeed
 * with one contact and one item in Xero and no waiting_fix; and a record someone else creates in
 * Xero between our lookup and our create ("already exists" / "already assigned") is looked up and
 * used. The races are made certain, not likely: every job's lookup is held until all jobs have
 * looked (a barrier around the real client's call), so each of them finds nothing to reuse.
 */

/** Resolves every caller once `parties` callers have arrived, and later callers at once. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= parties) open();
    return opened;
  };
}

/** The client with its contact and item lookups held until that many jobs have looked. */
function lookingTogether(xero: XeroClient, jobs: { contacts: number; items: number }): XeroClient {
  const contactsLooked = barrier(jobs.contacts);
  const itemsLooked = barrier(jobs.items);
  return {
    ...xero,
    async findContacts(...args) {
      const found = await xero.findContacts(...args);
      await contactsLooked();
      return found;
    },
    async findContactsByKeys(...args) {
      const found = await xero.findContactsByKeys(...args);
      await contactsLooked();
      return found;
    },
    async getItems(...args) {
      const found = await xero.getItems(...args);
      await itemsLooked();
      return found;
    },
  };
}

const CREATE_ITEMS: SettingsInput = { items: { productNotFound: 'create_item' } };
/** A safety net: a job that never reaches a barrier would hold the other one there. */
const RACE = { timeout: 60_000 };

describe('creation races', () => {
  let kit: SyncKit;
  let make: ReturnType<typeof identityKit>;
  before(async () => {
    kit = await startSyncKit();
    make = identityKit(kit);
  });
  after(() => kit.close());

  const withNumber = async (number: string) =>
    (await kit.xeroContacts()).filter((contact) => contact.ContactNumber === number);
  const withCode = async (code: string) =>
    (await kit.xeroItems()).filter((item) => item.Code === code);
  /** Every element the jobs asked Xero to create (PUT) since `since`: one per record if single-flight. */
  const createsSince = async (since: number, path: 'Contacts' | 'Items', key = 'Name') =>
    (await kit.xeroRequests(since))
      .filter((request) => request.method === 'PUT' && request.path === `/api.xro/2.0/${path}`)
      .flatMap((request) => ((request.body as any)[path] as any[]).map((element) => element[key]))
      .sort();
  const assertSucceeded = (outcomes: RunOutcome[]) => {
    for (const outcome of outcomes)
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  };

  it(
    'two jobs needing the same new contact and the same new item: both succeed, one of each',
    RACE,
    async () => {
      const since = await kit.lastXeroSeq();
      const org = await make.org('Racing Kereru Ltd');
      const [shared, other] = [await make.product('RACE-ONE'), await make.product('RACE-TWO')];
      // Different sets of new items, so the two creations are different requests to Xero.
      const deals = [await make.deal({ org }, shared), await make.deal({ org }, shared, other)];
      // In one process the two look-ups of one customer are one, shared (ensure-contact.ts): only
      // the item look-ups, of different sets, race; both jobs still find no contact and race to
      // create it.
      const deps = {
        ...kit.deps(CREATE_ITEMS),
        xero: lookingTogether(kit.xero, { contacts: 1, items: 2 }),
      };
      const outcomes = await Promise.all(
        deals.map(async (dealId) => documentForDeal(deps, await kit.newJob(dealId))),
      );
      assertSucceeded(outcomes);
      const calls = accountingCalls(await kit.xeroRequests(since));
      assert.equal(calls.filter((call) => call === 'GET /Contacts').length, 1, calls.join(', '));
      const contacts = await withNumber(`PD-ORG-${org}`);
      assert.equal(contacts.length, 1);
      assert.equal((await withCode('RACE-ONE')).length, 1);
      assert.equal((await withCode('RACE-TWO')).length, 1);
      // Single-flight: the job that waited found what the other made and did not try again.
      assert.equal((await createsSince(since, 'Contacts')).length, 1);
      assert.deepEqual(await createsSince(since, 'Items', 'Code'), ['RACE-ONE', 'RACE-TWO']);
      for (const dealId of deals)
        assert.equal((await make.invoiceOf(dealId))?.Contact.ContactID, contacts[0]?.ContactID);
      const notes = await Promise.all(deals.map((dealId) => make.lastNote(dealId)));
      assert.deepEqual(notes.map((note) => /\((created|already linked)\)/.exec(note)?.[1]).sort(), [
        'already linked',
        'created',
      ]);
    },
  );

  it(
    'two jobs of different customers needing the same new item: both succeed, one item',
    RACE,
    async () => {
      const [shared, other] = [await make.product('RACE-ITEM'), await make.product('RACE-ITEM-2')];
      // Existing customers (Kauri Digital Ltd, Tui Analytics) and different sets of new items.
      const deals = [
        await make.deal({ org: 1 }, shared),
        await make.deal({ org: 3 }, shared, other),
      ];
      const deps = {
        ...kit.deps(CREATE_ITEMS),
        xero: lookingTogether(kit.xero, { contacts: 2, items: 2 }),
      };
      const outcomes = await Promise.all(
        deals.map(async (dealId) => documentForDeal(deps, await kit.newJob(dealId))),
      );
      assertSucceeded(outcomes);
      assert.equal((await withCode('RACE-ITEM')).length, 1);
      for (const dealId of deals)
        assert.ok(
          (await make.invoiceOf(dealId))?.LineItems.some(
            (line: any) => line.ItemCode === 'RACE-ITEM',
          ),
        );
    },
  );

  it(
    "the panel's Update and a deal's document creating the same new person at once",
    RACE,
    async () => {
      const person = await make.person('Racing Tui', 'racing.tui@example.nz');
      const dealId = await make.deal({ person });
      // Only the document looks items up.
      const deps = { ...kit.deps(), xero: lookingTogether(kit.xero, { contacts: 2, items: 1 }) };
      const runId = (
        await createRun(kit.store.db, { companyId: COMPANY_ID, kind: 'contact' }, new Date())
      ).id;
      const [document, update] = await Promise.all([
        documentForDeal(deps, await kit.newJob(dealId)),
        syncContact(deps, { kind: 'person', id: person, runId }),
      ]);
      assertSucceeded([document]);
      assert.equal(update.status, 'succeeded', JSON.stringify(update));
      const contacts = await withNumber(`PD-PER-${person}`);
      assert.equal(contacts.length, 1);
      assert.ok(update.status === 'succeeded' && update.contactId === contacts[0]?.ContactID);
      assert.equal((await make.invoiceOf(dealId))?.Contact.ContactID, contacts[0]?.ContactID);
    },
  );

  for (const dialect of testDialects()) {
    describe(`two processes (${dialect})`, () => {
      let store: TestStore | undefined;
      let handles: OpenDatabase[] = [];
      before(async () => {
        if (dialect === 'postgres') {
          store = await createTestStore('postgres');
          const at = new Date();
          await upsertCompany(store.db, {
            id: COMPANY_ID,
            domain: 'kauricoast',
            apiDomain: 'https://api.example',
            installedAt: at,
          });
        }
        const url = store?.url ?? kit.store.url;
        handles = [openDatabase(url), openDatabase(url)];
      });
      after(async () => {
        await Promise.all(handles.map((handle) => handle.close()));
        await store?.destroy();
      });

      it(
        'each with its own store connection and cache: both succeed, one contact and one item',
        RACE,
        async () => {
          const since = await kit.lastXeroSeq();
          const org = await make.org(`Racing Kaka ${dialect}`);
          const code = `RACE-${dialect.toUpperCase()}`;
          const [shared, other] = [await make.product(code), await make.product(`${code}-2`)];
          const deals = [await make.deal({ org }, shared), await make.deal({ org }, shared, other)];
          const xero = lookingTogether(kit.xero, { contacts: 2, items: 2 });
          const outcomes = await Promise.all(
            handles.map(async ({ db }, index) => {
              // Each process has its own caches and its own batch of documents.
              const deps: SyncDeps = {
                ...kit.deps(CREATE_ITEMS, new OrgReferenceCache()),
                db,
                xero,
                dealReadAhead: new DealReadAhead(),
                documentBatcher: new DocumentBatcher(),
              };
              const dealId = deals[index]!;
              const run = await createRun(
                db,
                { companyId: COMPANY_ID, kind: 'invoice', dealId, triggerKey: 'stage-2' },
                new Date(),
              );
              const job: DocumentJob = {
                runId: run.id,
                dealId,
                triggerKey: 'stage-2',
                kind: 'invoice',
              };
              return documentForDeal(deps, job);
            }),
          );
          assertSucceeded(outcomes);
          assert.equal((await withNumber(`PD-ORG-${org}`)).length, 1);
          assert.equal((await withCode(code)).length, 1);
          assert.deepEqual(await createsSince(since, 'Contacts'), [`Racing Kaka ${dialect}`]);
          assert.deepEqual(await createsSince(since, 'Items', 'Code'), [code, `${code}-2`]);
        },
      );
    });
  }

  it('an item someone creates in Xero between our lookup and our create is used', async () => {
    const product = await make.product('SOMEONE-ELSE');
    const dealId = await make.deal({ org: 1 }, product);
    const xero: XeroClient = {
      ...kit.xero,
      async createItems(ref, items, options) {
        await kit.xero.createItems(ref, items, { idempotencyKey: randomUUID() });
        return kit.xero.createItems(ref, items, options);
      },
    };
    const outcome = await documentForDeal(
      { ...kit.deps(CREATE_ITEMS), xero },
      await kit.newJob(dealId),
    );
    assertSucceeded([outcome]);
    assert.equal((await withCode('SOMEONE-ELSE')).length, 1);
    const invoice = await make.invoiceOf(dealId);
    assert.ok(invoice, 'invoice found');
    assert.deepEqual(
      invoice.LineItems.map((line: any) => line.ItemCode),
      ['SOMEONE-ELSE'],
    );
  });

  it('a contact another process created but never linked is found by its code and used', async () => {
    const org = await make.org('Half Made Ltd');
    const dealId = await make.deal({ org });
    const xero: XeroClient = {
      ...kit.xero,
      async createContacts(ref, contacts, options) {
        await kit.xero.createContacts(ref, contacts, { idempotencyKey: randomUUID() });
        return kit.xero.createContacts(ref, contacts, options);
      },
    };
    const outcome = await documentForDeal({ ...kit.deps(), xero }, await kit.newJob(dealId));
    assertSucceeded([outcome]);
    const contacts = await withNumber(`PD-ORG-${org}`);
    assert.equal(contacts.length, 1);
    assert.equal((await make.invoiceOf(dealId))?.Contact.ContactID, contacts[0]?.ContactID);
    assert.match(
      await make.lastNote(dealId),
      /Xero contact: Half Made Ltd \(matched by contact number\)/,
    );
  });
  it("the panel's Update meets a contact made meanwhile: it is found by its code and kept", async () => {
    const person = await make.person('Half Made Person', 'half.made@example.nz');
    const xero: XeroClient = {
      ...kit.xero,
      async createContacts(ref, contacts, options) {
        await kit.xero.createContacts(ref, contacts, { idempotencyKey: randomUUID() });
        return kit.xero.createContacts(ref, contacts, options);
      },
    };
    const runId = (
      await createRun(kit.store.db, { companyId: COMPANY_ID, kind: 'contact' }, new Date())
    ).id;
    const outcome = await syncContact(
      { ...kit.deps(), xero },
      { kind: 'person', id: person, runId },
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const contacts = await withNumber(`PD-PER-${person}`);
    assert.equal(contacts.length, 1);
    assert.ok(outcome.status === 'succeeded');
    assert.equal(outcome.contactId, contacts[0]?.ContactID);
    assert.equal(outcome.how, 'by contact number');
    assert.equal(outcome.created, false);
  });
});
