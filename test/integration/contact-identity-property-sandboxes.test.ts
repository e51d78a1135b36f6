import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import fc from 'fast-check';

import { getRun } from '../../src/store/repos/runs.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { identityKit } from '../support/identity-kit.js';
import { COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Customer identity end to end (issue 8): random deals whose organizations and persons share names
 * and emails with each other, with contacts already in Xero (one without a code, one carrying
 * another record's code, an archived twin) — every document must go to the deal's own customer:
 * an ACTIVE contact carrying no code or the customer's own, never one that another customer's
 * document used, and the same contact for every document of one customer. A run may instead stop
 * for a fix the user really has to make (a name taken by another customer's contact), creating
 * nothing.
 */

// Organizations: an archived twin's name, an unlinked contact's name, a name another record's
// contact holds, a person's name, and two of their own. Persons take names of the same kind in a
// random order, and emails from a small pool shared with each other and with the Xero contacts.
const ORG_NAMES = [
  'Twin Traders',
  'Free Contact Ltd',
  'Shared Name Ltd',
  'Nikau Supplies',
  'Kowhai Ltd',
  'Rata Ltd',
];
const PERSON_NAMES = [
  'Pat Shared',
  'Ari Twin',
  'Nikau Supplies',
  'Kiri Own',
  'Moana Own',
  'Tama Own',
];
const EMAILS = [
  'twin@traders.example',
  'free@contact.example',
  'person@shared.example',
  'shared@name.example',
  'team@nikau.example',
];
const ORGS = ORG_NAMES.length;
const PERSONS = PERSON_NAMES.length;

const deal = fc.record({
  shape: fc.constantFrom('org+person', 'org', 'person'),
  org: fc.nat(ORGS - 1),
  person: fc.nat(PERSONS - 1),
});
// Each slot is one Pipedrive record.
const world = fc.record({
  personNames: fc.shuffledSubarray(PERSON_NAMES, { minLength: PERSONS, maxLength: PERSONS }),
  persons: fc.array(
    fc.record({
      email: fc.option(fc.constantFrom(...EMAILS), { nil: null }),
      withOrg: fc.boolean(),
    }),
    { minLength: PERSONS, maxLength: PERSONS },
  ),
  deals: fc.array(deal, { minLength: 25, maxLength: 25 }),
});

/** The stops a run may end in here: each asks for a fix that really is needed. */
const NEEDS_A_FIX = new Set(['xero_contact_rejected', 'contact_ambiguous', 'contact_archived']);

describe('identity property: every document goes to its own customer', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  it('holds for random customers sharing names and emails with each other and with Xero', async (t) => {
    const make = identityKit(kit);
    await make.xeroContact({ Name: 'Twin Traders', EmailAddress: 'twin@traders.example' }, true);
    await make.xeroContact({ Name: 'Free Contact Ltd', EmailAddress: 'free@contact.example' });
    await make.xeroContact({
      Name: 'Shared Name Ltd',
      ContactNumber: 'PD-ORG-99999',
      EmailAddress: 'shared@name.example',
    });
    await make.xeroContact({
      Name: 'Pat Shared',
      ContactNumber: 'PD-PER-88888',
      EmailAddress: 'person@shared.example',
    });
    const deps = kit.deps();
    const tally = { documents: 0, stopped: 0 };

    // One world of 25 deals in one pair of sandboxes (shrinking would replay it on used state), so
    // it is drawn once from the fixed seed and checked deal by deal with plain assertions.
    const { personNames, persons, deals } = fc.sample(world, { numRuns: 1, seed: 20260817 })[0]!;
    const orgIds = new Map<number, number>();
    const personIds = new Map<number, number>();
    const orgOf = async (slot: number) =>
      orgIds.get(slot) ?? orgIds.set(slot, await make.org(ORG_NAMES[slot]!)).get(slot)!;
    const personOf = async (slot: number) => {
      const known = personIds.get(slot);
      if (known !== undefined) return known;
      const { email, withOrg } = persons[slot]!;
      const name = personNames[slot]!;
      const id = await make.person(name, email, withOrg ? await orgOf(slot) : null);
      personIds.set(slot, id);
      return id;
    };
    // Which customer each contact was used for, and each customer's contact.
    const ownerOf = new Map<string, string>();
    const contactOf = new Map<string, string>();

    for (const spec of deals) {
      const org = spec.shape === 'person' ? undefined : await orgOf(spec.org);
      const person = spec.shape === 'org' ? undefined : await personOf(spec.person);
      const customer = org !== undefined ? `PD-ORG-${org}` : `PD-PER-${person}`;
      const dealId = await make.deal({
        ...(org !== undefined && { org }),
        ...(person !== undefined && { person }),
      });
      const job = await kit.newJob(dealId);
      const outcome = await documentForDeal(deps, job);
      const invoice = await make.invoiceOf(dealId);
      if (outcome.status !== 'succeeded') {
        t.diagnostic(`deal ${dealId} of ${customer}: ${JSON.stringify(outcome)}`);
        assert.equal(outcome.status, 'waiting_fix', JSON.stringify(outcome));
        assert.ok(NEEDS_A_FIX.has(outcome.code), JSON.stringify(outcome));
        assert.equal(invoice, undefined, 'a stopped run creates nothing');
        tally.stopped += 1;
        continue;
      }
      assert.ok(invoice, `deal ${dealId} has its invoice`);
      const contact = await make.contactById(invoice.Contact.ContactID);
      const what = `deal ${dealId} of ${customer} → ${contact.Name} (${contact.ContactNumber ?? 'no code'})`;
      assert.equal(contact.ContactStatus, 'ACTIVE', what);
      assert.ok(!contact.ContactNumber || contact.ContactNumber === customer, what);
      assert.equal(ownerOf.get(contact.ContactID) ?? customer, customer, what);
      assert.equal(contactOf.get(customer) ?? contact.ContactID, contact.ContactID, what);
      ownerOf.set(contact.ContactID, customer);
      contactOf.set(customer, contact.ContactID);

      const run = await getRun(kit.store.db, COMPANY_ID, job.runId);
      const said = (run?.requestSummary as any)?.contact;
      assert.equal(said?.id, contact.ContactID, what);
      assert.equal(said?.name, contact.Name, what);
      assert.ok((await make.lastNote(dealId)).includes(`Xero contact: ${contact.Name} (`), what);
      tally.documents += 1;
    }
    t.diagnostic(
      `${tally.documents} documents to their own customers, ${tally.stopped} stopped for a fix`,
    );
    assert.ok(tally.documents >= 15, JSON.stringify(tally));
  });
});
