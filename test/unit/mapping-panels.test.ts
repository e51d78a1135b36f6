import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { validatePanelResponse } from '../../sandbox/pipedrive/extensions/panel-validate.js';
import { financialSummary, type SummaryInvoice } from '../../src/sync/mapping/financial-summary.js';
import {
  CONTACT_PANEL_FIELDS,
  contactPanel,
  customerNotInXeroPanel,
  DEAL_PANEL_FIELDS,
  dealPanel,
  type DealPanelDocument,
  type DealPanelRun,
  emptyPanel,
  notConnectedPanel,
  type PanelBody,
  statusLabel,
} from '../../src/sync/mapping/panels.js';
import { testLinks } from '../support/sync-kit.js';

/**
 * Panel bodies against Pipedrive's documented format (docs/vendors/pipedrive.md §7.1), checked by the sandbox's
 * validator with the fields each panel declares: a wrong type or an undeclared field fails.
 */

const TODAY = '2026-11-25';
const ms = (day: string) => `/Date(${Date.parse(`${day}T00:00:00Z`)}+0000)/`;

function assertValid(body: unknown, fields: Record<string, string>, status = 200) {
  const verdict = validatePanelResponse(status, body, fields as never);
  assert.ok(verdict.valid, verdict.errors.join('; '));
}

const invoices: SummaryInvoice[] = [
  {
    InvoiceID: 'i1',
    InvoiceNumber: 'INV-0001',
    Type: 'ACCREC',
    Status: 'PAID',
    CurrencyCode: 'NZD',
    Total: 1150,
    AmountDue: 0,
    AmountPaid: 1150,
    Date: ms('2026-11-01'),
    DueDate: ms('2026-11-15'),
    FullyPaidOnDate: ms('2026-11-20'),
  },
  {
    InvoiceID: 'i2',
    InvoiceNumber: 'INV-0002',
    Type: 'ACCREC',
    Status: 'AUTHORISED',
    CurrencyCode: 'NZD',
    Total: 230.5,
    AmountDue: 230.5,
    Date: ms('2026-10-01'),
    DueDate: ms('2026-10-15'),
  },
  {
    InvoiceID: 'i3',
    InvoiceNumber: 'INV-0003',
    Type: 'ACCREC',
    Status: 'AUTHORISED',
    CurrencyCode: 'AUD',
    Total: 99.99,
    AmountDue: 99.99,
    Date: ms('2026-11-10'),
    DueDate: ms('2026-12-10'),
  },
  {
    InvoiceID: 'i4',
    Type: 'ACCREC',
    Status: 'DRAFT',
    CurrencyCode: 'NZD',
    Total: 10,
    AmountDue: 10,
    Date: ms('2026-11-24'),
  },
];

