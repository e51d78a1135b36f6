import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import { XeroBooks } from '../../sandbox/xero/accounting/index.js';
import type { Books } from '../../sandbox/xero/accounting/model.js';
import { DEMO_TENANT_A, DEMO_TENANT_B, OTHER_TENANT } from '../../sandbox/xero/seed.js';
import type { XeroChangeEvent } from '../../sandbox/xero/world.js';

/** Validation rules of the books with Xero's wording (docs/vendors/xero.md §6, §8–§11), without HTTP. */

let books: XeroBooks;
let tenant: Books;
let events: XeroChangeEvent[];
const clock = new SandboxClock(Date.UTC(2026, 9, 1));

beforeEach(() => {
  events = [];
  books = new XeroBooks({ clock, onChange: (event) => events.push(event) });
  tenant = books.books(DEMO_TENANT_A)!;
});

const contactId = (name: string) =>
  [...tenant.contacts.values()].find((c) => c.Name === name)!.ContactID;
const line = { Description: 'Work', Quantity: 1, UnitAmount: 100, AccountCode: '200' };
const invoice = (fields: Record<string, unknown>) =>
  books.saveDocument(
    tenant,
    'invoice',
    {
      Type: 'ACCREC',
      Contact: { ContactID: contactId('Kauri Digital Ltd') },
      LineItems: [line],
      ...fields,
    },
    { unitDp: 2, clientId: 'app' },
  );
const errorsOf = (outcome: { ok: boolean; errors?: string[] }) =>
  outcome.ok ? [] : outcome.errors;

describe('organisations', () => {
  it('lists the three seeded organisations and knows each', () => {
    assert.deepEqual(
      books.tenants().map((t) => t.tenantName),
      ['Kauri Coast Trading Ltd', 'Kauri Coast Wholesale Ltd', 'Other Co (AU)'],
    );
    for (const id of [DEMO_TENANT_A, DEMO_TENANT_B, OTHER_TENANT]) assert.ok(books.hasTenant(id));
    assert.equal(books.hasTenant('00000000-0000-0000-0000-000000000000'), false);
  });

  it("reset('empty') keeps reference data but drops contacts and items", () => {
    books.reset('empty');
    const empty = books.books(DEMO_TENANT_A)!;
    assert.equal(empty.contacts.size, 0);
    assert.equal(empty.items.size, 0);
    assert.ok(empty.accounts.some((a) => a.Code === '200'));
    assert.ok(empty.taxRates.some((t) => t.TaxType === 'TAX001' && t.Rate === 9));
  });

  it('tenant B has its own contacts and items', () => {
    const b = books.books(DEMO_TENANT_B)!;
    assert.equal([...b.items.values()][0]?.SalesDetails?.UnitPrice, 165);
    assert.ok(![...b.contacts.values()].some((c) => c.Name === 'Kauri Digital Ltd'));
  });
});

describe('contacts', () => {
  it('Name must be unique among active contacts (SPEC wording, case-insensitive)', () => {
    assert.deepEqual(errorsOf(books.saveContact(tenant, { Name: 'kauri digital ltd' }, 'create')), [
      'The contact name kauri digital ltd is already assigned to another contact. The contact name must be unique across all active contacts.',
    ]);
  });

  it('an ARCHIVED twin does not block a new contact with the same name', () => {
    const outcome = books.saveContact(tenant, { Name: 'Harbour Freight Co' }, 'create');
    assert.ok(outcome.ok);
    assert.equal(
      [...tenant.contacts.values()].filter((c) => c.Name === 'Harbour Freight Co').length,
      2,
    );
    assert.deepEqual(
      events.map((e) => [e.category, e.type]),
      [['CONTACT', 'CREATE']],
    );
  });

  it('Name is required, ContactNumber unique, lengths bounded', () => {
    assert.deepEqual(
      errorsOf(books.saveContact(tenant, { EmailAddress: 'x@y.example' }, 'create')),
      ['The contact name must be specified.'],
    );
    assert.deepEqual(
      errorsOf(books.saveContact(tenant, { Name: 'New', ContactNumber: 'PD-ORG-3' }, 'create')),
      ['The contact number PD-ORG-3 is already assigned to another contact.'],
    );
    assert.deepEqual(errorsOf(books.saveContact(tenant, { Name: 'x'.repeat(256) }, 'create')), [
      'Name must not be more than 255 characters long.',
    ]);
    assert.deepEqual(
      errorsOf(books.saveContact(tenant, { Name: 'Ok', ContactNumber: 'n'.repeat(51) }, 'create')),
      ['ContactNumber must not be more than 50 characters long.'],
    );
  });

  it('POST matches by ContactNumber then Name and updates in place', () => {
    const byNumber = books.saveContact(
      tenant,
      { ContactNumber: 'PD-ORG-3', EmailAddress: 'tui@example.com' },
      'upsert',
    );
    assert.ok(byNumber.ok && !byNumber.created && byNumber.record.Name === 'Tui Analytics');
    const byName = books.saveContact(
      tenant,
      { Name: 'Cash Sales', AccountNumber: 'CS-1' },
      'upsert',
    );
    assert.ok(byName.ok && !byName.created && byName.record.AccountNumber === 'CS-1');
    assert.deepEqual(
      events.map((e) => e.type),
      ['UPDATE', 'UPDATE'],
    );
  });
});

