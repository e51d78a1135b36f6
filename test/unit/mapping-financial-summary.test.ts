import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  financialSummary,
  type SummaryInvoice,
  xeroDay,
} from '../../src/sync/mapping/financial-summary.js';

/** A customer's totals from Xero's invoices: per currency, overdue by due date, paid in 12 months. */

const TODAY = '2026-11-25';
const ms = (day: string) => `/Date(${Date.parse(`${day}T00:00:00Z`)}+0000)/`;
let next = 1;
const invoice = (fields: Partial<SummaryInvoice>): SummaryInvoice => ({
  InvoiceID: `inv-${next}`,
  InvoiceNumber: `INV-${String(next++).padStart(4, '0')}`,
  Type: 'ACCREC',
  CurrencyCode: 'NZD',
  Date: ms('2026-11-01'),
  ...fields,
});
const awaiting = (due: string, amountDue: number, currency = 'NZD') =>
  invoice({
    Status: 'AUTHORISED',
    DueDate: ms(due),
    Total: amountDue,
    AmountDue: amountDue,
    CurrencyCode: currency,
  });
const paid = (paidOn: string, amount: number, currency = 'NZD') =>
  invoice({
    Status: 'PAID',
    Total: amount,
    AmountDue: 0,
    AmountPaid: amount,
    FullyPaidOnDate: ms(paidOn),
    CurrencyCode: currency,
  });

describe('xeroDay', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['/Date(1764028800000+0000)/', '2025-11-25'],
    ['/Date(1764028800000)/', '2025-11-25'],
    ['2026-11-25T00:00:00', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['25/11/2026', undefined],
    [undefined, undefined],
  ];
  for (const [input, day] of cases)
    it(`${String(input)} → ${String(day)}`, () => assert.equal(xeroDay(input), day));
});

