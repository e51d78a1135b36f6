import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import { type BooksServer, startBooksServer } from '../support/xero-books-server.js';

/** Writes to the Xero books over real HTTP (docs/vendors/xero.md §4, §6, §10–§12, docs/vendors/money.md B). */

let server: BooksServer;
before(async () => {
  server = await startBooksServer();
});
after(() => server.close());
beforeEach(() => server.books.reset('demo'));

type Json = Record<string, any>;
const call = async (method: string, path: string, body?: unknown) => {
  const response = await server.api(DEMO_TENANT_A, method, path, body);
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (text.startsWith('{') ? JSON.parse(text) : {}) as Json,
  };
};
const line = {
  Description: 'Consulting',
  Quantity: 1,
  UnitAmount: 100,
  AccountCode: '200',
  TaxType: 'OUTPUT2',
};
const invoiceFor = (name: string, extra: Json = {}) => ({
  Type: 'ACCREC',
  Contact: { Name: name },
  LineItems: [line],
  ...extra,
});

describe('PUT creates, POST creates or updates', () => {
  it('PUT with a taken contact name is a ValidationException; POST updates that contact', async () => {
    const refused = await call('PUT', '/Contacts', {
      Contacts: [{ Name: 'Kauri Digital Ltd', EmailAddress: 'new@kd.example' }],
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(
      [refused.json['ErrorNumber'], refused.json['Type'], refused.json['Message']],
      [10, 'ValidationException', 'A validation exception occurred'],
    );
    const [element] = refused.json['Elements'];
    assert.equal(element.Name, 'Kauri Digital Ltd');
    assert.equal(
      element.ValidationErrors[0].Message,
      'The contact name Kauri Digital Ltd is already assigned to another contact. The contact name must be unique across all active contacts.',
    );
    const updated = await call('POST', '/Contacts', {
      Contacts: [{ Name: 'Kauri Digital Ltd', EmailAddress: 'new@kd.example' }],
    });
    assert.equal(updated.status, 200);
    const all = (
      await call('GET', '/Contacts?where=' + encodeURIComponent('Name=="Kauri Digital Ltd"'))
    ).json['Contacts'];
    assert.deepEqual(
      all.map((c: Json) => c.EmailAddress),
      ['new@kd.example'],
    );
  });

  it('PUT accepts a name whose only twin is ARCHIVED', async () => {
    const created = await call('PUT', '/Contacts', { Contacts: [{ Name: 'Harbour Freight Co' }] });
    assert.equal(created.status, 200);
    assert.equal(created.json['Contacts'][0].ContactStatus, 'ACTIVE');
  });

  it('POST /Contacts/{id} updates that contact; an unknown id is 404', async () => {
    const tui = (await call('GET', '/Contacts/PD-ORG-3')).json['Contacts'][0];
    const updated = await call('POST', `/Contacts/${tui.ContactID}`, {
      Contacts: [{ Phones: [{ PhoneType: 'MOBILE', PhoneNumber: '021 555' }] }],
    });
    assert.equal(
      updated.json['Contacts'][0].Phones.find((p: Json) => p.PhoneType === 'MOBILE').PhoneNumber,
      '021 555',
    );
    assert.equal(
      (
        await call('POST', '/Contacts/11111111-1111-4111-8111-111111111111', {
          Contacts: [{ Name: 'x' }],
        })
      ).status,
      404,
    );
  });

  it('items: PUT refuses a taken code verbatim, POST upserts by Code, DELETE removes', async () => {
    const refused = await call('PUT', '/Items', { Items: [{ Code: 'CONS-HR', Name: 'dup' }] });
    assert.equal(
      refused.json['Elements'][0].ValidationErrors[0].Message,
      "Price List Item with Code 'CONS-HR' already exists",
    );
    const upserted = await call('POST', '/Items', {
      Items: [{ Code: 'CONS-HR', SalesDetails: { UnitPrice: 190 } }],
    });
    assert.equal(upserted.json['Items'][0].SalesDetails.UnitPrice, 190);
    assert.equal(
      (await call('GET', '/Items')).json['Items'].filter((i: Json) => i.Code === 'CONS-HR').length,
      1,
    );
    const id = upserted.json['Items'][0].ItemID;
    assert.equal((await call('DELETE', `/Items/${id}`)).status, 204);
    assert.equal((await call('GET', `/Items/${id}`)).status, 404);
  });

  it('items honour unitdp on write and read', async () => {
    await call('PUT', '/Items?unitdp=4', {
      Items: [{ Code: 'PRECISE', SalesDetails: { UnitPrice: 1.23456 } }],
    });
    const four = await call('GET', '/Items/PRECISE?unitdp=4');
    assert.match(four.text, /"UnitPrice":1\.2346/);
    const two = await call('GET', '/Items/PRECISE');
    assert.match(two.text, /"UnitPrice":1\.23[,}]/);
  });

  it('POST /Invoices/{id} moves status; PUT ignores an id and creates', async () => {
    const created = (await call('PUT', '/Invoices', { Invoices: [invoiceFor('Cash Sales')] })).json[
      'Invoices'
    ][0];
    const approved = await call('POST', `/Invoices/${created.InvoiceID}`, {
      Invoices: [{ Status: 'AUTHORISED' }],
    });
    assert.equal(approved.json['Invoices'][0].Status, 'AUTHORISED');
    const again = await call('PUT', '/Invoices', {
      Invoices: [{ ...invoiceFor('Cash Sales'), InvoiceID: created.InvoiceID }],
    });
    assert.notEqual(again.json['Invoices'][0].InvoiceID, created.InvoiceID);
    assert.equal(again.json['Invoices'][0].InvoiceNumber, 'INV-0002');
    assert.deepEqual(
      server.events.filter((e) => e.category === 'INVOICE').map((e) => e.type),
      ['CREATE', 'UPDATE', 'CREATE'],
    );
  });
});

describe('summarizeErrors', () => {
  const batch = {
    Invoices: [
      invoiceFor('Cash Sales'),
      invoiceFor('Cash Sales', { CurrencyCode: 'EUR' }),
      invoiceFor('Kauri Digital Ltd'),
    ],
  };

  it('absent: 400 listing only the failing element, the valid ones are still saved', async () => {
    const { status, json } = await call('PUT', '/Invoices', batch);
    assert.equal(status, 400);
    assert.equal(json['Elements'].length, 1);
    assert.equal(json['Elements'][0].CurrencyCode, 'EUR');
    assert.equal(json['Elements'][0].HasErrors, true);
    assert.equal((await call('GET', '/Invoices')).json['Invoices'].length, 2);
  });

  it('false: 200 with every element in request order and its status', async () => {
    const { status, json } = await call('PUT', '/Invoices?summarizeErrors=false', batch);
    assert.equal(status, 200);
    assert.equal(json['SummarizeErrors'], false);
    assert.deepEqual(
      json['Invoices'].map((i: Json) => i.StatusAttributeString),
      ['OK', 'ERROR', 'OK'],
    );
    assert.deepEqual(
      json['Invoices'].map((i: Json) => i.HasErrors),
      [false, true, false],
    );
    assert.deepEqual(json['Invoices'][1].ValidationErrors, [
      { Message: 'Organisation is not subscribed to currency EUR' },
    ]);
    assert.deepEqual(
      [json['Invoices'][0].InvoiceNumber, json['Invoices'][2].InvoiceNumber],
      ['INV-0001', 'INV-0002'],
    );
  });

  it('contacts flag HasValidationErrors', async () => {
    const { json } = await call('PUT', '/Contacts?summarizeErrors=false', {
      Contacts: [{ Name: 'Fine' }, { Name: 'Cash Sales' }],
    });
    assert.deepEqual(
      json['Contacts'].map((c: Json) => c.HasValidationErrors),
      [false, true],
    );
  });

  it('a batch of 60 invoices is created in one call', async () => {
    const { status, json } = await call('PUT', '/Invoices?summarizeErrors=false', {
      Invoices: Array.from({ length: 60 }, () => invoiceFor('Cash Sales')),
    });
    assert.equal(status, 200);
    assert.equal(json['Invoices'].length, 60);
    assert.equal(json['Invoices'][59].InvoiceNumber, 'INV-0060');
  });

  it('a request over 3.5 MB is refused with 413', async () => {
    const { status } = await call('PUT', '/Contacts', {
      Contacts: [{ Name: 'Big', Notes: 'x'.repeat(3_700_000) }],
    });
    assert.equal(status, 413);
  });
});

describe('totals as Xero computes them', () => {
  it('invoice: per-line tax, discounts and inclusive mode', async () => {
    const { json } = await call('PUT', '/Invoices', {
      Invoices: [
        {
          Type: 'ACCREC',
          Contact: { Name: 'Cash Sales' },
          LineItems: [25.06, 25.61, 25.63].map((UnitAmount) => ({ ...line, UnitAmount })),
        },
        {
          Type: 'ACCREC',
          Contact: { Name: 'Cash Sales' },
          LineItems: [{ ...line, UnitAmount: 19.95, DiscountRate: 10 }],
        },
        {
          Type: 'ACCREC',
          Contact: { Name: 'Cash Sales' },
          LineAmountTypes: 'Inclusive',
          LineItems: [
            { ...line, UnitAmount: 20 },
            { ...line, UnitAmount: 20, TaxType: 'TAX001' },
          ],
        },
        {
          Type: 'ACCREC',
          Contact: { Name: 'Cash Sales' },
          LineAmountTypes: 'NoTax',
          LineItems: [{ ...line, Quantity: 2.5, UnitAmount: 180, DiscountAmount: 50 }],
        },
      ],
    });
    const summary = json['Invoices'].map((i: Json) => [
      i.SubTotal,
      i.TotalTax,
      i.Total,
      i.TotalDiscount,
      i.AmountDue,
      i.AmountPaid,
    ]);
    assert.deepEqual(summary, [
      [76.3, 11.44, 87.74, 0, 87.74, 0],
      [17.96, 2.69, 20.65, 1.99, 20.65, 0],
      [35.74, 4.26, 40, 0, 40, 0],
      [400, 0, 400, 50, 400, 0],
    ]);
    assert.deepEqual(
      json['Invoices'][2].LineItems.map((l: Json) => l.TaxAmount),
      [2.61, 1.65],
    );
  });

  it('a LineAmount that disagrees is refused with Xero’s words', async () => {
    const { json } = await call('PUT', '/Invoices', {
      Invoices: [
        {
          ...invoiceFor('Cash Sales'),
          LineItems: [{ ...line, UnitAmount: 199.96, LineAmount: 199.97 }],
        },
      ],
    });
    assert.equal(
      json['Elements'][0].ValidationErrors[0].Message,
      'The line total 199.97 does not match the expected line total 199.96',
    );
  });

  it('invoices round UnitAmount to 2 dp unless unitdp=4', async () => {
    const lines = [{ ...line, Quantity: 3, UnitAmount: 2.345, TaxType: 'NONE' }];
    const two = (
      await call('PUT', '/Invoices', {
        Invoices: [{ ...invoiceFor('Cash Sales'), LineItems: lines }],
      })
    ).json['Invoices'][0];
    const four = await call('PUT', '/Invoices?unitdp=4', {
      Invoices: [{ ...invoiceFor('Cash Sales'), LineItems: lines }],
    });
    assert.deepEqual([two.LineItems[0].UnitAmount, two.Total], [2.35, 7.05]);
    assert.equal(four.json['Invoices'][0].Total, 7.04);
    assert.match(four.text, /"UnitAmount":2\.3450/);
  });

  it('quotes: same arithmetic, 4-dp units, UPPERCASE modes, QU numbering, expiry', async () => {
    const { json, text } = await call('PUT', '/Quotes', {
      Quotes: [
        {
          Contact: { Name: 'Kauri Digital Ltd' },
          Title: 'Proposal',
          ExpiryDate: '2026-10-31',
          LineItems: [{ ...line, UnitAmount: 19.95, DiscountRate: 10 }],
        },
        {
          Contact: { Name: 'Kauri Digital Ltd' },
          LineAmountTypes: 'INCLUSIVE',
          LineItems: [{ ...line, UnitAmount: 20.004 }],
        },
      ],
    });
    const [first, second] = json['Quotes'];
    assert.deepEqual(
      [first.QuoteNumber, first.Status, first.LineAmountTypes, first.Total, first.TotalDiscount],
      ['QU-0001', 'DRAFT', 'EXCLUSIVE', 20.65, 1.99],
    );
    assert.deepEqual(
      [first.ExpiryDateString, first.ExpiryDate],
      ['2026-10-31T00:00:00', '/Date(1793404800000+0000)/'],
    );
    assert.deepEqual(
      [second.LineAmountTypes, second.Total, second.TotalTax],
      ['INCLUSIVE', 20, 2.61],
    );
    assert.match(text, /"UnitAmount":19\.9500/);
    assert.match(text, /"UnitAmount":20\.0040/);
  });

  it('POST /Quotes/{id} on a DRAFT replaces every line', async () => {
    const created = (
      await call('PUT', '/Quotes', {
        Quotes: [{ Contact: { Name: 'Cash Sales' }, LineItems: [line, line, line] }],
      })
    ).json['Quotes'][0];
    const updated = await call('POST', `/Quotes/${created.QuoteID}`, {
      Quotes: [{ LineItems: [{ ...line, UnitAmount: 5 }] }],
    });
    assert.deepEqual(
      [updated.json['Quotes'][0].LineItems.length, updated.json['Quotes'][0].Total],
      [1, 5.75],
    );
  });
});

describe('history and online invoices', () => {
  it('GET lists the system Created entry and PUT appends notes', async () => {
    const created = (await call('PUT', '/Invoices', { Invoices: [invoiceFor('Cash Sales')] })).json[
      'Invoices'
    ][0];
    const added = await call('PUT', `/Invoices/${created.InvoiceID}/History`, {
      HistoryRecords: [{ Details: 'Created from Pipedrive deal 123' }],
    });
    assert.equal(added.status, 200);
    assert.equal(added.json['HistoryRecords'][0].Details, 'Created from Pipedrive deal 123');
    const history = (await call('GET', `/Invoices/${created.InvoiceID}/History`)).json[
      'HistoryRecords'
    ];
    assert.deepEqual(
      history.map((h: Json) => [h.Changes, h.User]),
      [
        ['Created', 'System Generated'],
        ['Note', 'Xero Sandbox'],
      ],
    );
    const tooLong = await call('PUT', `/Invoices/${created.InvoiceID}/History`, {
      HistoryRecords: [{ Details: 'x'.repeat(2501) }],
    });
    assert.equal(tooLong.status, 400);
  });

  it('an unknown or wrong-kind id is a 400 naming the endpoint', async () => {
    const quote = (
      await call('PUT', '/Quotes', {
        Quotes: [{ Contact: { Name: 'Cash Sales' }, LineItems: [line] }],
      })
    ).json['Quotes'][0];
    for (const path of [
      `/Invoices/${quote.QuoteID}/History`,
      '/Quotes/11111111-1111-4111-8111-111111111111/History',
    ]) {
      const { status, json } = await call('PUT', path, { HistoryRecords: [{ Details: 'note' }] });
      assert.equal(status, 400, path);
      assert.equal(
        json['Elements'][0].ValidationErrors[0].Message,
        'The document with the supplied id was not found for this endpoint.',
      );
    }
    const quoteHistory = (await call('GET', `/Quotes/${quote.QuoteID}/History`)).json[
      'HistoryRecords'
    ];
    assert.equal(quoteHistory[0].Changes, 'Created');
  });

  it('OnlineInvoice is refused for a DRAFT and given once AUTHORISED', async () => {
    const created = (await call('PUT', '/Invoices', { Invoices: [invoiceFor('Cash Sales')] })).json[
      'Invoices'
    ][0];
    const draft = await call('GET', `/Invoices/${created.InvoiceID}/OnlineInvoice`);
    assert.equal(draft.status, 400);
    assert.equal(draft.json['Type'], 'ValidationException');
    await call('POST', `/Invoices/${created.InvoiceID}`, { Invoices: [{ Status: 'AUTHORISED' }] });
    const online = await call('GET', `/Invoices/${created.InvoiceID}/OnlineInvoice`);
    assert.match(
      online.json['OnlineInvoices'][0].OnlineInvoiceUrl,
      /^https:\/\/in\.xero\.com\/\w+$/,
    );
  });
});
