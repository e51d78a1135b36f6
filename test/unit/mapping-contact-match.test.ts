import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { contactNumberFor } from '../../src/sync/mapping/contact.js';
import {
  type ContactIdentity,
  decideContact,
  linkedContactState,
  type MatchRules,
  ownContactNumbers,
} from '../../src/sync/mapping/contact-match.js';
import type { XeroContactCandidate } from '../../src/sync/mapping/types.js';

/**
 * Whose Xero contact is whose (issue 8): a contact found by code, name or email is used only when it
 * is ACTIVE, carries no contact code or this record's own, and is not linked to another record.
 */

const contact = (overrides: Partial<XeroContactCandidate>): XeroContactCandidate => ({
  ContactID: 'c-1',
  Name: 'Kauri Digital Ltd',
  ContactNumber: null,
  EmailAddress: null,
  ContactStatus: 'ACTIVE',
  ...overrides,
});
const draft = {
  Name: 'Kauri Digital Ltd',
  ContactNumber: 'PD-ORG-5',
  EmailAddress: 'accounts@kauri.example',
};
const order = ['contact_number', 'name', 'email'] as const;
const rules = (over: Partial<MatchRules> = {}, linked: string[] = []): MatchRules => ({
  order,
  identity: { ownNumbers: ['PD-ORG-5'], linkedToOthers: new Set(linked) },
  ...over,
});
const outcome = (decision: ReturnType<typeof decideContact>) =>
  decision.kind === 'matched'
    ? `matched:${decision.by}:${decision.contact.ContactID}`
    : decision.kind === 'archived'
      ? `archived:${decision.contact.ContactID}`
      : decision.kind;

describe('decideContact: the keys in order', () => {
  const cases: [string, XeroContactCandidate[], string][] = [
    [
      'contact number wins over name',
      [
        contact({ ContactID: 'by-name' }),
        contact({ ContactID: 'by-number', Name: 'Old name', ContactNumber: 'PD-ORG-5' }),
      ],
      'matched:contact_number:by-number',
    ],
    [
      'name, case and spaces ignored',
      [contact({ ContactID: 'n', Name: ' kauri  DIGITAL ltd' })],
      'matched:name:n',
    ],
    [
      'email when nothing else matches',
      [contact({ ContactID: 'e', Name: 'KD', EmailAddress: 'Accounts@Kauri.example' })],
      'matched:email:e',
    ],
    [
      'our code held only by an archived contact waits for a restore',
      [contact({ ContactID: 'a', ContactStatus: 'ARCHIVED', ContactNumber: 'PD-ORG-5' })],
      'archived:a',
    ],
    [
      'two active contacts with the name → ambiguous',
      [contact({ ContactID: 'x' }), contact({ ContactID: 'y' })],
      'ambiguous',
    ],
    ['nothing found', [], 'none'],
  ];
  for (const [name, candidates, expected] of cases)
    it(name, () => assert.equal(outcome(decideContact(candidates, draft, rules())), expected));

  it('follows the configured order and explains an ambiguity', () => {
    const candidates = [
      contact({ ContactID: 'by-name' }),
      contact({ ContactID: 'by-email', Name: 'Other', EmailAddress: 'accounts@kauri.example' }),
    ];
    assert.equal(
      outcome(decideContact(candidates, draft, rules({ order: ['email', 'name'] }))),
      'matched:email:by-email',
    );
    const ambiguous = decideContact(
      [contact({ ContactID: 'x' }), contact({ ContactID: 'y' })],
      draft,
      rules(),
    );
    assert.ok(ambiguous.kind === 'ambiguous');
    assert.match(
      ambiguous.explanation,
      /2 active Xero contacts share the name "Kauri Digital Ltd"/,
    );
  });
});