describe('items', () => {
  const put = (input: Record<string, unknown>, unitDp: 2 | 4 = 2) =>
    books.saveItem(tenant, input, 'create', unitDp);
  it('Code is required, at most 30 characters and unique', () => {
    assert.deepEqual(errorsOf(put({ Name: 'No code' })), ['Item code must be specified.']);
    assert.deepEqual(errorsOf(put({ Code: 'PREMIUM-SUPPORT-24X7-EXTENDED-COVER' })), [
      'Code must not be more than 30 characters long.',
    ]);
    assert.deepEqual(errorsOf(put({ Code: 'cons-hr' })), [
      "Price List Item with Code 'cons-hr' already exists",
    ]);
    assert.deepEqual(errorsOf(put({ Code: 'LONG', Name: 'n'.repeat(51) })), [
      'Name must not be more than 50 characters long.',
    ]);
  });

  it('SalesDetails AccountCode and TaxType are checked', () => {
    assert.deepEqual(
      errorsOf(put({ Code: 'A', SalesDetails: { AccountCode: '999', TaxType: 'INPUT2' } })),
      [
        "Account code '999' is not a valid code for this document.",
        'The TaxType code INPUT2 does not exist or cannot be used for this type of transaction',
      ],
    );
  });

  it('IsSold=false clears the sales side; unitdp=4 keeps 4 dp', () => {
    const unsold = put({
      Code: 'B',
      Description: 'gone',
      IsSold: false,
      SalesDetails: { UnitPrice: 5 },
    });
    assert.ok(
      unsold.ok &&
        unsold.record.SalesDetails === undefined &&
        unsold.record.Description === undefined,
    );
    const precise = put({ Code: 'C', SalesDetails: { UnitPrice: 1.23456 } }, 4);
    assert.equal(precise.ok && precise.record.SalesDetails?.UnitPrice, 1.2346);
    const coarse = put({ Code: 'D', SalesDetails: { UnitPrice: 1.235 } });
    assert.equal(coarse.ok && coarse.record.SalesDetails?.UnitPrice, 1.24);
  });

  it('POST upserts by Code', () => {
    const outcome = books.saveItem(
      tenant,
      { Code: 'CONS-HR', Name: 'Consulting (renamed)' },
      'upsert',
      2,
    );
    assert.ok(outcome.ok && !outcome.created);
    assert.equal([...tenant.items.values()].filter((i) => i.Code === 'CONS-HR').length, 1);
  });
});

