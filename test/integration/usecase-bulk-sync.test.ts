import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_CONTACT_GROUPS } from '../../sandbox/xero/seed.js';
import { getBulkSync } from '../../src/store/repos/bulk-sync.js';
import { getContactLink, getItemLink } from '../../src/store/repos/links.js';
import { bulkSync } from '../../src/sync/usecases/bulk-sync.js';
import { XeroApiError } from '../../src/xero/errors.js';
import {
  accountingCalls,
  COMPANY_ID,
  startSyncKit,
  type SyncKit,
  TENANT_ID,
} from '../support/sync-kit.js';

/**
 * Bulk sync of every demo organization and person (customers) or product into Xero tenant A, over
 * both sandboxes. Small pages so the demo data spans several Xero batches.
 */

interface Customers {
  organizations: number[];
  persons: number[];
}

async function demoCustomers(kit: SyncKit): Promise<Customers> {
  return {
    organizations: (await kit.pipedrive.listOrganizations()).items.map((org) => org.id),
    persons: (await kit.pipedrive.listPersons()).items.map((person) => person.id),
  };
}

/** Every customer has exactly one Xero contact with its code, and that contact is the linked one. */
async function assertEachLinkedOnce(kit: SyncKit, customers: Customers): Promise<void> {
  const contacts = await kit.xeroContacts();
  const check = async (kind: 'organization' | 'person', id: number, code: string) => {
    const holders = contacts.filter((contact) => contact.ContactNumber === code);
    assert.equal(holders.length, 1, `${code}: ${holders.length} contacts`);
    const link = await getContactLink(kit.store.db, {
      companyId: COMPANY_ID,
      tenantId: TENANT_ID,
      kind,
      pipedriveId: id,
    });
    assert.equal(link, holders[0]?.ContactID, `${code} is linked to its contact`);
  };
  for (const id of customers.organizations) await check('organization', id, `PD-ORG-${id}`);
  for (const id of customers.persons) await check('person', id, `PD-PER-${id}`);
}

describe('bulkSync: customers and products', () => {
  let kit: SyncKit;
  let customers: Customers;
  before(async () => {
    kit = await startSyncKit();
    customers = await demoCustomers(kit);
  });
  after(() => kit.close());

  it('creates or links every organization and person exactly once; a second pass creates nothing', async (t) => {
    const total = customers.organizations.length + customers.persons.length;
    const contactsBefore = (await kit.xeroContacts()).length;
    const progress: number[] = [];
    const since = await kit.lastXeroSeq();
    const first = await bulkSync(kit.deps(), {
      what: 'customers',
      pageSize: 5,
      onProgress: (done) => void progress.push(done),
    });
    const firstCalls = accountingCalls(await kit.xeroRequests(since));
    assert.deepEqual(first, { done: total, failed: [], nextCursor: null });
    assert.equal(progress.at(-1), total);
    assert.ok(progress.every((done, index) => index === 0 || done > progress[index - 1]!));
    await assertEachLinkedOnce(kit, customers);
    // "Kauri Digital Ltd" (by name) and "Tui Analytics" (by code) existed: matched, not created.
    assert.equal((await kit.xeroContacts()).length, contactsBefore + total - 2);
    t.diagnostic(
      `first pass: ${firstCalls.length} Xero calls for ${total} records (${(firstCalls.length / total).toFixed(2)}/record): ${[...new Set(firstCalls)].join(', ')}`,
    );
    assert.ok(firstCalls.length <= Math.ceil(total / 5) * 4, firstCalls.join(', '));

    const contactsAfterFirst = (await kit.xeroContacts()).length;
    const again = await kit.lastXeroSeq();
    const second = await bulkSync(kit.deps(), { what: 'customers', pageSize: 5 });
    const secondCalls = accountingCalls(await kit.xeroRequests(again));
    assert.deepEqual(second, { done: total, failed: [], nextCursor: null });
    assert.equal((await kit.xeroContacts()).length, contactsAfterFirst);
    assert.deepEqual([...new Set(secondCalls)], ['GET /Contacts'], 'nothing changed: reads only');
    t.diagnostic(
      `second pass: ${secondCalls.length} Xero calls for ${total} records (${(secondCalls.length / total).toFixed(2)}/record)`,
    );
    await assertEachLinkedOnce(kit, customers);
  });

  it('products: every item created or linked, the 35-character code reported as failed', async (t) => {
    const listed = (await kit.pipedrive.listProducts()).items;
    const since = await kit.lastXeroSeq();
    const result = await bulkSync(kit.deps(), { what: 'products', pageSize: 4 });
    const calls = accountingCalls(await kit.xeroRequests(since));
    const premium = listed.find((p) => p.code === 'PREMIUM-SUPPORT-24X7-EXTENDED-COVER')!;
    assert.equal(result.done, listed.length);
    assert.equal(result.nextCursor, null);
    assert.equal(result.failed.length, 1, JSON.stringify(result.failed));
    assert.equal(result.failed[0]!.id, `product:${premium.id}`);
    assert.equal(result.failed[0]!.code, 'item_code_too_long');
    assert.match(result.failed[0]!.message, /has 35 characters; Xero allows at most 30/);

    const items = await kit.xeroItems();
    for (const product of listed.filter((p) => p !== premium)) {
      const code = (product.code ?? '').trim() || `PD-${product.id}`;
      const held = items.filter((item) => item.Code === code);
      assert.equal(held.length, 1, `${code}: ${held.length} items`);
      const link = await getItemLink(kit.store.db, {
        companyId: COMPANY_ID,
        tenantId: TENANT_ID,
        productId: product.id,
      });
      assert.deepEqual(link, { xeroItemCode: code, xeroItemId: held[0]?.ItemID });
    }
    assert.ok(!items.some((item) => item.Code.startsWith('PREMIUM-SUPPORT')));
    t.diagnostic(
      `products: ${calls.length} Xero calls for ${listed.length} products (${(calls.length / listed.length).toFixed(2)}/product): ${calls.join(', ')}`,
    );

    const again = await kit.lastXeroSeq();
    const second = await bulkSync(kit.deps(), { what: 'products', pageSize: 4 });
    assert.equal(second.failed.length, 1);
    assert.ok(
      !accountingCalls(await kit.xeroRequests(again)).includes('POST /Items'),
      'nothing changed: no writes',
    );
  });
});