describe('decideContact: never another customer, never archived', () => {
  const person = {
    Name: 'Aroha Ngata',
    ContactNumber: 'PD-PER-12',
    EmailAddress: 'aroha@kauri.example',
  };
  const personRules = (linked: string[] = []) =>
    rules({ identity: { ownNumbers: ['PD-PER-12'], linkedToOthers: new Set(linked) } }, linked);
  const cases: [string, typeof draft, MatchRules, XeroContactCandidate[], string][] = [
    [
      "a person whose email is their company's: the company's contact is not the person's",
      person,
      personRules(),
      [
        contact({
          ContactID: 'org',
          ContactNumber: 'PD-ORG-5',
          EmailAddress: 'aroha@kauri.example',
        }),
      ],
      'none',
    ],
    [
      'a shared name: a contact carrying another record code is that record',
      draft,
      rules(),
      [contact({ ContactID: 'other', ContactNumber: 'PD-PER-3' })],
      'none',
    ],
    [
      'an archived twin by name and another record by email: neither',
      draft,
      rules(),
      [
        contact({ ContactID: 'twin', ContactStatus: 'ARCHIVED' }),
        contact({
          ContactID: 'other',
          Name: 'Someone Else',
          ContactNumber: 'PD-ORG-8',
          EmailAddress: 'accounts@kauri.example',
        }),
      ],
      'none',
    ],
    [
      'an archived twin and a contact without a code sharing the email: the active one',
      draft,
      rules(),
      [
        contact({ ContactID: 'twin', ContactStatus: 'ARCHIVED' }),
        contact({ ContactID: 'free', Name: 'KD Accounts', EmailAddress: 'accounts@kauri.example' }),
      ],
      'matched:email:free',
    ],
    [
      'a contact without a code that our store links to another record',
      draft,
      rules({}, ['linked-elsewhere']),
      [contact({ ContactID: 'Linked-Elsewhere' })],
      'none',
    ],
    [
      "the user's own contact code is another customer's name for itself",
      draft,
      rules(),
      [contact({ ContactID: 'cust', ContactNumber: 'CUST-0042' })],
      'none',
    ],
    [
      "another record's contact does not make the search ambiguous",
      person,
      personRules(),
      [
        contact({ ContactID: 'org', ContactNumber: 'PD-ORG-5', EmailAddress: person.EmailAddress }),
        contact({ ContactID: 'own', Name: 'A Ngata', EmailAddress: person.EmailAddress }),
      ],
      'matched:email:own',
    ],
    [
      'the code a field mapping supplies is this record own, and so is PD-ORG-<id>',
      { ...draft, ContactNumber: 'ACME-7' },
      rules({ identity: { ownNumbers: ['PD-ORG-5', 'ACME-7'], linkedToOthers: new Set() } }),
      [contact({ ContactID: 'ours', ContactNumber: 'PD-ORG-5' })],
      'matched:name:ours',
    ],
    [
      'a contact carrying our mapped code but linked to another record is that record',
      { ...draft, ContactNumber: 'ACME-7' },
      rules({ identity: { ownNumbers: ['PD-ORG-5', 'ACME-7'], linkedToOthers: new Set(['a']) } }),
      [contact({ ContactID: 'a', ContactNumber: 'ACME-7' })],
      'none',
    ],
    [
      'our PD- code outweighs a link another record got by mistake',
      draft,
      rules({}, ['a']),
      [contact({ ContactID: 'a', ContactNumber: 'PD-ORG-5' })],
      'matched:contact_number:a',
    ],
    [
      'the linked contact archived and nothing else: wait for a restore',
      draft,
      rules({ archivedLink: contact({ ContactID: 'gone', ContactStatus: 'ARCHIVED' }) }),
      [],
      'archived:gone',
    ],
    [
      'the linked contact archived, but an active one of ours matches',
      draft,
      rules({ archivedLink: contact({ ContactID: 'gone', ContactStatus: 'ARCHIVED' }) }),
      [contact({ ContactID: 'n' })],
      'matched:name:n',
    ],
    [
      'GDPR-erased contacts are never used',
      draft,
      rules(),
      [contact({ ContactID: 'g', ContactStatus: 'GDPRREQUEST' })],
      'none',
    ],
  ];
  for (const [name, wanted, given, candidates, expected] of cases)
    it(name, () => assert.equal(outcome(decideContact(candidates, wanted, given)), expected));
});

