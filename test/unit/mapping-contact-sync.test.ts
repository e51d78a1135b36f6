import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isOwnContactNumber } from '../../src/sync/mapping/contact.js';
import { contactChanges, contactFields } from '../../src/sync/mapping/contact-diff.js';
import { decideContact } from '../../src/sync/mapping/contact-match.js';
import { itemChanges } from '../../src/sync/mapping/item.js';
import type { XeroContactCandidate, XeroContactDraft } from '../../src/sync/mapping/types.js';

const draft: XeroContactDraft = {
  Name: 'Kea Robotics',
  ContactNumber: 'PD-ORG-7',
  EmailAddress: 'hello@kea.example',
  Addresses: [{ AddressType: 'POBOX', AddressLine1: '56 Trafalgar Street', City: 'Nelson' }],
};
const contact = (over: Partial<XeroContactCandidate>): XeroContactCandidate => ({
  ContactID: 'c',
  Name: 'Someone',
  ContactNumber: null,
  EmailAddress: null,
  ContactStatus: 'ACTIVE',
  ...over,
});
const RULES = {
  order: ['contact_number', 'name', 'email'] as const,
  identity: { ownNumbers: ['PD-ORG-7'], linkedToOthers: new Set<string>() },
};

describe('decideContact: one batch lookup decides as the per-key lookups would', () => {
  const cases: [string, XeroContactCandidate[], string][] = [
    ['nothing found', [], 'none'],
    [
      'our code on an active contact',
      [contact({ ContactNumber: 'PD-ORG-7' })],
      'matched:contact_number',
    ],
    [
      'our code only on an archived one',
      [
        contact({ ContactNumber: 'PD-ORG-7', ContactStatus: 'ARCHIVED' }),
        contact({ ContactID: 'n', Name: 'Kea Robotics' }),
      ],
      'archived',
    ],
    ['the name, case aside', [contact({ Name: 'KEA robotics' })], 'matched:name'],
    [
      'an archived name is never used',
      [contact({ Name: 'Kea Robotics', ContactStatus: 'ARCHIVED' })],
      'none',
    ],
    [
      'two active names',
      [
        contact({ ContactID: 'a', Name: 'Kea Robotics' }),
        contact({ ContactID: 'b', Name: 'Kea Robotics' }),
      ],
      'ambiguous',
    ],
    ['the email last', [contact({ EmailAddress: 'HELLO@kea.example' })], 'matched:email'],
  ];
  for (const [name, candidates, expected] of cases)
    it(name, () => {
      const decision = decideContact(candidates, draft, RULES);
      const got = decision.kind === 'matched' ? `matched:${decision.by}` : decision.kind;
      assert.equal(got, expected);
    });
});

describe('contactChanges', () => {
  it('names only what the draft sets and Xero holds differently', () => {
    assert.deepEqual(
      contactChanges(draft, {
        Name: 'Kea Robotics ',
        ContactNumber: 'PD-ORG-7',
        EmailAddress: 'old@kea.example',
        Website: 'https://kept.example',
        Addresses: [{ AddressType: 'POBOX', AddressLine1: '56 Trafalgar Street', City: 'Picton' }],
      }),
      ['EmailAddress', 'POBOX.City'],
    );
  });
  it('a new contact gets every field of the draft', () => {
    assert.deepEqual(contactFields(draft), [
      'Name',
      'ContactNumber',
      'EmailAddress',
      'POBOX.AddressLine1',
      'POBOX.City',
    ]);
  });
});

describe('itemChanges and own contact codes', () => {
  const item = {
    Code: 'HW-1',
    Name: 'Router',
    Description: 'Router',
    IsSold: true as const,
    SalesDetails: { AccountCode: '200', UnitPrice: 10 },
  };
  it('compares name, description and price', () => {
    assert.deepEqual(
      itemChanges(item, { Name: 'Router', Description: 'Router', SalesDetails: { UnitPrice: 10 } }),
      [],
    );
    assert.deepEqual(itemChanges(item, { Name: 'Old', SalesDetails: { UnitPrice: 9.5 } }), [
      'Name',
      'Description',
      'SalesDetails.UnitPrice',
    ]);
  });
  it('recognises the codes the app gives', () => {
    assert.deepEqual(
      ['PD-ORG-1', 'PD-PER-22', 'PD-ORG-', 'CUST-1', 'pd-org-1'].map(isOwnContactNumber),
      [true, true, false, false, false],
    );
  });
});
