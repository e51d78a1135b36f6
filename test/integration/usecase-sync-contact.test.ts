import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_CONTACT_GROUPS } from '../../sandbox/xero/seed.js';
import { getContactLink } from '../../src/store/repos/links.js';
import { createRun, getRun } from '../../src/store/repos/runs.js';
import { syncContact } from '../../src/sync/usecases/sync-contact.js';
import {
  accountingCalls,
  COMPANY_ID,
  startSyncKit,
  type SyncKit,
  TENANT_ID,
} from '../support/sync-kit.js';
import { one, type SandboxAddress } from '../support/vendor-shapes.js';

/**
 * The panel's "Update": a Pipedrive organization or person re-synced to its Xero contact now,
 * through both sandboxes over HTTP. Pipedrive organization 4 (demo data, with a street address) has
 * no Xero contact yet; Mere Parata is the demo person without an organization or Xero contact.
 */
describe('syncContact: the panel Update', () => {
  let kit: SyncKit;
  let mere: { id: number };
  before(async () => {
    kit = await startSyncKit();
    const persons = await kit.pipedrive.listPersons();
    mere = persons.items.find((person) => person.name === 'Mere Parata')!;
    assert.ok(mere, 'the demo data has Mere Parata');
  });
  after(() => kit.close());

  const newRun = async () =>
    (await createRun(kit.store.db, { companyId: COMPANY_ID, kind: 'contact' }, new Date())).id;
  const withNumber = async (number: string) =>
    (await kit.xeroContacts()).filter((contact) => contact.ContactNumber === number);
  const linkOf = (kind: 'organization' | 'person', id: number) =>
    getContactLink(kit.store.db, {
      companyId: COMPANY_ID,
      tenantId: TENANT_ID,
      kind,
      pipedriveId: id,
    });

  it('updates a linked organization whose address changed in Pipedrive, and creates nothing', async () => {
    const first = await syncContact(kit.deps(), {
      kind: 'organization',
      id: 4,
      runId: await newRun(),
    });
    assert.equal(first.status, 'succeeded', JSON.stringify(first));
    const contactId = first.status === 'succeeded' ? first.contactId : '';
    assert.equal(await linkOf('organization', 4), contactId);
    const countBefore = (await kit.xeroContacts()).length;

    await kit.pdControl('PATCH', '/organizations/4', {
      address: {
        value: '200 Victoria Street West, Auckland 1010',
        street_number: '200',
        route: 'Victoria Street West',
        subpremise: null,
        locality: 'Auckland',
        admin_area_level_1: 'Auckland',
        postal_code: '1010',
        country: 'New Zealand',
      },
    });
    const since = await kit.lastXeroSeq();
    const runId = await newRun();
    const outcome = await syncContact(kit.deps(), { kind: 'organization', id: 4, runId });
    const requests = await kit.xeroRequests(since);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.ok(outcome.status === 'succeeded');
    assert.equal(outcome.contactId, contactId);
    assert.equal(outcome.created, false);
    for (const field of [
      'POBOX.AddressLine1',
      'POBOX.City',
      'STREET.AddressLine1',
      'STREET.PostalCode',
    ])
      assert.ok(outcome.changedFields.includes(field), `${field} in ${outcome.changedFields}`);

    const contact = (await kit.xeroContacts()).find((c) => c.ContactID === contactId);
    assert.ok(contact, 'contact found');
    for (const type of ['POBOX', 'STREET'] as const) {
      const address: SandboxAddress = one(contact.Addresses, (a) => a.AddressType === type);
      assert.equal(address.AddressLine1, '200 Victoria Street West');
      assert.equal(address.City, 'Auckland');
      assert.equal(address.PostalCode, '1010');
    }
    assert.equal((await kit.xeroContacts()).length, countBefore);
    // One fresh read and one POST /Contacts/{id} with an Idempotency-Key.
    assert.deepEqual(accountingCalls(requests), ['GET /Contacts', `POST /Contacts/${contactId}`]);
    const post = requests.find((r) => r.method === 'POST');
    assert.match(String(post?.headers?.['idempotency-key'] ?? ''), /^pdx-contacts-update-/);
    const run = await getRun(kit.store.db, COMPANY_ID, runId);
    assert.equal(run?.status, 'succeeded');
    assert.equal(run?.kind, 'contact');
    assert.deepEqual(run?.requestSummary, { kind: 'organization', id: 4 });
  });

  it('creates an unlinked person once, then updates it on the next Update — never a duplicate', async () => {
    assert.equal(await linkOf('person', mere.id), undefined);
    const created = await syncContact(kit.deps(), {
      kind: 'person',
      id: mere.id,
      runId: await newRun(),
    });
    assert.equal(created.status, 'succeeded', JSON.stringify(created));
    assert.ok(created.status === 'succeeded' && created.created);
    assert.ok(created.changedFields.includes('EmailAddress'));
    assert.equal((await withNumber(`PD-PER-${mere.id}`)).length, 1);

    await kit.pdControl('PATCH', `/persons/${mere.id}`, {
      phones: [{ value: '+64 21 555 0200', primary: true, label: 'mobile' }],
    });
    const updated = await syncContact(kit.deps(), {
      kind: 'person',
      id: mere.id,
      runId: await newRun(),
    });
    assert.equal(updated.status, 'succeeded', JSON.stringify(updated));
    assert.ok(updated.status === 'succeeded');
    assert.equal(updated.created, false);
    assert.equal(updated.contactId, created.contactId);
    assert.deepEqual(updated.changedFields, ['Phone.DEFAULT']);
    const [contact] = await withNumber(`PD-PER-${mere.id}`);
    assert.ok(contact, 'contact found');
    assert.equal(
      contact.Phones.find((p) => p.PhoneType === 'DEFAULT')?.PhoneNumber,
      '+64 21 555 0200',
    );
    assert.equal((await kit.xeroContacts()).filter((c) => c.Name === 'Mere Parata').length, 1);

    // Nothing changed since: one read, no write.
    const since = await kit.lastXeroSeq();
    const same = await syncContact(kit.deps(), {
      kind: 'person',
      id: mere.id,
      runId: await newRun(),
    });
    assert.ok(same.status === 'succeeded' && same.changedFields.length === 0 && !same.created);
    assert.deepEqual(accountingCalls(await kit.xeroRequests(since)), ['GET /Contacts']);
  });

  it('a job delivered again after its run ended changes nothing', async () => {
    const runId = await newRun();
    const first = await syncContact(kit.deps(), { kind: 'person', id: mere.id, runId });
    const since = await kit.lastXeroSeq();
    const again = await syncContact(kit.deps(), { kind: 'person', id: mere.id, runId });
    assert.deepEqual(again, first);
    assert.deepEqual(accountingCalls(await kit.xeroRequests(since)), []);
  });

  it('an archived linked contact waits for a fix in plain words; nothing is created', async () => {
    const [contact] = await withNumber(`PD-PER-${mere.id}`);
    assert.ok(contact, 'contact found');
    const archive = await fetch(
      `${kit.xeroUrl}/__sandbox/xero/tenants/${TENANT_ID}/contacts/${contact.ContactID}/archive`,
      { method: 'POST' },
    );
    assert.equal(archive.status, 200);
    const before = (await kit.xeroContacts()).length;
    const runId = await newRun();
    const outcome = await syncContact(kit.deps(), { kind: 'person', id: mere.id, runId });
    assert.equal(outcome.status, 'waiting_fix', JSON.stringify(outcome));
    assert.ok(outcome.status === 'waiting_fix');
    assert.equal(outcome.code, 'contact_archived');
    assert.match(outcome.message, /"Mere Parata" \(contact code PD-PER-\d+\) is archived/);
    assert.match(outcome.message, /Restore it in Xero.*then Update again\./);
    assert.equal((await kit.xeroContacts()).length, before);
    assert.equal(await linkOf('person', mere.id), contact.ContactID);
    const run = await getRun(kit.store.db, COMPANY_ID, runId);
    assert.equal(run?.status, 'waiting_fix');
    assert.equal(run?.reasonCode, 'contact_archived');
  });

  it('a person deleted in Pipedrive waits for a fix instead of failing', async () => {
    const outcome = await syncContact(kit.deps(), {
      kind: 'person',
      id: 999_999,
      runId: await newRun(),
    });
    assert.equal(outcome.status, 'waiting_fix');
    assert.ok(outcome.status === 'waiting_fix' && outcome.code === 'contact_not_found');
  });

  it('writes Xero’s customer number back into Pipedrive, as a document run does', async () => {
    const ref = { companyId: String(COMPANY_ID), tenantId: TENANT_ID };
    const back = (
      await kit.pdControl('POST', '/fields/organization', {
        name: 'Xero customer no',
        field_type: 'varchar',
      })
    ).data.field_code as string;
    const org = (await kit.pdControl('POST', '/organizations', { name: 'Rimu Joinery' })).data;
    const [made] = await kit.xero.createContacts(
      ref,
      [{ Name: 'Rimu Joinery Ltd', ContactNumber: `PD-ORG-${org.id}`, AccountNumber: 'RJ-12' }],
      { idempotencyKey: `test-rimu-${Date.now()}` },
    );
    assert.ok(made?.ok);
    const settings = {
      contacts: { customerNumber: { from: 'xero' as const, writeBackField: back } },
    };
    const outcome = await syncContact(kit.deps(settings), {
      kind: 'organization',
      id: org.id,
      runId: await newRun(),
    });
    assert.ok(outcome.status === 'succeeded', JSON.stringify(outcome));
    assert.equal(outcome.created, false);
    assert.equal(
      outcome.customerNumber,
      'Customer number RJ-12, kept from Xero and written to Pipedrive.',
    );
    assert.equal((await kit.pipedrive.getOrganization(org.id)).custom_fields[back], 'RJ-12');
  });

  it('a contact it creates joins the group for new contacts; one Xero refuses is said, not a failure', async () => {
    const ref = { companyId: String(COMPANY_ID), tenantId: TENANT_ID };
    const inGroup = async (contactId: string) =>
      (await kit.xero.getContact(ref, contactId))?.ContactGroups?.map((g) => g.ContactGroupID);

    const kahu = (await kit.pdControl('POST', '/organizations', { name: 'Kahu Design' })).data;
    const joined = await syncContact(
      kit.deps({ contacts: { newContacts: { contactGroupId: DEMO_CONTACT_GROUPS.active } } }),
      { kind: 'organization', id: kahu.id, runId: await newRun() },
    );
    assert.ok(joined.status === 'succeeded' && joined.created, JSON.stringify(joined));
    assert.equal(joined.warnings, undefined);
    assert.deepEqual(await inGroup(joined.contactId), [DEMO_CONTACT_GROUPS.active]);

    const weka = (await kit.pdControl('POST', '/organizations', { name: 'Weka Tours' })).data;
    const gone = '3e0f4b5d-6c7a-4d8e-9f0a-1b2c3d4e5f60';
    const refused = await syncContact(
      kit.deps({ contacts: { newContacts: { contactGroupId: gone } } }),
      { kind: 'organization', id: weka.id, runId: await newRun() },
    );
    assert.ok(refused.status === 'succeeded' && refused.created, JSON.stringify(refused));
    assert.match(
      refused.warnings?.[0] ?? '',
      /Xero did not add the new contact to the contact group/,
    );
    assert.deepEqual(await inGroup(refused.contactId), []);
  });
});