describe('financialSummary', () => {
  const table: [
    string,
    SummaryInvoice[],
    { outstanding: string; overdue: string; paid: string; overdueCount: number },
  ][] = [
    ['nothing due', [], { outstanding: '0.00', overdue: '0.00', paid: '0.00', overdueCount: 0 }],
    [
      'due tomorrow is outstanding, not overdue',
      [awaiting('2026-11-26', 100)],
      { outstanding: '100.00', overdue: '0.00', paid: '0.00', overdueCount: 0 },
    ],
    [
      'due today is not overdue yet',
      [awaiting(TODAY, 100)],
      { outstanding: '100.00', overdue: '0.00', paid: '0.00', overdueCount: 0 },
    ],
    [
      'due yesterday is overdue',
      [awaiting('2026-11-24', 100.1), awaiting('2026-12-24', 0.2)],
      { outstanding: '100.30', overdue: '100.10', paid: '0.00', overdueCount: 1 },
    ],
    [
      'a part-paid overdue invoice counts what is still due',
      [
        invoice({
          Status: 'AUTHORISED',
          DueDate: ms('2026-10-01'),
          Total: 1150,
          AmountDue: 150,
          AmountPaid: 1000,
        }),
      ],
      { outstanding: '150.00', overdue: '150.00', paid: '0.00', overdueCount: 1 },
    ],
    [
      'paid within 12 months counts, paid 12 months ago or earlier does not',
      [
        paid('2026-11-25', 10),
        paid('2025-11-26', 20),
        paid('2025-11-25', 40),
        paid('2024-01-01', 80),
      ],
      { outstanding: '0.00', overdue: '0.00', paid: '30.00', overdueCount: 0 },
    ],
    [
      'drafts, invoices awaiting approval, voided and deleted ones are not owed',
      [
        invoice({ Status: 'DRAFT', DueDate: ms('2026-01-01'), AmountDue: 5 }),
        invoice({ Status: 'SUBMITTED', DueDate: ms('2026-01-01'), AmountDue: 5 }),
        invoice({ Status: 'VOIDED', DueDate: ms('2026-01-01'), AmountDue: 5 }),
        invoice({ Status: 'DELETED', DueDate: ms('2026-01-01'), AmountDue: 5 }),
      ],
      { outstanding: '0.00', overdue: '0.00', paid: '0.00', overdueCount: 0 },
    ],
    [
      'bills (ACCPAY) from the same contact are not sales',
      [{ ...awaiting('2026-01-01', 999), Type: 'ACCPAY' }],
      { outstanding: '0.00', overdue: '0.00', paid: '0.00', overdueCount: 0 },
    ],
    [
      'cents add exactly (0.1 + 0.2)',
      [awaiting('2026-01-01', 0.1), awaiting('2026-01-02', 0.2)],
      { outstanding: '0.30', overdue: '0.30', paid: '0.00', overdueCount: 2 },
    ],
  ];
  for (const [name, invoices, expected] of table) {
    it(name, () => {
      const summary = financialSummary(invoices, [], TODAY);
      const nzd = summary.byCurrency.find((entry) => entry.currency === 'NZD');
      assert.deepEqual(
        {
          outstanding: nzd?.outstanding ?? '0.00',
          overdue: nzd?.overdue ?? '0.00',
          paid: nzd?.paidLast12Months ?? '0.00',
          overdueCount: nzd?.overdueCount ?? 0,
        },
        expected,
      );
    });
  }

  it('keeps currencies apart, one entry each, by code', () => {
    const summary = financialSummary(
      [
        awaiting('2026-01-01', 100, 'NZD'),
        awaiting('2026-12-31', 50, 'AUD'),
        paid('2026-06-01', 70, 'AUD'),
        awaiting('2026-01-01', 1, 'NZD'),
      ],
      [],
      TODAY,
    );
    assert.deepEqual(summary.currencies, ['AUD', 'NZD']);
    assert.deepEqual(summary.byCurrency, [
      {
        currency: 'AUD',
        outstanding: '50.00',
        overdue: '0.00',
        paidLast12Months: '70.00',
        overdueCount: 0,
      },
      {
        currency: 'NZD',
        outstanding: '101.00',
        overdue: '101.00',
        paidLast12Months: '0.00',
        overdueCount: 2,
      },
    ]);
  });

  it('lists the latest invoices and quotes newest first, flags overdue ones, skips deleted', () => {
    const summary = financialSummary(
      [
        invoice({
          InvoiceID: 'a',
          InvoiceNumber: 'INV-0009',
          Status: 'AUTHORISED',
          Date: ms('2026-09-01'),
          DueDate: ms('2026-09-15'),
          Total: 10,
          AmountDue: 10,
        }),
        invoice({
          InvoiceID: 'b',
          InvoiceNumber: 'INV-0010',
          Status: 'PAID',
          Date: ms('2026-11-20'),
          Total: 20,
          AmountDue: 0,
        }),
        invoice({
          InvoiceID: 'c',
          InvoiceNumber: 'INV-0011',
          Status: 'DELETED',
          Date: ms('2026-11-24'),
        }),
      ],
      [
        {
          QuoteID: 'q',
          QuoteNumber: 'QU-0002',
          Status: 'SENT',
          CurrencyCode: 'NZD',
          Total: 5,
          Date: ms('2026-10-01'),
          ExpiryDate: ms('2026-10-31'),
        },
      ],
      TODAY,
    );
    assert.deepEqual(
      summary.latest.map((doc) => [
        doc.kind,
        doc.id,
        doc.status,
        doc.overdue,
        doc.amountDue,
        doc.dueDate,
      ]),
      [
        ['invoice', 'b', 'PAID', false, '0.00', null],
        ['quote', 'q', 'SENT', false, null, '2026-10-31'],
        ['invoice', 'a', 'AUTHORISED', true, '10.00', '2026-09-15'],
      ],
    );
  });

  it('caps the latest list', () => {
    const many = Array.from({ length: 8 }, (_, day) => awaiting(`2026-11-${String(10 + day)}`, 1));
    assert.equal(financialSummary(many, [], TODAY).latest.length, 5);
    assert.equal(financialSummary(many, [], TODAY, 3).latest.length, 3);
  });
});
