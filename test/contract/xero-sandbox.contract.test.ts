import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { listenSandbox, type RunningSandbox } from '../../sandbox/common/server.js';
import { buildXeroSandbox } from '../../sandbox/xero/server.js';
import { intentToReceiveRequest } from '../../sandbox/xero/webhooks/intent-to-receive.js';
import { randomEntropy, toWebhookEvent } from '../../sandbox/xero/webhooks/payload.js';
import { getCode, postToken, REDIRECT_URI, refresh } from '../integration/xero-sandbox-helpers.js';
import {
  assertValid,
  type SpecDeviation,
  type SpecName,
  specsAvailable,
  validateRequestBody,
  validateResponse,
  validateSchema,
} from '../support/openapi.js';

// Every Xero route the app uses, called on the real sandbox over HTTP, each response (status and
// body) validated against Xero's own OpenAPI files. Requests are validated too, so the sandbox is
// only ever judged on spec-valid input. Statuses the spec does not document (401, 403, 404 text,
// 429, 500) are not contract-testable here; the sandbox's own integration tests cover them.

const skip = specsAvailable();

// Where Xero's spec is wrong about what Xero sends. Each entry forgives one keyword at one place.
const DEVIATIONS: SpecDeviation[] = [
  ...['createdDateUtc', 'updatedDateUtc'].map((field) => ({
    spec: 'xero-identity' as const,
    operationId: 'getConnections',
    at: `/*/${field}`,
    keyword: 'format',
    why: 'docs/vendors/xero.md §1.4: connection timestamps are ISO strings without Z (as in the spec example)',
  })),
  {
    spec: 'xero-webhooks',
    at: '/events/*/eventDateUtc',
    keyword: 'format',
    why: 'docs/vendors/xero.md §14: eventDateUtc has no Z (as in the spec example)',
  },
];

// Only for Intent to Receive posts: a regular batch with sequence 0 would be a sandbox bug.
const INTENT_TO_RECEIVE_DEVIATIONS: SpecDeviation[] = [
  ...['firstEventSequence', 'lastEventSequence'].map((field) => ({
    spec: 'xero-webhooks' as const,
    at: `/${field}`,
    keyword: 'minimum',
    why: 'docs/vendors/xero.md §14: Intent to Receive posts have firstEventSequence and lastEventSequence 0',
  })),
];

const SCOPES =
  'openid profile email offline_access accounting.transactions accounting.contacts accounting.settings';
const API = '/api.xro/2.0';

interface Reply {
  status: number;
  contentType: string;
  /** Parsed JSON; undefined when the response was not JSON or empty. */
  body: any;
}

