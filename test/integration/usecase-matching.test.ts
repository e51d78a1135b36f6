import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_CONTACT_GROUPS } from '../../sandbox/xero/seed.js';
import { getRun } from '../../src/store/repos/runs.js';
import type { MatchXeroField, SettingsInput } from '../../src/sync/settings.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { COMPANY_ID, startSyncKit, type SyncKit, TENANT_ID } from '../support/sync-kit.js';
import { one } from '../support/vendor-shapes.js';

/**
 * Customer matching on chosen field pairs (issue 10): "this Pipedrive field's value is that Xero
 * contact field's", tried before the contact code, name and email, all in ONE OR'ed `where`, under
 * the identity rules (never an archived contact, never another record's). And stored links are
 * trusted (issue 12): a linked customer costs no contact call until Xero refuses the contact.
 * Real HTTP against both sandboxes.
 */
describe('documentForDeal: customers matched on chosen fields', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  const ref = { companyId: '7001', tenantId: TENANT_ID };
  let serial = 0;

  async function orgField(name: string, options?: string[]): Promise<string> {
    const created = await kit.pdControl('POST', '/fields/organization', {
      name,
      field_type: options ? 'enum' : 'varchar',
      ...(options && { options }),
    });
    return created.data.field_code as string;
  }

  /** A Pipedrive organization (custom values given) with a one-line NZD deal; the deal id. */
  async function dealFor(name: string, custom: Record<string, unknown>): Promise<number> {
    const org = await kit.pdControl('POST', '/organizations', { name, custom_fields: custom });
    const deal = await kit.pdControl('POST', '/deals', {
      title: `${name} order`,
      currency: 'NZD',
      org_id: org.data.id,
      stage_id: 2,
    });
    await kit.pdControl('POST', `/deals/${deal.data.id}/products`, {
      product_id: 1,
      item_price: 180,
      quantity: 1,
      tax: 15,
      tax_method: 'exclusive',
    });
    return deal.data.id as number;
  }

  async function xeroContact(fields: Record<string, string>): Promise<string> {
    serial += 1;
    const [result] = await kit.xero.createContacts(ref, [fields], {
      idempotencyKey: `test-contact-${serial}-${Date.now()}`,
    });
    assert.ok(result?.ok, JSON.stringify(result));
    return result.element.ContactID!;
  }

  const contactLookups = async (since: number) =>
    (await kit.xeroRequests(since)).filter(
      (request) => request.method === 'GET' && request.path.startsWith('/api.xro/2.0/Contacts'),
    );
  const whereOf = (url: string) => new URL(url, 'http://x').searchParams.get('where') ?? '';
  const invoiceOf = async (dealId: number) =>
    one((await kit.xeroDocuments()).invoices, (doc) =>
      String(doc.Reference).includes(`[PD-${dealId}-`),
    );
  const pairSettings = (pipedriveField: string, xeroField: MatchXeroField): SettingsInput => ({
    contacts: { matchFields: { organization: [{ pipedriveField, xeroField }] } },
  });

  const kinds: { xeroField: MatchXeroField; value: string; enumField?: boolean }[] = [
    { xeroField: 'TaxNumber', value: '123-456-789' },
    { xeroField: 'CompanyNumber', value: 'NZBN 9429041234567' },
    { xeroField: 'AccountNumber', value: 'ACC-0042', enumField: true },
    { xeroField: 'ContactNumber', value: 'CUST-0077' },
    { xeroField: 'EmailAddress', value: 'payables@kowhai-holdings.example' },
    { xeroField: 'Name', value: 'Kowhai Holdings (Legal) Limited' },
  ];

  for (const { xeroField, value, enumField } of kinds) {
    it(`matches by ${xeroField} from a custom ${enumField ? 'option label' : 'field'}, in one OR'ed lookup, and says so in the note`, async () => {
      const field = await orgField(
        `Xero ${xeroField}`,
        enumField ? ['ACC-0001', value] : undefined,
      );
      const contactId = await xeroContact({
        Name: xeroField === 'Name' ? value : `Xero name for ${xeroField}`,
        [xeroField]: value,
      });
      const dealId = await dealFor(`Pipedrive name for ${xeroField}`, {
        [field]: enumField ? 2 : value,
      });
      const since = await kit.lastXeroSeq();
      const outcome = await documentForDeal(
        kit.deps(pairSettings(field, xeroField)),
        await kit.newJob(dealId),
      );
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
      assert.equal((await invoiceOf(dealId)).Contact.ContactID, contactId);

      const lookups = await contactLookups(since);
      assert.equal(lookups.length, 1, lookups.map((request) => request.url).join('\n'));
      const where = whereOf(lookups[0]!.url);
      const clauses = where.split(' OR ');
      assert.ok(clauses.includes(`${xeroField}=="${value}"`), where);
      assert.ok(
        clauses.some((clause) => /^ContactNumber=="PD-ORG-\d+"$/.test(clause)),
        where,
      );
      assert.ok(
        clauses.some((clause) => clause.startsWith('Name=="Pipedrive name for')),
        where,
      );

      const note = (await kit.notes(dealId)).at(-1)!.content;
      assert.ok(note.includes(`(matched by ${xeroField} ${value})`), note);
    });
  }

  it("never takes an archived contact or another record's contact code by a pair: the next step decides", async () => {
    const field = await orgField('GST number');
    const archivedId = await xeroContact({ Name: 'Archived GST holder', TaxNumber: '555-111-222' });
    await kit.xero.updateContact(
      ref,
      archivedId,
      { ContactID: archivedId, Name: 'Archived GST holder', ContactStatus: 'ARCHIVED' },
      { idempotencyKey: `archive-${Date.now()}` },
    );
    await xeroContact({
      Name: 'Other customer',
      TaxNumber: '555-333-444',
      ContactNumber: 'PD-ORG-1',
    });

    const first = await dealFor('Rata Traders', { [field]: '555-111-222' });
    const outcome = await documentForDeal(
      kit.deps(pairSettings(field, 'TaxNumber')),
      await kit.newJob(first),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const billed = (await invoiceOf(first)).Contact;
    assert.notEqual(billed.ContactID, archivedId);
    assert.equal(billed.Name, 'Rata Traders');
    assert.match((await kit.notes(first)).at(-1)!.content, /\(created\)/);

    const second = await dealFor('Miro Traders', { [field]: '555-333-444' });
    const other = await documentForDeal(
      kit.deps(pairSettings(field, 'TaxNumber')),
      await kit.newJob(second),
    );
    assert.equal(other.status, 'succeeded', JSON.stringify(other));
    assert.equal((await invoiceOf(second)).Contact.Name, 'Miro Traders');
  });

  it('two active contacts sharing the value stop the run in plain words instead of guessing', async () => {
    const field = await orgField('Company register number');
    await xeroContact({ Name: 'Twin A', CompanyNumber: '777' });
    await xeroContact({ Name: 'Twin B', CompanyNumber: '777' });
    const dealId = await dealFor('Twin Holdings', { [field]: '777' });
    const outcome = await documentForDeal(
      kit.deps(pairSettings(field, 'CompanyNumber')),
      await kit.newJob(dealId),
    );
    assert.ok(outcome.status === 'waiting_fix' && outcome.code === 'contact_ambiguous');
    assert.match(
      outcome.message,
      /2 active Xero contacts share the CompanyNumber "777": Twin A, Twin B/,
    );
  });

  it("trusts the stored link: the next document of a known customer makes no contact call; an archived link is caught by Xero's refusal and stops the run", async () => {
    const dealId = await dealFor('Kahikatea Ltd', {});
    const first = await documentForDeal(kit.deps(), await kit.newJob(dealId));
    assert.equal(first.status, 'succeeded', JSON.stringify(first));
    const contactId = (await invoiceOf(dealId)).Contact.ContactID;

    const since = await kit.lastXeroSeq();
    const second = await documentForDeal(kit.deps(), await kit.newJob(dealId, 'quote', 'won'));
    assert.equal(second.status, 'succeeded', JSON.stringify(second));
    assert.deepEqual(
      (await kit.xeroRequests(since))
        .filter((request) => request.path.startsWith('/api.xro/2.0/'))
        .map((request) => `${request.method} ${request.path}`),
      ['PUT /api.xro/2.0/Quotes'],
    );

    await kit.xero.updateContact(
      ref,
      contactId,
      { ContactID: contactId, Name: 'Kahikatea Ltd', ContactStatus: 'ARCHIVED' },
      { idempotencyKey: `archive-${Date.now()}` },
    );
    const third = await documentForDeal(kit.deps(), await kit.newJob(dealId, 'invoice', 'stage-9'));
    assert.ok(
      third.status === 'waiting_fix' && third.code === 'contact_archived',
      JSON.stringify(third),
    );
    const invoices = (await kit.xeroDocuments()).invoices.filter((doc: any) =>
      doc.Reference.includes(`[PD-${dealId}-stage-9]`),
    );
    assert.equal(invoices.length, 0);
  });

  it('the customer number from a Pipedrive field: the new contact carries it, and the note says so', async () => {
    const field = await orgField('Customer no');
    const dealId = await dealFor('Totara Supplies', { [field]: 'CN-501' });
    const outcome = await documentForDeal(
      kit.deps({ contacts: { customerNumber: { from: 'pipedrive', pipedriveField: field } } }),
      await kit.newJob(dealId),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const contact = (await kit.xeroContacts()).find((c: any) => c.Name === 'Totara Supplies');
    assert.ok(contact, 'contact found');
    assert.equal(contact.AccountNumber, 'CN-501');
    assert.match(
      (await kit.notes(dealId)).at(-1)!.content,
      /Customer number CN-501, from Pipedrive\./,
    );
  });

  it('the customer number kept from Xero: never sent, and written back into the chosen Pipedrive field', async () => {
    const gst = await orgField('GST no');
    const back = await orgField('Xero customer no');
    const contactId = await xeroContact({
      Name: 'Puriri Wholesale Limited',
      TaxNumber: '999-000-111',
      AccountNumber: 'XA-9',
    });
    const org = await kit.pdControl('POST', '/organizations', {
      name: 'Puriri Wholesale',
      custom_fields: { [gst]: '999-000-111' },
    });
    const deal = await kit.pdControl('POST', '/deals', {
      title: 'Puriri order',
      currency: 'NZD',
      org_id: org.data.id,
      stage_id: 2,
    });
    await kit.pdControl('POST', `/deals/${deal.data.id}/products`, {
      product_id: 1,
      item_price: 180,
      quantity: 1,
      tax: 15,
      tax_method: 'exclusive',
    });
    const outcome = await documentForDeal(
      kit.deps({
        contacts: {
          matchFields: { organization: [{ pipedriveField: gst, xeroField: 'TaxNumber' }] },
          customerNumber: { from: 'xero', writeBackField: back },
        },
      }),
      await kit.newJob(deal.data.id),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal((await invoiceOf(deal.data.id)).Contact.ContactID, contactId);
    const stored = await kit.pipedrive.getOrganization(org.data.id);
    assert.equal(stored.custom_fields[back], 'XA-9');
    assert.match(
      (await kit.notes(deal.data.id)).at(-1)!.content,
      /Customer number XA-9, kept from Xero and written to Pipedrive\./,
    );
  });

  /** The names of the group's members, each read as Xero's GET /Contacts/{id} shows its groups. */
  async function groupMembers(groupId: string): Promise<string[]> {
    const names: string[] = [];
    for (const { ContactID } of await kit.xeroContacts()) {
      const contact = await kit.xero.getContact(ref, ContactID!);
      if (contact?.ContactGroups?.some((group) => group.ContactGroupID === groupId))
        names.push(contact.Name ?? '');
    }
    return names;
  }

  it('a new customer gets the defaults for new contacts; a known one is left as it is', async () => {
    const newContacts = {
      defaultCurrency: 'USD',
      salesAccountCode: '260',
      taxType: 'OUTPUT2',
      paymentTerms: { day: 20, type: 'OFFOLLOWINGMONTH' as const },
      contactGroupId: DEMO_CONTACT_GROUPS.active,
    };
    const dealId = await dealFor('Horoeka Imports', {});
    const outcome = await documentForDeal(
      kit.deps({ contacts: { newContacts } }),
      await kit.newJob(dealId),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const contact = (await kit.xeroContacts()).find((c: any) => c.Name === 'Horoeka Imports');
    assert.ok(contact, 'contact found');
    assert.equal(contact.DefaultCurrency, 'USD');
    assert.equal(contact.SalesDefaultAccountCode, '260');
    assert.equal(contact.AccountsReceivableTaxType, 'OUTPUT2');
    assert.deepEqual(contact.PaymentTerms, { Sales: { Day: 20, Type: 'OFFOLLOWINGMONTH' } });
    // Xero takes group membership only through its own call (docs/vendors/xero.md §8.1).
    const put = (await kit.xeroRequests()).filter(
      (request) =>
        request.method === 'PUT' &&
        request.path.endsWith(`/ContactGroups/${DEMO_CONTACT_GROUPS.active}/Contacts`),
    );
    assert.equal(put.length, 1);

    // Kauri Digital Ltd exists in Xero: matched by name, nothing of it changes.
    const before = (await kit.xeroContacts()).find((c: any) => c.Name === 'Kauri Digital Ltd');
    assert.ok(before, 'before found');
    const known = await documentForDeal(
      kit.deps({ contacts: { newContacts } }),
      await kit.newJob(1, 'invoice', 'stage-7'),
    );
    assert.equal(known.status, 'succeeded', JSON.stringify(known));
    const after = (await kit.xeroContacts()).find((c: any) => c.Name === 'Kauri Digital Ltd');
    assert.ok(after, 'after found');
    assert.equal(after.DefaultCurrency, before.DefaultCurrency);
    assert.equal(after.SalesDefaultAccountCode, undefined);
    assert.deepEqual(await groupMembers(DEMO_CONTACT_GROUPS.active), ['Horoeka Imports']);
  });

  it('a group Xero refuses does not stop the document: the note and the run say so', async () => {
    const gone = '3e0f4b5d-6c7a-4d8e-9f0a-1b2c3d4e5f60';
    const dealId = await dealFor('Kowhai Exports', {});
    const job = await kit.newJob(dealId);
    const outcome = await documentForDeal(
      kit.deps({ contacts: { newContacts: { contactGroupId: gone } } }),
      job,
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.ok((await kit.xeroContacts()).some((c: any) => c.Name === 'Kowhai Exports'));
    const warning =
      /Xero did not add the new contact to the contact group chosen for new contacts \(Xero has no such group any more\); add it in Xero \(Contacts, Groups\)/;
    assert.match((await kit.notes(dealId)).at(-1)!.content, warning);
    const run = await getRun(kit.store.db, COMPANY_ID, job.runId);
    assert.match(JSON.stringify(run?.requestSummary), /Xero did not add the new contact/);
  });
});