describe('invoices: validation messages', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'no contact',
      { Contact: undefined },
      'A Contact must be specified for this type of transaction',
    ],
    [
      'contact without identity',
      { Contact: { EmailAddress: 'a@b.c' } },
      'The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber',
    ],
    [
      'unknown ContactID',
      { Contact: { ContactID: '11111111-1111-4111-8111-111111111111' } },
      'The contact with ContactID 11111111-1111-4111-8111-111111111111 could not be found.',
    ],
    ['no lines', { LineItems: [] }, 'One or more line items must be specified'],
    [
      'unknown account',
      { LineItems: [{ ...line, AccountCode: '999' }] },
      "Account code '999' is not a valid code for this document.",
    ],
    [
      'archived account',
      { LineItems: [{ ...line, AccountCode: '205' }] },
      "Account code '205' has been archived, or has been deleted. Each line item must reference a valid account.",
    ],
    [
      'expense tax on a sale',
      { LineItems: [{ ...line, TaxType: 'INPUT2' }] },
      'The TaxType code INPUT2 does not exist or cannot be used for this type of transaction',
    ],
    [
      'deleted tax rate',
      { Type: 'ACCPAY', LineItems: [{ ...line, AccountCode: '400', TaxType: 'GSTONIMPORTS' }] },
      'The TaxType code GSTONIMPORTS does not exist or cannot be used for this type of transaction',
    ],
    [
      'unknown tax type',
      { LineItems: [{ ...line, TaxType: 'NOPE' }] },
      'The TaxType code NOPE does not exist or cannot be used for this type of transaction',
    ],
    [
      'unknown item',
      { LineItems: [{ ...line, ItemCode: 'NOPE' }] },
      "Item code 'NOPE' is not valid for this document.",
    ],
    [
      'currency not enabled',
      { CurrencyCode: 'EUR' },
      'Organisation is not subscribed to currency EUR',
    ],
    [
      'discount on a bill',
      { Type: 'ACCPAY', LineItems: [{ ...line, AccountCode: '400', DiscountRate: 5 }] },
      'Discounts are only supported on ACCREC invoices and quotes.',
    ],
    [
      'discount over the line',
      { LineItems: [{ ...line, DiscountAmount: 100.01 }] },
      "The discount rate '100.01' is invalid. Discount must not be greater than the line total.",
    ],
    [
      'three tracking categories',
      { LineItems: [{ ...line, Tracking: [{}, {}, {}] }] },
      'A maximum of 2 tracking categories can be applied to a line item.',
    ],
    [
      'unknown tracking option',
      { LineItems: [{ ...line, Tracking: [{ Name: 'Region', Option: 'East' }] }] },
      "Tracking category 'Region' option 'East' is not valid.",
    ],
    [
      'unknown branding theme',
      { BrandingThemeID: '22222222-2222-4222-8222-222222222222' },
      "BrandingThemeID '22222222-2222-4222-8222-222222222222' is not valid.",
    ],
    [
      'status not allowed at creation',
      { Status: 'PAID' },
      'Invoice not of valid status for creation',
    ],
    [
      'line total mismatch',
      { LineItems: [{ ...line, LineAmount: 99.99 }] },
      'The line total 99.99 does not match the expected line total 100.00',
    ],
    [
      'tax override above the line',
      { LineItems: [{ ...line, TaxAmount: 100.01 }] },
      'The tax amount cannot be greater than the line amount!',
    ],
  ];
  for (const [name, fields, message] of cases) {
    it(name, () => {
      assert.deepEqual(errorsOf(invoice(fields)), [message]);
      assert.equal(tenant.documents.size, 0, 'nothing stored');
    });
  }

  it('an ARCHIVED contact cannot be used', () => {
    assert.deepEqual(
      errorsOf(invoice({ Contact: { ContactID: contactId('Harbour Freight Co') } })),
      ['The contact is archived and cannot be used.'],
    );
  });

  it('InvoiceNumber is unique for ACCREC', () => {
    assert.ok(invoice({ InvoiceNumber: 'INV-9000' }).ok);
    assert.deepEqual(errorsOf(invoice({ InvoiceNumber: 'INV-9000' })), [
      'Invoice # must be unique.',
    ]);
    assert.ok(
      invoice({
        Type: 'ACCPAY',
        InvoiceNumber: 'INV-9000',
        LineItems: [{ ...line, AccountCode: '400' }],
      }).ok,
    );
  });
});

