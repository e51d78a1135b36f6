import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getRun } from '../../src/store/repos/runs.js';
import { createRun } from '../../src/store/repos/runs.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { syncContact } from '../../src/sync/usecases/sync-contact.js';
import { identityKit } from '../support/identity-kit.js';
import { COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * The defects of issue 8 that put invoices on another customer, through both sandboxes: the last
 * matching step (email) took a contact that another Pipedrive record owns. Each run must bill the
 * deal's own customer, and say in the run and the note which contact it used and how.
 */
describe('documentForDeal: the deal’s own customer', () => {
  let kit: SyncKit;
  let make: ReturnType<typeof identityKit>;
  before(async () => {
    kit = await startSyncKit();
    make = identityKit(kit);
  });
  after(() => kit.close());

  const run = async (dealId: number) => {
    const job = await kit.newJob(dealId);
    const outcome = await documentForDeal(kit.deps(), job);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const invoice = await make.invoiceOf(dealId);
    assert.ok(invoice, 'invoice found');
    return {
      contact: await make.contactById(invoice.Contact.ContactID),
      note: await make.lastNote(dealId),
      summary: (await getRun(kit.store.db, COMPANY_ID, job.runId))?.requestSummary as any,
    };
  };

  it("a person whose email is their company's is billed on their own contact, not the company's", async () => {
    const org = await make.org('Kowhai Consulting');
    const person = await make.person('Ria Kowhai', 'ria@kowhai.example', org);
    const forOrg = await run(await make.deal({ org, person }));
    assert.equal(forOrg.contact.ContactNumber, `PD-ORG-${org}`);
    // The company's contact takes its email from the deal's person.
    assert.equal(forOrg.contact.EmailAddress, 'ria@kowhai.example');

    const forPerson = await run(await make.deal({ person }));
    assert.notEqual(forPerson.contact.ContactID, forOrg.contact.ContactID);
    assert.equal(forPerson.contact.ContactNumber, `PD-PER-${person}`);
    assert.equal(forPerson.contact.Name, 'Ria Kowhai');
    assert.match(forPerson.note, /Xero contact: Ria Kowhai \(created\)/);
    assert.match(forOrg.note, /Xero contact: Kowhai Consulting \(created\)/);
    assert.deepEqual(forOrg.summary.contact, {
      id: forOrg.contact.ContactID,
      name: 'Kowhai Consulting',
      how: 'created',
    });

    // Both are linked now: the next documents go to the same contacts.
    const again = await run(await make.deal({ person }));
    assert.equal(again.contact.ContactID, forPerson.contact.ContactID);
    assert.match(again.note, /Xero contact: Ria Kowhai \(already linked\)/);
    assert.equal(again.summary.contact.how, 'linked');
  });

  it("an organization whose contact was archived never takes another record's contact by email", async () => {
    const org = await make.org('Totara Timber');
    const person = await make.person('Hine Totara', 'accounts@totara.example', org);
    await make.xeroContact({ Name: 'Totara Timber', ContactStatus: 'ACTIVE' }, true);
    const other = await make.xeroContact({
      Name: 'Totara Sawmill',
      ContactNumber: 'PD-PER-77777',
      EmailAddress: 'accounts@totara.example',
    });
    const { contact, note, summary } = await run(await make.deal({ org, person }));
    assert.notEqual(contact.ContactID, other.ContactID);
    assert.equal(contact.ContactNumber, `PD-ORG-${org}`);
    assert.equal(contact.ContactStatus, 'ACTIVE');
    assert.match(note, /Xero contact: Totara Timber \(created\)/);
    assert.equal(summary.contact.how, 'created');
  });

  it('a contact without a code that another record was matched to stays that record’s', async () => {
    // "Kauri Digital Ltd" (no contact code, accounts@kauridigital.example) is matched by name to
    // demo organization 1 and linked to it.
    const first = await run(await make.deal({ org: 1 }));
    assert.equal(first.contact.Name, 'Kauri Digital Ltd');

    const person = await make.person('Kauri Accounts Clerk', 'accounts@kauridigital.example');
    const { contact, note } = await run(await make.deal({ person }));
    assert.notEqual(contact.ContactID, first.contact.ContactID);
    assert.equal(contact.ContactNumber, `PD-PER-${person}`);
    assert.match(note, /\(created\)/);
    assert.match(first.note, /Xero contact: Kauri Digital Ltd \(matched by name\)/);
    assert.equal(first.summary.contact.how, 'by name');
  });

  it('an unlinked contact without a code is found by email, and the note says so', async () => {
    const free = await make.xeroContact({
      Name: 'Matai Accounts Payable',
      EmailAddress: 'ap@matai.example',
    });
    const person = await make.person('Matai Clerk', 'ap@matai.example');
    const { contact, note, summary } = await run(await make.deal({ person }));
    assert.equal(contact.ContactID, free.ContactID);
    assert.match(note, /Xero contact: Matai Accounts Payable \(matched by email\)/);
    assert.equal(summary.contact.how, 'by email');
  });

  it("the panel's Update decides the same way: a person never updates their company's contact", async () => {
    const org = await make.org('Rata Research');
    const person = await make.person('Mere Rata', 'mere@rata.example', org);
    const forOrg = await run(await make.deal({ org, person }));
    const runId = (
      await createRun(kit.store.db, { companyId: COMPANY_ID, kind: 'contact' }, new Date())
    ).id;
    const outcome = await syncContact(kit.deps(), { kind: 'person', id: person, runId });
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.ok(outcome.status === 'succeeded');
    assert.notEqual(outcome.contactId, forOrg.contact.ContactID);
    assert.equal(outcome.how, 'created');
    assert.equal(outcome.name, 'Mere Rata');
    const orgContact = await make.contactById(forOrg.contact.ContactID);
    assert.equal(orgContact.Name, 'Rata Research', "the company's contact is left as it was");
  });
});
