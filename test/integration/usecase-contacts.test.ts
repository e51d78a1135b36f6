import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getContactLink } from '../../src/store/repos/links.js';
import { OrgReferenceCache } from '../../src/sync/org-reference-cache.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { COMPANY_ID, startSyncKit, type SyncKit, TENANT_ID } from '../support/sync-kit.js';

/**
 * Which Xero contact a deal's document goes to. Xero tenant A already has "Kauri Digital Ltd"
 * (active, no contact number), "Harbour Freight Co" (ARCHIVED) and "Tui Analytics" (ContactNumber
 * PD-ORG-3); Pipedrive organizations 1, 2 and 3 carry the same names.
 */
describe('documentForDeal: the Xero contact', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  const invoiceFor = async (dealId: number) =>
    (await kit.xeroDocuments()).invoices.find((doc) => doc.Reference?.includes(`[PD-${dealId}-`));
  const named = async (name: string) => (await kit.xeroContacts()).filter((c) => c.Name === name);

  it('a Name collision on create is reported in Xero\'s words, waits for a fix, and never makes "Name 1"', async () => {
    // Matching by contact number only: the existing "Kauri Digital Ltd" is not found, so a create is
    // tried and Xero refuses the duplicate name.
    const job = await kit.newJob(1);
    const outcome = await documentForDeal(
      kit.deps({ contacts: { matchOrder: ['contact_number'] } }),
      job,
    );
    assert.equal(outcome.status, 'waiting_fix', JSON.stringify(outcome));
    assert.ok(outcome.status === 'waiting_fix' && outcome.code === 'xero_contact_rejected');
    const note = (await kit.notes(1)).at(-1)!.content;
    assert.match(note, /The contact name Kauri Digital Ltd is already assigned to another contact/);
    assert.ok(note.includes(`/runs/${job.runId}/replay`));
    assert.equal((await named('Kauri Digital Ltd')).length, 1);
    assert.ok(!(await kit.xeroContacts()).some((c) => /^Kauri Digital Ltd \d/.test(c.Name)));
    assert.equal(await invoiceFor(1), undefined);
  });

  it('matches an existing active contact by exact name and does not duplicate it', async () => {
    const [existing] = await named('Kauri Digital Ltd');
    assert.ok(existing, 'existing found');
    const outcome = await documentForDeal(kit.deps(), await kit.newJob(1, 'invoice', 'stage-3'));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal((await invoiceFor(1))?.Contact.ContactID, existing.ContactID);
    assert.equal((await named('Kauri Digital Ltd')).length, 1);
    const link = await getContactLink(kit.store.db, {
      companyId: COMPANY_ID,
      tenantId: TENANT_ID,
      kind: 'organization',
      pipedriveId: 1,
    });
    assert.equal(link, existing.ContactID);
  });

  it('matches by ContactNumber PD-ORG-<id> first', async () => {
    const [tui] = await named('Tui Analytics');
    assert.ok(tui, 'tui found');
    const outcome = await documentForDeal(
      kit.deps({ items: { productNotFound: 'default_item', defaultItemCode: 'GEN-SVC' } }),
      await kit.newJob(3),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal((await invoiceFor(3))?.Contact.ContactID, tui.ContactID);
  });

  it('never bills an archived contact: a new one is created and the archived one is left alone', async () => {
    const [archived] = await named('Harbour Freight Co');
    assert.ok(archived, 'archived found');
    assert.equal(archived.ContactStatus, 'ARCHIVED');
    const outcome = await documentForDeal(kit.deps(), await kit.newJob(2));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const contacts = await named('Harbour Freight Co');
    assert.equal(contacts.length, 2);
    const fresh = contacts.find((c) => c.ContactID !== archived.ContactID);
    assert.ok(fresh, 'fresh found');
    assert.equal(fresh.ContactStatus, 'ACTIVE');
    assert.equal(fresh.ContactNumber, 'PD-ORG-2');
    assert.equal((await invoiceFor(2))?.Contact.ContactID, fresh.ContactID);
    const untouched = contacts.find((c) => c.ContactID === archived.ContactID);
    assert.deepEqual(untouched, archived);
  });

  it('our own contact archived in Xero since is not billed: the note says to restore it, nothing is created', async () => {
    const [fresh] = (await named('Harbour Freight Co')).filter((c) => c.ContactStatus === 'ACTIVE');
    assert.ok(fresh, 'fresh found');
    const archive = await fetch(
      `${kit.xeroUrl}/__sandbox/xero/tenants/${TENANT_ID}/contacts/${fresh.ContactID}/archive`,
      { method: 'POST' },
    );
    assert.equal(archive.status, 200);
    const contactsBefore = (await kit.xeroContacts()).length;
    // A fresh process: the contact's ACTIVE status is checked in Xero again.
    const outcome = await documentForDeal(
      kit.deps({}, new OrgReferenceCache()),
      await kit.newJob(2, 'invoice', 'stage-4'),
    );
    assert.equal(outcome.status, 'waiting_fix', JSON.stringify(outcome));
    assert.ok(outcome.status === 'waiting_fix' && outcome.code === 'contact_archived');
    assert.match(
      (await kit.notes(2)).at(-1)!.content,
      /contact code PD-ORG-2\) is archived.*Restore it in Xero/,
    );
    assert.equal((await kit.xeroContacts()).length, contactsBefore);
    assert.equal(
      (await kit.xeroDocuments()).invoices.filter((doc) =>
        doc.Reference?.includes('[PD-2-stage-4]'),
      ).length,
      0,
    );
  });
});