describe('contactPanel', () => {
  const summary = financialSummary(
    invoices,
    [
      {
        QuoteID: 'q1',
        QuoteNumber: 'QU-0001',
        Status: 'SENT',
        CurrencyCode: 'NZD',
        Total: 500,
        Date: ms('2026-11-02'),
        ExpiryDate: ms('2026-12-02'),
      },
    ],
    TODAY,
  );
  const body = contactPanel(summary, testLinks, {
    contactId: 'c1',
    contactName: 'Kauri Digital Ltd',
    shortCode: '!kCt7Q',
    contactUrl: 'https://go.xero.com/app/!kCt7Q/contacts/contact/c1',
  });

  it('validates against the panel format with its declared fields', () => {
    assertValid(body, CONTACT_PANEL_FIELDS);
  });

  it('puts one totals object per currency first, with currency fields', () => {
    assert.deepEqual(body.data.slice(0, 2), [
      {
        id: 'totals-AUD',
        header: 'Kauri Digital Ltd in Xero (AUD)',
        outstanding: { code: 'AUD', value: 99.99 },
        overdue: { code: 'AUD', value: 0 },
        paid_last_12_months: { code: 'AUD', value: 0 },
        overdue_invoices: 0,
      },
      {
        id: 'totals-NZD',
        header: 'Kauri Digital Ltd in Xero (NZD)',
        outstanding: { code: 'NZD', value: 230.5 },
        overdue: { code: 'NZD', value: 230.5 },
        paid_last_12_months: { code: 'NZD', value: 1150 },
        overdue_invoices: 1,
      },
    ]);
    assert.deepEqual(body.external_link, {
      url: 'https://go.xero.com/app/!kCt7Q/contacts/contact/c1',
      label: 'Open contact in Xero',
    });
  });

  it('lists documents with status labels, due date, amount due and an external deep link', () => {
    const byId = new Map(body.data.map((object) => [object.id, object]));
    assert.deepEqual(byId.get('invoice-i2'), {
      id: 'invoice-i2',
      header: 'Invoice INV-0002',
      status: { color: 'red', label: 'Overdue' },
      date: '2026-10-01',
      due_date: '2026-10-15',
      total: { code: 'NZD', value: 230.5 },
      amount_due: { code: 'NZD', value: 230.5 },
      xero_link: {
        label: 'View invoice in Xero',
        value: testLinks.xeroDocumentUrl('!kCt7Q', 'invoice', 'i2'),
        external: true,
      },
    });
    assert.deepEqual(
      ['invoice-i4', 'invoice-i1', 'invoice-i3', 'quote-q1'].map((id) => [
        byId.get(id)?.header,
        byId.get(id)?.status,
      ]),
      [
        ['Invoice (no number yet)', { color: 'grey', label: 'Draft' }],
        ['Invoice INV-0001', { color: 'green', label: 'Paid' }],
        ['Invoice INV-0003', { color: 'blue', label: 'Awaiting payment' }],
        ['Quote QU-0001', { color: 'blue', label: 'Sent' }],
      ],
    );
  });

  it("labels the contact's link apart from each document's, so no object repeats the panel's link", () => {
    const documentLinks = body.data.flatMap((object) =>
      typeof object['xero_link'] === 'object'
        ? [(object['xero_link'] as { label: string }).label]
        : [],
    );
    assert.ok(documentLinks.length > 1);
    assert.ok(!documentLinks.includes(body.external_link!.label), documentLinks.join(', '));
  });

  it('shows a customer without invoices as a single valid object', () => {
    const empty = contactPanel(financialSummary([], [], TODAY), testLinks, {
      contactId: 'c2',
      contactName: 'New Co',
      shortCode: null,
    });
    assertValid(empty, CONTACT_PANEL_FIELDS);
    assert.deepEqual(empty, {
      data: [{ id: 'contact-c2', header: 'New Co in Xero', note: 'No invoices yet.' }],
    });
  });

  it('never exceeds 10 objects, however many currencies and documents', () => {
    const currencies = 'NZD AUD USD GBP EUR JPY CAD SGD CHF HKD SEK DKK'.split(' ');
    const many = currencies.map((code, index): SummaryInvoice => ({
      InvoiceID: `m${index}`,
      Type: 'ACCREC',
      Status: 'AUTHORISED',
      CurrencyCode: code,
      Total: 1,
      AmountDue: 1,
      Date: ms('2026-11-01'),
    }));
    const crowded = contactPanel(financialSummary(many, [], TODAY), testLinks, {
      contactId: 'c',
      contactName: 'C',
      shortCode: null,
    });
    assert.equal(crowded.data.length, 10);
    assertValid(crowded, CONTACT_PANEL_FIELDS);
  });

  it('says a customer is not in Xero yet, pointing at Update', () => {
    const body: PanelBody = customerNotInXeroPanel('This organization');
    assertValid(body, CONTACT_PANEL_FIELDS);
    assert.match(JSON.stringify(body), /not in Xero yet/);
    assert.match(JSON.stringify(body), /\*\*Update\*\*/);
  });
});