describe('Xero sandbox against the Xero OpenAPI specs', { skip }, () => {
  let running: RunningSandbox;
  let tokens: Record<string, unknown>;
  let accessToken: string;
  let connections: Reply;
  let tenantId: string;

  before(async () => {
    running = await listenSandbox(buildXeroSandbox(), 0);
    const code = await getCode(running.url, { scope: SCOPES, state: 'x' });
    const token = await postToken(running.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
    });
    assert.equal(token.status, 200);
    tokens = (await token.json()) as Record<string, unknown>;
    accessToken = String(tokens['access_token']);
    connections = await send('GET', '/connections');
    tenantId = connections.body[0].tenantId;
  });
  after(() => running.close());

  async function send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const json = contentType.includes('json') && text !== '' ? JSON.parse(text) : undefined;
    return { status: response.status, contentType, body: json };
  }

  /** An Accounting API call for the demo tenant; a request body must itself fit the spec. */
  async function accounting(method: string, path: string, body?: unknown): Promise<Reply> {
    if (body !== undefined)
      assertValid(validateRequestBody('xero-accounting', method, API + path, body));
    return send(method, API + path, body, { 'xero-tenant-id': tenantId });
  }

  function assertMatches(
    spec: SpecName,
    method: string,
    path: string,
    reply: Reply,
    status: number,
  ) {
    assert.equal(reply.status, status, `${method} ${path}: ${JSON.stringify(reply.body)}`);
    assertValid(validateResponse(spec, method, path, reply.status, reply.body, DEVIATIONS));
  }

  const accountingMatches = (method: string, path: string, reply: Reply, status = 200) =>
    assertMatches('xero-accounting', method, API + path, reply, status);

  describe('identity', () => {
    it('token response matches AccessToken', () => {
      assertValid(validateSchema('xero-identity', 'AccessToken', tokens));
    });

    it('refreshed token response matches AccessToken', async () => {
      const refreshed = await refresh(running.url, String(tokens['refresh_token']));
      assert.equal(refreshed.status, 200);
      const body = (await refreshed.json()) as Record<string, unknown>;
      assertValid(validateSchema('xero-identity', 'AccessToken', body));
      accessToken = String(body['access_token']);
    });

    it('GET /connections matches getConnections', () => {
      assertMatches('xero-identity', 'GET', '/connections', connections, 200);
      assert.ok(connections.body.length >= 2, 'the demo login connects two organisations');
    });
  });

  describe('reference data', () => {
    const reads: [string, string?][] = [
      ['/Organisation'],
      ['/Accounts?where=' + encodeURIComponent('Status=="ACTIVE"')],
      ['/TaxRates'],
      ['/Currencies'],
      ['/BrandingThemes'],
      ['/TrackingCategories'],
    ];
    for (const [path, todo] of reads) {
      it(`GET ${path} matches the spec`, todo === undefined ? {} : { todo }, async () => {
        accountingMatches('GET', path, await accounting('GET', path));
      });
    }
  });

  describe('contacts', () => {
    let contactId: string;

    it('PUT /Contacts creates a contact', async () => {
      const body = {
        Contacts: [
          {
            Name: 'Contract Test Ltd',
            ContactNumber: 'PD-ORG-901',
            EmailAddress: 'ap@contract.example',
          },
        ],
      };
      const reply = await accounting('PUT', '/Contacts', body);
      accountingMatches('PUT', '/Contacts', reply);
      contactId = reply.body.Contacts[0].ContactID;
    });

    it('GET /Contacts by where, by id, by ContactNumber and paged', async () => {
      for (const path of [
        '/Contacts?where=' + encodeURIComponent('Name=="Contract Test Ltd"'),
        `/Contacts/${contactId}`,
        '/Contacts/PD-ORG-901',
        '/Contacts?page=1&pageSize=50&includeArchived=true',
        '/Contacts?searchTerm=contract&summaryOnly=true',
      ]) {
        accountingMatches('GET', path, await accounting('GET', path));
      }
    });

    it('POST /Contacts/{id} updates it', async () => {
      const path = `/Contacts/${contactId}`;
      const body = {
        Contacts: [{ ContactID: contactId, EmailAddress: 'accounts@contract.example' }],
      };
      accountingMatches('POST', path, await accounting('POST', path, body));
    });

    it('a duplicate name is a 400 ValidationException, or per element with summarizeErrors=false', async () => {
      const body = { Contacts: [{ Name: 'Contract Test Ltd' }] };
      const summarised = await accounting('PUT', '/Contacts', body);
      accountingMatches('PUT', '/Contacts', summarised, 400);
      assert.equal(summarised.body.Type, 'ValidationException');
      const perElement = await accounting('PUT', '/Contacts?summarizeErrors=false', body);
      accountingMatches('PUT', '/Contacts?summarizeErrors=false', perElement, 200);
    });

    it('GET /ContactGroups, PUT /ContactGroups/{id}/Contacts, GET the group and the contact', async () => {
      const list = await accounting('GET', '/ContactGroups');
      accountingMatches('GET', '/ContactGroups', list);
      const group = list.body.ContactGroups.find((entry: any) => entry.Status === 'ACTIVE');
      assert.ok(group, 'the demo organisation has an active contact group');
      const active = '/ContactGroups?where=' + encodeURIComponent('Status=="ACTIVE"');
      accountingMatches('GET', active, await accounting('GET', active));
      const members = `/ContactGroups/${group.ContactGroupID}/Contacts`;
      const added = await accounting('PUT', members, { Contacts: [{ ContactID: contactId }] });
      accountingMatches('PUT', members, added);
      const one = `/ContactGroups/${group.ContactGroupID}`;
      const read = await accounting('GET', one);
      accountingMatches('GET', one, read);
      assert.deepEqual(
        read.body.ContactGroups[0].Contacts.map((contact: any) => contact.ContactID),
        [contactId],
      );
      const contact = await accounting('GET', `/Contacts/${contactId}`);
      accountingMatches('GET', `/Contacts/${contactId}`, contact);
      assert.deepEqual(
        contact.body.Contacts[0].ContactGroups.map((entry: any) => entry.ContactGroupID),
        [group.ContactGroupID],
      );
      const unknown = await accounting('PUT', members, {
        Contacts: [{ ContactID: '00000000-0000-4000-8000-000000000000' }],
      });
      accountingMatches('PUT', members, unknown, 400);
      assert.equal(unknown.body.Type, 'ValidationException');
    });
  });

  describe('items', () => {
    let itemId: string;

    it('PUT /Items creates an item; GET and POST /Items/{id}', async () => {
      const item = {
        Code: 'CT-ITEM-1',
        Name: 'Contract item',
        SalesDetails: { UnitPrice: 180, AccountCode: '200', TaxType: 'OUTPUT2' },
      };
      const created = await accounting('PUT', '/Items', { Items: [item] });
      accountingMatches('PUT', '/Items', created);
      itemId = created.body.Items[0].ItemID;
      accountingMatches('GET', `/Items/${itemId}`, await accounting('GET', `/Items/${itemId}`));
      const path = '/Items?where=' + encodeURIComponent('Code=="CT-ITEM-1"');
      accountingMatches('GET', path, await accounting('GET', path));
      const update = { Items: [{ Code: 'CT-ITEM-1', Name: 'Contract item (renamed)' }] };
      accountingMatches(
        'POST',
        `/Items/${itemId}`,
        await accounting('POST', `/Items/${itemId}`, update),
      );
      accountingMatches('POST', '/Items', await accounting('POST', '/Items', update));
    });

    it('a duplicate code is a 400 ValidationException', async () => {
      const reply = await accounting('PUT', '/Items', {
        Items: [{ Code: 'CT-ITEM-1', Name: 'Again' }],
      });
      accountingMatches('PUT', '/Items', reply, 400);
    });
  });

  describe('invoices and quotes', () => {
    const contact = { Name: 'Kauri Digital Ltd' };
    const line = {
      Description: 'Consulting hour',
      Quantity: 2.5,
      UnitAmount: 180,
      AccountCode: '200',
      TaxType: 'OUTPUT2',
      DiscountRate: 10,
    };
    let invoiceId: string;
    let quoteId: string;

    it('PUT /Invoices creates a DRAFT ACCREC invoice; GET it by id, number and Reference', async () => {
      const invoice = {
        Type: 'ACCREC',
        Contact: contact,
        Status: 'DRAFT',
        Reference: 'PD-DEAL-901',
        Date: '2026-11-25',
        DueDate: '2026-12-25',
        LineAmountTypes: 'Exclusive',
        CurrencyCode: 'NZD',
        LineItems: [line],
      };
      const created = await accounting('PUT', '/Invoices?unitdp=4', { Invoices: [invoice] });
      accountingMatches('PUT', '/Invoices', created);
      invoiceId = created.body.Invoices[0].InvoiceID;
      const number = created.body.Invoices[0].InvoiceNumber;
      for (const path of [
        `/Invoices/${invoiceId}`,
        `/Invoices/${number}`,
        '/Invoices?where=' + encodeURIComponent('Reference=="PD-DEAL-901"') + '&page=1',
        '/Invoices?Statuses=DRAFT&createdByMyApp=true',
      ]) {
        accountingMatches('GET', path, await accounting('GET', path));
      }
    });

    it('POST /Invoices/{id} updates the draft', async () => {
      const path = `/Invoices/${invoiceId}`;
      const body = {
        Invoices: [{ InvoiceID: invoiceId, Reference: 'PD-DEAL-901 v2', LineItems: [line] }],
      };
      accountingMatches('POST', path, await accounting('POST', path, body));
    });

    it('PUT and GET /Invoices/{id}/History', async () => {
      const path = `/Invoices/${invoiceId}/History`;
      const body = { HistoryRecords: [{ Details: 'Created from Pipedrive deal 901' }] };
      accountingMatches('PUT', path, await accounting('PUT', path, body));
      accountingMatches('GET', path, await accounting('GET', path));
    });

    it('GET /Invoices/{id}/OnlineInvoice for an approved invoice', async () => {
      const approved = {
        Type: 'ACCREC',
        Contact: contact,
        Status: 'AUTHORISED',
        Date: '2026-11-25',
        DueDate: '2026-12-25',
        LineItems: [line],
      };
      const created = await accounting('PUT', '/Invoices', { Invoices: [approved] });
      accountingMatches('PUT', '/Invoices', created);
      const path = `/Invoices/${created.body.Invoices[0].InvoiceID}/OnlineInvoice`;
      accountingMatches('GET', path, await accounting('GET', path));
    });

    it('an unknown account code is a 400 ValidationException, or per element with summarizeErrors=false', async () => {
      const body = {
        Invoices: [
          { Type: 'ACCREC', Contact: contact, LineItems: [{ ...line, AccountCode: '999' }] },
        ],
      };
      const summarised = await accounting('PUT', '/Invoices', body);
      accountingMatches('PUT', '/Invoices', summarised, 400);
      assert.match(JSON.stringify(summarised.body), /Account code '999' is not a valid code/);
      accountingMatches(
        'PUT',
        '/Invoices?summarizeErrors=false',
        await accounting('PUT', '/Invoices?summarizeErrors=false', body),
      );
    });

    it('PUT /Quotes creates a DRAFT quote; GET, POST and History on it', async () => {
      const quote = {
        Contact: contact,
        Date: '2026-11-25',
        ExpiryDate: '2026-12-25',
        Status: 'DRAFT',
        Title: 'Deal 901',
        Reference: 'PD-DEAL-901',
        LineAmountTypes: 'EXCLUSIVE',
        LineItems: [line],
      };
      const created = await accounting('PUT', '/Quotes', { Quotes: [quote] });
      accountingMatches('PUT', '/Quotes', created);
      quoteId = created.body.Quotes[0].QuoteID;
      const number = created.body.Quotes[0].QuoteNumber;
      for (const path of [`/Quotes/${quoteId}`, `/Quotes?QuoteNumber=${number}`]) {
        accountingMatches('GET', path, await accounting('GET', path));
      }
      const update = { Quotes: [{ ...quote, QuoteID: quoteId, Summary: 'Updated' }] };
      accountingMatches(
        'POST',
        `/Quotes/${quoteId}`,
        await accounting('POST', `/Quotes/${quoteId}`, update),
      );
      const history = { HistoryRecords: [{ Details: 'Created from Pipedrive deal 901' }] };
      const historyPath = `/Quotes/${quoteId}/History`;
      accountingMatches('PUT', historyPath, await accounting('PUT', historyPath, history));
    });
  });

  describe('webhooks (bodies the sandbox posts to the app)', () => {
    it('an event batch matches WebhookEvent', () => {
      const change = {
        tenantId,
        resourceId: '55d84274-a3da-4829-a7c0-0cab601b95cc',
        atMs: Date.UTC(2026, 10, 25),
      };
      const events = [
        toWebhookEvent(
          { ...change, category: 'INVOICE', type: 'CREATE' },
          `https://api.xero.com${API}`,
        ),
        toWebhookEvent(
          { ...change, category: 'CONTACT', type: 'UPDATE' },
          `https://api.xero.com${API}`,
        ),
      ];
      const batch = {
        events,
        firstEventSequence: 1,
        lastEventSequence: 2,
        entropy: randomEntropy(),
      };
      for (const webhook of ['invoices', 'contacts']) {
        assertValid(validateRequestBody('xero-webhooks', 'POST', webhook, batch, DEVIATIONS));
      }
    });

    it('an Intent to Receive body matches WebhookEvent', () => {
      const { body } = intentToReceiveRequest('key', true);
      assertValid(
        validateRequestBody(
          'xero-webhooks',
          'POST',
          'invoices',
          JSON.parse(body),
          INTENT_TO_RECEIVE_DEVIATIONS,
        ),
      );
    });
  });

  // Last: it disconnects an organisation.
  it('DELETE /connections/{id} answers 204, then 404 — both documented without a body', async () => {
    const second = connections.body.find((c: { tenantId: string }) => c.tenantId !== tenantId);
    const path = `/connections/${second.id}`;
    assertMatches('xero-identity', 'DELETE', path, await send('DELETE', path), 204);
    assertMatches('xero-identity', 'DELETE', path, await send('DELETE', path), 404);
  });
});