describe('bulkSync: interrupted, then resumed', () => {
  let kit: SyncKit;
  let customers: Customers;
  before(async () => {
    kit = await startSyncKit();
    customers = await demoCustomers(kit);
  });
  after(() => kit.close());

  it('stops on an abort, on a Xero 503 and on a lost response, and each resume completes with no duplicates', async () => {
    const total = customers.organizations.length + customers.persons.length;
    const deps = kit.deps();
    const key = { companyId: COMPANY_ID, tenantId: TENANT_ID, what: 'customers' as const };

    // 1. Stopped by its caller after the first page.
    const controller = new AbortController();
    const stopped = await bulkSync(deps, {
      what: 'customers',
      pageSize: 4,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    assert.equal(stopped.done, 4);
    assert.ok(stopped.nextCursor?.startsWith('organizations:'), String(stopped.nextCursor));
    assert.equal((await getBulkSync(kit.store.db, key))?.status, 'running');

    // 2. Resumed; Xero answers the next page's create with 503, which is thrown (retryable).
    await assert.rejects(
      bulkSync(deps, {
        what: 'customers',
        pageSize: 4,
        onProgress: () =>
          kit.fault({ kind: '503', method: 'PUT', path: '/api.xro/2.0/Contacts', times: 1 }),
      }),
      (error: unknown) => error instanceof XeroApiError && error.retryable,
    );
    assert.equal((await getBulkSync(kit.store.db, key))?.done, 8);

    // 3. Resumed; Xero creates the next page's contacts but the response is lost.
    await assert.rejects(
      bulkSync(deps, {
        what: 'customers',
        pageSize: 4,
        onProgress: () =>
          kit.fault({ kind: 'drop-response', method: 'PUT', path: '/api.xro/2.0/Contacts' }),
      }),
      (error: unknown) => error instanceof XeroApiError && error.code === 'xero_unavailable',
    );
    const saved = await getBulkSync(kit.store.db, key);
    assert.equal(saved?.done, 12);

    // 4. Resumed to the end: the lost page is redone, its contacts found by code, none created twice.
    const finished = await bulkSync(deps, { what: 'customers', pageSize: 4 });
    assert.deepEqual(finished, { done: total, failed: [], nextCursor: null });
    const state = await getBulkSync(kit.store.db, key);
    assert.equal(state?.status, 'completed');
    assert.equal(state?.runId, saved?.runId, 'one pass across the resumes');
    await assertEachLinkedOnce(kit, customers);
  });

  it('a cursor from an earlier call starts there; a bad one is refused', async () => {
    const result = await bulkSync(kit.deps(), {
      what: 'customers',
      cursor: 'persons:',
      pageSize: 50,
    });
    assert.equal(result.done, customers.persons.length);
    await assert.rejects(bulkSync(kit.deps(), { what: 'products', cursor: 'persons:' }), {
      code: 'bulk_bad_cursor',
    });
  });
});

describe('bulkSync: new contacts join their group; customer numbers are written back', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  it('adds only the contacts it created to the group, and writes Xero’s AccountNumber back as a run does', async () => {
    const ref = { companyId: String(COMPANY_ID), tenantId: TENANT_ID };
    const back = (
      await kit.pdControl('POST', '/fields/organization', {
        name: 'Xero customer no',
        field_type: 'varchar',
      })
    ).data.field_code as string;
    // Tui Analytics (PD-ORG-3) exists in Xero: it is matched, and carries a customer number.
    const [tui] = await kit.xero.findContacts(ref, { contactNumber: 'PD-ORG-3' });
    assert.ok(tui?.ContactID, 'the demo data has Tui Analytics');
    await kit.xero.updateContact(
      ref,
      tui.ContactID,
      { ContactID: tui.ContactID, AccountNumber: 'TUI-77' },
      { idempotencyKey: `test-tui-${Date.now()}` },
    );
    const contactsBefore = new Set((await kit.xeroContacts()).map((c) => c.ContactID));

    const result = await bulkSync(
      kit.deps({
        contacts: {
          newContacts: { contactGroupId: DEMO_CONTACT_GROUPS.active },
          customerNumber: { from: 'xero', writeBackField: back },
        },
      }),
      { what: 'customers', pageSize: 5 },
    );
    assert.deepEqual(result.failed, []);
    const created: string[] = [];
    const members: string[] = [];
    for (const { ContactID } of await kit.xeroContacts()) {
      if (!contactsBefore.has(ContactID)) created.push(ContactID!);
      // GET /Contacts/{id} names the contact's groups (docs/vendors/xero.md §8.1).
      const contact = await kit.xero.getContact(ref, ContactID!);
      if (contact?.ContactGroups?.some((g) => g.ContactGroupID === DEMO_CONTACT_GROUPS.active))
        members.push(ContactID!);
    }
    assert.ok(created.length > 0);
    assert.deepEqual(members, created, 'the created contacts, and only they, are in the group');
    const org3 = await kit.pipedrive.getOrganization(3);
    assert.equal(org3.custom_fields[back], 'TUI-77');
  });
});