describe('dealPanel', () => {
  const documents: DealPanelDocument[] = [
    {
      type: 'invoice',
      xeroId: 'x1',
      number: 'INV-0003',
      status: 'AUTHORISED',
      currency: 'NZD',
      total: '1150.00',
      amountDue: '1150.00',
      dueDate: '2026-11-01',
      url: 'https://go.xero.com/app/!k/invoicing/view/x1',
    },
    {
      type: 'quote',
      xeroId: null,
      number: null,
      status: 'PENDING',
      currency: 'NZD',
      total: null,
      amountDue: null,
      dueDate: null,
      url: null,
    },
  ];
  const run = (id: string, status: string, message: string | null): DealPanelRun => ({
    id,
    companyId: 7001,
    kind: 'invoice',
    status,
    message,
    updatedAt: new Date('2026-11-25T09:30:00Z'),
  });
  const runs = [
    run('r3', 'waiting_fix', 'The deal has no products. Add products to the deal, then replay.'),
    run('r2', 'succeeded', null),
    run('r1', 'ignored', 'x'.repeat(300)),
  ];
  const body = dealPanel(documents, runs, testLinks, '2026-11-25');

  it('validates against the panel format with its declared fields', () => {
    assertValid(body, DEAL_PANEL_FIELDS);
  });

  it('shows created documents (not claims) with status, amounts and link, then runs', () => {
    assert.deepEqual(
      body.data.map((object) => object.id),
      ['invoice-x1', 'run-r3', 'run-r2', 'run-r1'],
    );
    assert.deepEqual(body.data[0], {
      id: 'invoice-x1',
      header: 'Invoice INV-0003',
      status: { color: 'red', label: 'Overdue' },
      total: { code: 'NZD', value: 1150 },
      amount_due: { code: 'NZD', value: 1150 },
      due_date: '2026-11-01',
      xero_link: {
        label: 'View invoice in Xero',
        value: 'https://go.xero.com/app/!k/invoicing/view/x1',
        external: true,
      },
    });
    assert.deepEqual(body.data[1], {
      id: 'run-r3',
      header: 'Invoice sync',
      outcome: { color: 'yellow', label: 'Needs a fix' },
      reason: 'The deal has no products. Add products to the deal, then replay.',
      when: '2026-11-25T09:30:00.000Z',
      replay_link: { label: 'Replay', value: testLinks.replayUrl(7001, 'r3'), external: true },
    });
    assert.deepEqual(body.data[2]?.outcome, { color: 'green', label: 'Done' });
    assert.equal(body.data[2]?.replay_link, undefined);
    assert.equal((body.data[3]?.reason as string).length, 255);
  });

  it('keeps at most 10 objects', () => {
    const many = Array.from({ length: 15 }, (_, index) =>
      run(`r${index}`, 'failed', 'Xero was down'),
    );
    const crowded = dealPanel(documents, many, testLinks);
    assert.equal(crowded.data.length, 10);
    assert.equal(crowded.data[0]?.id, 'invoice-x1');
    assertValid(crowded, DEAL_PANEL_FIELDS);
  });
});

describe('empty and error states', () => {
  it('emptyPanel is "Nothing to show"', () => {
    assert.deepEqual(emptyPanel(), { data: [] });
    assertValid(emptyPanel(), DEAL_PANEL_FIELDS);
  });

  for (const kind of ['not_connected', 'needs_reauth'] as const) {
    it(`${kind} answers the error state with a status above 300 and a fix link`, () => {
      const { status, body } = notConnectedPanel(kind, 'https://app.test/connect/xero');
      assert.ok(status > 300);
      assertValid(body, {}, status);
      assert.ok(body.error.title.length <= 30);
      assert.equal(body.error.action.url, 'https://app.test/connect/xero');
    });
  }

  it('the validator used here does refuse an undeclared or mistyped field', () => {
    const bad = (object: object) =>
      validatePanelResponse(
        200,
        { data: [{ id: 1, header: 'x', ...object }] },
        CONTACT_PANEL_FIELDS,
      );
    assert.equal(bad({ surprise: 'field' }).valid, false);
    assert.equal(bad({ outstanding: 12 }).valid, false);
  });

  it('labels stay within 40 characters, unknown statuses grey', () => {
    assert.deepEqual(statusLabel('invoice', 'SOMETHING_NEW_AND_VERY_LONG_FROM_XERO_1234567890'), {
      color: 'grey',
      label: 'SOMETHING_NEW_AND_VERY_LONG_FROM_XERO_12',
    });
  });
});