describe('linkedContactState', () => {
  const own = { ownNumbers: ['PD-PER-12'] };
  const cases: [string, Partial<XeroContactCandidate>, string][] = [
    ['active, our code', { ContactNumber: 'PD-PER-12' }, 'usable'],
    ['active, no code', {}, 'usable'],
    ["active, the user's own code", { ContactNumber: 'CUST-1' }, 'usable'],
    ['archived', { ContactStatus: 'ARCHIVED' }, 'archived'],
    ["another record's code: a wrong link", { ContactNumber: 'PD-ORG-5' }, 'not_ours'],
  ];
  for (const [name, over, expected] of cases)
    it(name, () => assert.equal(linkedContactState(contact(over), own), expected));

  it("a record's own codes: the app's and the mapped one", () => {
    assert.deepEqual(ownContactNumbers('person', 12, { ContactNumber: 'PD-PER-12' }), [
      'PD-PER-12',
    ]);
    assert.deepEqual(ownContactNumbers('organization', 5, { ContactNumber: 'ACME-7' }), [
      'PD-ORG-5',
      'ACME-7',
    ]);
  });
});

describe('decideContact property: the chosen contact is the record own and active', () => {
  // Small pools so that names and emails are shared between records and contacts all the time.
  const names = ['Kauri Digital', 'Aroha Ngata', 'Tui Analytics', 'Harbour Freight'];
  const emails = ['accounts@kauri.example', 'aroha@kauri.example', 'hello@tui.example'];
  const record = fc.record({
    kind: fc.constantFrom('organization' as const, 'person' as const),
    id: fc.integer({ min: 1, max: 6 }),
  });
  const xeroContact = fc.record({
    Name: fc.constantFrom(...names),
    EmailAddress: fc.option(fc.constantFrom(...emails), { nil: null }),
    ContactStatus: fc.constantFrom('ACTIVE' as const, 'ARCHIVED' as const, 'GDPRREQUEST' as const),
    code: fc.oneof(
      fc.constant(null),
      record.map((r) => contactNumberFor(r.kind, r.id)),
      fc.constant('CUST-1'),
    ),
    linkedTo: fc.option(record, { nil: null }),
  });
  const world = fc.record({
    self: record,
    name: fc.constantFrom(...names),
    email: fc.option(fc.constantFrom(...emails), { nil: undefined }),
    mapped: fc.option(fc.constantFrom('ACME-7', 'CUST-1'), { nil: undefined }),
    order: fc.shuffledSubarray(['contact_number', 'name', 'email'] as const, { minLength: 1 }),
    contacts: fc.array(xeroContact, { maxLength: 8 }),
  });

  it('holds for random records sharing names, emails, archived twins and codes', () => {
    fc.assert(
      fc.property(world, ({ self, name, email, mapped, order, contacts }) => {
        const ownCode = contactNumberFor(self.kind, self.id);
        const wanted = {
          Name: name,
          ContactNumber: mapped ?? ownCode,
          ...(email !== undefined && { EmailAddress: email }),
        };
        const isSelf = (r: { kind: string; id: number }) =>
          r.kind === self.kind && r.id === self.id;
        const candidates = contacts.map((c, index) => ({
          ContactID: `C-${index}`,
          Name: c.Name,
          ContactNumber: c.code,
          EmailAddress: c.EmailAddress,
          ContactStatus: c.ContactStatus,
        }));
        const identity: ContactIdentity = {
          ownNumbers: ownContactNumbers(self.kind, self.id, wanted),
          linkedToOthers: new Set(
            contacts.flatMap((c, index) =>
              c.linkedTo && !isSelf(c.linkedTo) ? [`c-${index}`] : [],
            ),
          ),
        };
        const decision = decideContact(candidates, wanted, { order, identity });
        if (decision.kind !== 'matched') return;
        const chosen = contacts[Number(decision.contact.ContactID.slice(2))]!;
        assert.equal(chosen.ContactStatus, 'ACTIVE', 'never archived');
        assert.ok(
          chosen.code === null || chosen.code === ownCode || chosen.code === mapped,
          `never another record's code: ${chosen.code}`,
        );
        assert.ok(
          !chosen.linkedTo || isSelf(chosen.linkedTo) || chosen.code === ownCode,
          'never linked to another record, unless it carries our own PD- code',
        );
      }),
      { numRuns: 2000, seed: 20260801 },
    );
  });
});