describe('invoices: creation and updates', () => {
  it('numbers INV-0001…, defaults to DRAFT, flips IsCustomer and announces the change', () => {
    const first = invoice({});
    const second = invoice({});
    assert.ok(first.ok && second.ok);
    assert.deepEqual(
      [first.doc.number, second.doc.number, first.doc.status],
      ['INV-0001', 'INV-0002', 'DRAFT'],
    );
    assert.equal(tenant.contacts.get(first.doc.contactId)?.IsCustomer, true);
    assert.deepEqual(
      events.map((e) => [e.category, e.type, e.tenantId]),
      [
        ['INVOICE', 'CREATE', DEMO_TENANT_A],
        ['INVOICE', 'CREATE', DEMO_TENANT_A],
      ],
    );
  });

  it('resolves the contact by ContactNumber, and creates one for an unknown Name', () => {
    const byNumber = invoice({ Contact: { ContactNumber: 'PD-ORG-3' } });
    assert.ok(byNumber.ok && byNumber.doc.contactId === contactId('Tui Analytics'));
    const fresh = invoice({ Contact: { Name: 'Pohutukawa Health' } });
    assert.ok(fresh.ok);
    assert.equal(tenant.contacts.get(fresh.doc.contactId)?.Name, 'Pohutukawa Health');
    assert.deepEqual(
      events.map((e) => `${e.category} ${e.type}`),
      ['INVOICE CREATE', 'CONTACT CREATE', 'INVOICE CREATE'],
    );
  });

  it('pulls description, price, account and tax from the item', () => {
    const outcome = invoice({ LineItems: [{ ItemCode: 'TRAIN-DAY', Quantity: 2 }] });
    assert.ok(outcome.ok);
    const [priced] = outcome.doc.lines;
    assert.deepEqual(
      [
        priced?.Description,
        priced?.unitAmount.toFixed(2),
        priced?.AccountCode,
        priced?.TaxType,
        outcome.doc.total.toFixed(2),
      ],
      ['Training day', '1450.00', '200', 'OUTPUT2', '3335.00'],
    );
  });

  it('moves DRAFT → SUBMITTED → AUTHORISED → VOIDED and refuses DELETED once approved', () => {
    const created = invoice({});
    assert.ok(created.ok);
    const move = (Status: string) =>
      books.saveDocument(
        tenant,
        'invoice',
        { InvoiceID: created.doc.id, Status },
        { unitDp: 2, clientId: 'app' },
      );
    assert.ok(move('SUBMITTED').ok);
    assert.ok(move('AUTHORISED').ok);
    assert.deepEqual(errorsOf(move('DELETED')), ['Invoice not of valid status for modification']);
    assert.ok(move('VOIDED').ok);
    assert.deepEqual(errorsOf(move('DRAFT')), ['Invoice not of valid status for modification']);
  });

  it('DELETED is allowed from DRAFT', () => {
    const created = invoice({});
    assert.ok(created.ok);
    const deleted = books.saveDocument(
      tenant,
      'invoice',
      { InvoiceID: created.doc.id, Status: 'DELETED' },
      { unitDp: 2, clientId: 'app' },
    );
    assert.ok(deleted.ok && deleted.doc.status === 'DELETED');
  });

  it('a payment control call marks the invoice PAID when nothing is due', () => {
    const created = invoice({ Status: 'AUTHORISED' });
    assert.ok(created.ok);
    assert.ok(books.recordPayment(tenant, created.doc.id, 15).ok);
    const paid = books.recordPayment(tenant, created.doc.id, 100);
    assert.ok(paid.ok && paid.doc.status === 'PAID' && paid.doc.fullyPaidOnDate === '2026-10-01');
    assert.equal(events.at(-1)?.type, 'UPDATE');
  });
});

describe('quotes', () => {
  const quote = (fields: Record<string, unknown>) =>
    books.saveDocument(
      tenant,
      'quote',
      { Contact: { Name: 'Kauri Digital Ltd' }, LineItems: [line], ...fields },
      { unitDp: 2, clientId: 'app' },
    );
  it('numbers QU-0001, accepts UPPERCASE line amount types and bounds Title/Summary/Terms', () => {
    const first = quote({ LineAmountTypes: 'INCLUSIVE' });
    assert.ok(
      first.ok && first.doc.number === 'QU-0001' && first.doc.lineAmountTypes === 'Inclusive',
    );
    assert.deepEqual(
      errorsOf(
        quote({ Title: 't'.repeat(101), Summary: 's'.repeat(3001), Terms: 'x'.repeat(4001) }),
      ),
      [
        'Title must not be more than 100 characters long.',
        'Summary must not be more than 3000 characters long.',
        'Terms must not be more than 4000 characters long.',
      ],
    );
    assert.deepEqual(errorsOf(quote({ Status: 'ACCEPTED' })), [
      'Quote not of valid status for creation',
    ]);
  });

  it('an update of a DRAFT replaces all lines; a SENT quote keeps its lines', () => {
    const created = quote({ LineItems: [line, line] });
    assert.ok(created.ok);
    const update = (fields: Record<string, unknown>) =>
      books.saveDocument(
        tenant,
        'quote',
        { QuoteID: created.doc.id, ...fields },
        { unitDp: 2, clientId: 'app' },
      );
    const replaced = update({ LineItems: [{ ...line, UnitAmount: 7 }] });
    assert.ok(
      replaced.ok && replaced.doc.lines.length === 1 && replaced.doc.subTotal.toFixed(2) === '7.00',
    );
    assert.ok(update({ Status: 'SENT' }).ok);
    assert.deepEqual(errorsOf(update({ LineItems: [line] })), [
      'This quote cannot be edited because its status is SENT.',
    ]);
    assert.equal(events.length, 0, 'quotes are not webhook categories');
  });
});
