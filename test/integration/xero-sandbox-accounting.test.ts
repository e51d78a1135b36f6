import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { DEMO_TENANT_A, DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { type BooksServer, startBooksServer } from '../support/xero-books-server.js';

/** Reads of the Xero books over real HTTP (docs/vendors/xero.md §2, §5, §12): envelope, paging, filters, 404s. */

let server: BooksServer;
before(async () => {
  server = await startBooksServer();
});
after(() => server.close());
beforeEach(() => server.books.reset('demo'));

type Json = Record<string, any>;
const get = async (path: string, headers: Record<string, string> = {}, tenant = DEMO_TENANT_A) => {
  const response = await server.api(tenant, 'GET', path, undefined, headers);
  return {
    status: response.status,
    text: await response.clone().text(),
    json: response.headers.get('content-type')?.includes('json')
      ? ((await response.json()) as Json)
      : {},
  };
};
const put = async (path: string, body: unknown) => {
  const response = await server.api(DEMO_TENANT_A, 'PUT', path, body);
  return { status: response.status, json: (await response.json()) as Json };
};

describe('envelope and formats', () => {
  it('wraps every 200 in Xero’s envelope with MS-JSON time', async () => {
    const { status, json } = await get('/Organisation');
    assert.equal(status, 200);
    assert.match(json['Id'], /^[0-9a-f-]{36}$/);
    assert.equal(json['Status'], 'OK');
    assert.equal(typeof json['ProviderName'], 'string');
    assert.match(json['DateTimeUTC'], /^\/Date\(\d+\)\/$/);
    const [org] = json['Organisations'];
    assert.deepEqual(
      [
        org.Name,
        org.ShortCode,
        org.BaseCurrency,
        org.CountryCode,
        org.Version,
        org.OrganisationStatus,
        org.Timezone,
      ],
      ['Kauri Coast Trading Ltd', '!kCt7Q', 'NZD', 'NZ', 'NZ', 'ACTIVE', 'NEWZEALANDSTANDARDTIME'],
    );
  });

  it('writes money with 2 dp and quantities with 4 dp', async () => {
    const created = await put('/Invoices', {
      Invoices: [
        {
          Type: 'ACCREC',
          Contact: { Name: 'Cash Sales' },
          LineItems: [{ Description: 'x', Quantity: 2, UnitAmount: 20, AccountCode: '200' }],
        },
      ],
    });
    const response = await server.api(
      DEMO_TENANT_A,
      'GET',
      `/Invoices/${created.json['Invoices'][0].InvoiceID}`,
    );
    const text = await response.text();
    assert.match(text, /"Quantity":2\.0000/);
    assert.match(text, /"UnitAmount":20\.00/);
    assert.match(text, /"Total":46\.00/);
    assert.match(text, /"DateString":"2026-10-01T00:00:00"/);
  });

  it('answers unknown ids with Xero’s plain-text 404', async () => {
    for (const path of [
      '/Invoices/11111111-1111-4111-8111-111111111111',
      '/Invoices/INV-9999',
      '/Contacts/NOPE',
      '/Items/NOPE',
      '/Quotes/11111111-1111-4111-8111-111111111111',
    ]) {
      const { status, text } = await get(path);
      assert.equal(status, 404, path);
      assert.equal(text, "The resource you're looking for cannot be found");
    }
  });
});

describe('reference data', () => {
  it('lists accounts with where and order', async () => {
    const { json } = await get(
      '/Accounts?where=' +
        encodeURIComponent('Status=="ACTIVE" AND Type=="REVENUE"') +
        '&order=Code DESC',
    );
    assert.deepEqual(
      json['Accounts'].map((a: Json) => a.Code),
      ['270', '260', '200'],
    );
    const rounding = (
      await get('/Accounts?where=' + encodeURIComponent('SystemAccount=="ROUNDING"'))
    ).json['Accounts'];
    assert.deepEqual(
      rounding.map((a: Json) => a.Code),
      ['860'],
    );
  });

  it('lists tax rates, currencies, branding themes and tracking categories', async () => {
    const rates = (
      await get(
        '/TaxRates?where=' + encodeURIComponent('Status=="ACTIVE" && CanApplyToRevenue==true'),
      )
    ).json['TaxRates'];
    assert.deepEqual(
      rates.map((r: Json) => r.TaxType),
      ['OUTPUT2', 'NONE', 'ZERORATED', 'EXEMPTOUTPUT', 'TAX001'],
    );
    assert.equal(rates.find((r: Json) => r.TaxType === 'TAX001').EffectiveRate, 9);
    assert.deepEqual(
      (await get('/Currencies')).json['Currencies'].map((c: Json) => c.Code),
      ['NZD', 'AUD', 'USD'],
    );
    assert.deepEqual(
      (await get('/Currencies', {}, DEMO_TENANT_B)).json['Currencies'].map((c: Json) => c.Code),
      ['NZD'],
    );
    const themes = (await get('/BrandingThemes?order=SortOrder')).json['BrandingThemes'];
    assert.deepEqual(
      themes.map((t: Json) => [t.Name, t.SortOrder]),
      [
        ['Standard', 0],
        ['Special Projects', 1],
      ],
    );
    const [region] = (await get('/TrackingCategories')).json['TrackingCategories'];
    assert.deepEqual(
      [region.Name, region.Options.map((o: Json) => o.Name)],
      ['Region', ['North', 'South']],
    );
  });

  it('PUT /Currencies enables one, after which EUR invoices are accepted', async () => {
    const refused = await put('/Invoices', {
      Invoices: [
        {
          Type: 'ACCREC',
          CurrencyCode: 'EUR',
          Contact: { Name: 'Cash Sales' },
          LineItems: [{ Description: 'x', UnitAmount: 1 }],
        },
      ],
    });
    assert.equal(
      refused.json['Elements'][0].ValidationErrors[0].Message,
      'Organisation is not subscribed to currency EUR',
    );
    assert.equal((await put('/Currencies', { Code: 'EUR' })).status, 200);
    const accepted = await put('/Invoices', {
      Invoices: [
        {
          Type: 'ACCREC',
          CurrencyCode: 'EUR',
          Contact: { Name: 'Cash Sales' },
          LineItems: [{ Description: 'x', UnitAmount: 1 }],
        },
      ],
    });
    assert.equal(accepted.status, 200);
  });
});

describe('contacts reads', () => {
  it('hides ARCHIVED contacts unless includeArchived=true', async () => {
    const names = async (query: string) =>
      (await get(`/Contacts${query}`)).json['Contacts'].map((c: Json) => c.Name);
    assert.ok(!(await names('')).includes('Harbour Freight Co'));
    assert.ok((await names('?includeArchived=true')).includes('Harbour Freight Co'));
  });

  it('always returns both address types and four phone types', async () => {
    const [contact] = (await get('/Contacts?where=' + encodeURIComponent('Name=="Cash Sales"')))
      .json['Contacts'];
    assert.deepEqual(
      contact.Addresses.map((a: Json) => a.AddressType),
      ['POBOX', 'STREET'],
    );
    assert.deepEqual(
      contact.Phones.map((p: Json) => p.PhoneType),
      ['DEFAULT', 'DDI', 'FAX', 'MOBILE'],
    );
  });

  it('routes GUIDs to ContactID and anything else to ContactNumber', async () => {
    const byNumber = (await get('/Contacts/PD-ORG-3')).json['Contacts'];
    assert.equal(byNumber.length, 1);
    assert.equal(byNumber[0].Name, 'Tui Analytics');
    const byId = (await get(`/Contacts/${byNumber[0].ContactID}`)).json['Contacts'];
    assert.equal(byId[0].ContactNumber, 'PD-ORG-3');
  });

  it('lists contact groups with their Status, and adds members once (docs/vendors/xero.md §8.1)', async () => {
    const groups = (await get('/ContactGroups')).json['ContactGroups'];
    assert.deepEqual(
      groups.map((g: Json) => [g.Name, g.Status]),
      [
        ['Pipedrive customers', 'ACTIVE'],
        ['Old prospects', 'DELETED'],
      ],
    );
    const active = (await get('/ContactGroups?where=' + encodeURIComponent('Status=="ACTIVE"')))
      .json['ContactGroups'];
    assert.deepEqual(
      active.map((g: Json) => g.Name),
      ['Pipedrive customers'],
    );
    const id = groups[0].ContactGroupID;
    const [tui] = (await get('/Contacts/PD-ORG-3')).json['Contacts'];
    const body = { Contacts: [{ ContactID: tui.ContactID }] };
    assert.equal((await put(`/ContactGroups/${id}/Contacts`, body)).status, 200);
    const again = await put(`/ContactGroups/${id}/Contacts`, body);
    assert.equal(again.status, 200);
    assert.equal(again.json['Contacts'][0].ContactID, tui.ContactID);
    const [group] = (await get(`/ContactGroups/${id}`)).json['ContactGroups'];
    assert.deepEqual(
      group.Contacts.map((c: Json) => c.Name),
      ['Tui Analytics'],
    );
    const [contact] = (await get(`/Contacts/${tui.ContactID}`)).json['Contacts'];
    assert.deepEqual(
      contact.ContactGroups.map((g: Json) => g.Name),
      ['Pipedrive customers'],
    );

    const unknownGroup = await server.api(
      DEMO_TENANT_A,
      'PUT',
      '/ContactGroups/11111111-1111-4111-8111-111111111111/Contacts',
      body,
    );
    assert.equal(unknownGroup.status, 404);
    assert.equal(await unknownGroup.text(), "The resource you're looking for cannot be found");
    const unknownContact = await put(`/ContactGroups/${id}/Contacts`, {
      Contacts: [{ ContactID: '11111111-1111-4111-8111-111111111111' }],
    });
    assert.equal(unknownContact.status, 400);
    assert.deepEqual(unknownContact.json['Elements'][0].ValidationErrors, [
      {
        Message:
          'The contact with ContactID 11111111-1111-4111-8111-111111111111 could not be found.',
      },
    ]);
  });

  it('filters by searchTerm, IDs and summaryOnly', async () => {
    const found = (await get('/Contacts?searchTerm=KAURIDIGITAL')).json['Contacts'];
    assert.deepEqual(
      found.map((c: Json) => c.Name),
      ['Kauri Digital Ltd'],
    );
    const ids = (await get(`/Contacts?IDs=${found[0].ContactID}`)).json['Contacts'];
    assert.equal(ids.length, 1);
    const summary = (await get('/Contacts?summaryOnly=true')).json['Contacts'];
    assert.equal(summary[0].Addresses, undefined);
  });

  it('pages with page/pageSize and reports pagination', async () => {
    const batch = Array.from({ length: 7 }, (_, i) => ({
      Name: `Paged ${String(i).padStart(2, '0')}`,
    }));
    assert.equal((await put('/Contacts', { Contacts: batch })).status, 200);
    const page2 = (
      await get(
        '/Contacts?page=2&pageSize=3&order=Name ASC&where=' +
          encodeURIComponent('Name.StartsWith("Paged")'),
      )
    ).json;
    assert.deepEqual(page2['pagination'], { page: 2, pageSize: 3, pageCount: 3, itemCount: 7 });
    assert.deepEqual(
      page2['Contacts'].map((c: Json) => c.Name),
      ['Paged 03', 'Paged 04', 'Paged 05'],
    );
    const capped = (await get('/Contacts?page=1&pageSize=5000')).json['pagination'];
    assert.equal(capped.pageSize, 1000);
    assert.equal((await get('/Contacts')).json['pagination'], undefined);
  });

  it('If-Modified-Since returns only records changed since', async () => {
    server.clock.advance(60_000);
    const since = new Date(server.clock.now()).toISOString().slice(0, 19);
    server.clock.advance(1_000);
    await put('/Contacts', { Contacts: [{ Name: 'Changed Later' }] });
    const changed = (await get('/Contacts', { 'If-Modified-Since': since })).json['Contacts'];
    assert.deepEqual(
      changed.map((c: Json) => c.Name),
      ['Changed Later'],
    );
  });

  it('rejects a where clause naming an unknown field with a readable 400', async () => {
    const { status, json } = await get('/Contacts?where=' + encodeURIComponent('Colour=="red"'));
    assert.equal(status, 400);
    assert.equal(json['Message'], "No property or field 'Colour' exists in type 'Contact'");
  });
});

describe('invoice and item reads', () => {
  const seedInvoices = async () => {
    const line = { Description: 'x', Quantity: 1, UnitAmount: 10, AccountCode: '200' };
    await put('/Invoices', {
      Invoices: [
        { Type: 'ACCREC', Contact: { Name: 'Cash Sales' }, Reference: 'Deal 1', LineItems: [line] },
        {
          Type: 'ACCREC',
          Contact: { ContactNumber: 'PD-ORG-3' },
          Status: 'AUTHORISED',
          LineItems: [line, line],
        },
        {
          Type: 'ACCPAY',
          Contact: { Name: 'Tasman Supplies' },
          LineItems: [{ ...line, AccountCode: '400' }],
        },
      ],
    });
  };

  it('omits line items on a list GET without page, includes them with page', async () => {
    await seedInvoices();
    const unpaged = (await get('/Invoices')).json['Invoices'];
    assert.equal(unpaged.length, 3);
    assert.ok(unpaged.every((invoice: Json) => invoice.LineItems.length === 0));
    const paged = (await get('/Invoices?page=1')).json['Invoices'];
    assert.deepEqual(
      paged.map((invoice: Json) => invoice.LineItems.length),
      [1, 2, 1],
    );
  });

  it('filters by Statuses, InvoiceNumbers, ContactIDs, searchTerm, where and order', async () => {
    await seedInvoices();
    const numbers = async (query: string) =>
      (await get(`/Invoices?${query}`)).json['Invoices'].map((i: Json) => i.InvoiceNumber);
    assert.deepEqual(await numbers('Statuses=AUTHORISED'), ['INV-0002']);
    assert.deepEqual(await numbers('InvoiceNumbers=INV-0001,INV-0002'), ['INV-0001', 'INV-0002']);
    assert.deepEqual(await numbers('searchTerm=deal'), ['INV-0001']);
    assert.deepEqual(
      await numbers('where=' + encodeURIComponent('Type=="ACCREC" AND Total > 20')),
      ['INV-0002'],
    );
    assert.deepEqual(
      await numbers('where=' + encodeURIComponent('Type=="ACCREC"') + '&order=Total DESC'),
      ['INV-0002', 'INV-0001'],
    );
    const tui = (await get('/Contacts/PD-ORG-3')).json['Contacts'][0];
    assert.deepEqual(await numbers(`ContactIDs=${tui.ContactID}`), ['INV-0002']);
    assert.deepEqual(await numbers('createdByMyApp=true&Statuses=DRAFT'), ['INV-0001', '']);
    assert.equal(tui.IsCustomer, true);
  });

  it('GET /Invoices/{number} and /{id} return a one-element array', async () => {
    await seedInvoices();
    const byNumber = (await get('/Invoices/INV-0002')).json['Invoices'];
    assert.equal(byNumber.length, 1);
    const byId = (await get(`/Invoices/${byNumber[0].InvoiceID}`)).json['Invoices'];
    assert.equal(byId[0].InvoiceNumber, 'INV-0002');
  });

  it('lists items unpaged with where/order, and by code', async () => {
    const { json } = await get(
      '/Items?where=' + encodeURIComponent('IsSold==true') + '&order=Code DESC&page=1',
    );
    assert.deepEqual(
      json['Items'].map((i: Json) => i.Code),
      ['TRAIN-DAY', 'LIC-STD', 'IMPL-PKG', 'GEN-SVC', 'CONS-HR'],
    );
    assert.equal(json['pagination'], undefined);
    const [item] = (await get('/Items/CONS-HR', {}, DEMO_TENANT_B)).json['Items'];
    assert.equal(item.SalesDetails.UnitPrice, 165);
  });
});

describe('control routes', () => {
  it('records payments until PAID and archives contacts', async () => {
    const created = await put('/Invoices', {
      Invoices: [
        {
          Type: 'ACCREC',
          Status: 'AUTHORISED',
          Contact: { Name: 'Cash Sales' },
          LineItems: [{ Description: 'x', UnitAmount: 100, AccountCode: '200' }],
        },
      ],
    });
    const id = created.json['Invoices'][0].InvoiceID;
    const pay = (amount: number) =>
      fetch(`${server.url}/__sandbox/xero/tenants/${DEMO_TENANT_A}/invoices/${id}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount }),
      });
    assert.equal((await pay(15)).status, 200);
    const paid = (await (await pay(100)).json()) as Json;
    assert.deepEqual(
      [paid['invoice'].Status, paid['invoice'].AmountDue, paid['invoice'].AmountPaid],
      ['PAID', 0, 115],
    );
    assert.equal((await pay(1)).status, 409);
    assert.deepEqual(
      server.events.slice(-2).map((e) => `${e.category} ${e.type}`),
      ['INVOICE UPDATE', 'INVOICE UPDATE'],
    );

    const docs = (await (
      await fetch(`${server.url}/__sandbox/xero/tenants/${DEMO_TENANT_A}/documents`)
    ).json()) as Json;
    assert.equal(docs['invoices'][0].LineItems.length, 1);

    const cash = (await get('/Contacts?where=' + encodeURIComponent('Name=="Cash Sales"'))).json[
      'Contacts'
    ][0];
    const archived = await fetch(
      `${server.url}/__sandbox/xero/tenants/${DEMO_TENANT_A}/contacts/${cash.ContactID}/archive`,
      { method: 'POST' },
    );
    assert.equal(archived.status, 200);
    assert.equal(
      (await get('/Contacts?where=' + encodeURIComponent('Name=="Cash Sales"'))).json['Contacts']
        .length,
      0,
    );
  });
});
