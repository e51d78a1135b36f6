import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { XeroApiError, XeroValidationError } from '../../src/xero/errors.js';
import type { XeroInvoice } from '../../src/xero/types.js';
import { type ClientHarness, connectCompany, startClientHarness } from './xero-client-harness.js';

const harnesses: ClientHarness[] = [];
after(() => Promise.all(harnesses.map((harness) => harness.close())));

async function start(...args: Parameters<typeof startClientHarness>) {
  const harness = await startClientHarness(...args);
  harnesses.push(harness);
  await connectCompany(harness);
  return harness;
}

async function addFault(harness: ClientHarness, rule: Record<string, unknown>) {
  const response = await fetch(`${harness.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  assert.equal(response.status, 201);
}

const draft = (reference: string, accountCode = '200'): XeroInvoice => ({
  Type: 'ACCREC',
  Status: 'DRAFT',
  Contact: { Name: 'Tui Analytics' },
  Date: '2026-01-05',
  DueDate: '2026-02-05',
  LineAmountTypes: 'Exclusive',
  Reference: reference,
  LineItems: [
    {
      Description: 'Consulting',
      Quantity: 2,
      UnitAmount: 99.995,
      AccountCode: accountCode,
      TaxType: 'OUTPUT2',
    },
  ],
});

describe('Xero Accounting calls through the client', () => {
  it('sends Accept, the tenant and the bearer on reads; summarizeErrors, unitdp and the key on writes', async () => {
    const harness = await start();
    await harness.client.getOrganisation(harness.ref);
    const result = await harness.client.createInvoice(harness.ref, draft('deal-1'), {
      idempotencyKey: 'deal-1:invoice:1',
    });
    assert.ok(result.ok);
    const [read, write] = await harness.requests('/api.xro/2.0');
    const stored = await harness.store.load(harness.ref.companyId);
    for (const request of [read, write]) {
      assert.equal(request?.headers.accept, 'application/json');
      assert.equal(request?.headers['xero-tenant-id'], harness.ref.tenantId);
      assert.equal(request?.headers.authorization, `Bearer ${stored?.accessToken}`);
    }
    assert.equal(read?.headers['idempotency-key'], undefined);
    assert.equal(write?.method, 'PUT');
    assert.equal(write?.headers['idempotency-key'], 'deal-1:invoice:1');
    const query = new URL(write?.url ?? '', harness.url).searchParams;
    assert.equal(query.get('summarizeErrors'), 'false');
    assert.equal(query.get('unitdp'), '4');
  });

  it('creates a DRAFT invoice and finds it again by its reference', async () => {
    const harness = await start();
    const created = await harness.client.createInvoice(
      harness.ref,
      draft('Pipedrive deal 7 "big"'),
      {
        idempotencyKey: 'k-7',
      },
    );
    assert.ok(created.ok, JSON.stringify(created));
    assert.equal(created.status, 'OK');
    assert.equal(created.element.Status, 'DRAFT');
    assert.equal(
      created.element.LineItems?.[0]?.UnitAmount,
      99.995,
      'unitdp=4 kept the 3rd decimal',
    );
    assert.equal(created.element.Total, 229.99);

    const found = await harness.client.findInvoicesByReference(
      harness.ref,
      'Pipedrive deal 7 "big"',
    );
    assert.deepEqual(
      found.map((invoice) => invoice.InvoiceID),
      [created.element.InvoiceID],
    );
    assert.deepEqual(
      await harness.client.findInvoicesByReference(harness.ref, 'Pipedrive deal 8'),
      [],
    );
    const again = await harness.client.getInvoice(harness.ref, created.element.InvoiceID!);
    assert.equal(again?.Reference, 'Pipedrive deal 7 "big"');
    assert.equal(
      await harness.client.getInvoice(harness.ref, '00000000-0000-4000-8000-000000000001'),
      undefined,
    );

    const replay = await harness.client.createInvoice(
      harness.ref,
      draft('Pipedrive deal 7 "big"'),
      {
        idempotencyKey: 'k-7',
      },
    );
    assert.ok(replay.ok);
    assert.equal(replay.element.InvoiceID, created.element.InvoiceID, 'same key → Xero replays');

    const note = await harness.client.addHistoryNote(
      harness.ref,
      { kind: 'invoice', id: created.element.InvoiceID! },
      'Created from Pipedrive deal 7',
      { idempotencyKey: 'k-7-note' },
    );
    assert.ok(note.ok);
    const contactId = created.element.Contact?.ContactID ?? '';
    const forContact = await harness.client.getInvoicesForContact(harness.ref, contactId);
    assert.deepEqual(
      forContact.invoices.map((i) => i.InvoiceID),
      [created.element.InvoiceID],
    );
  });

  it('creates a DRAFT quote and finds it by reference, narrowed to its contact', async () => {
    const harness = await start();
    const [contact] = await harness.client.findContacts(harness.ref, { contactNumber: 'PD-ORG-3' });
    assert.equal(contact?.Name, 'Tui Analytics');
    const created = await harness.client.createQuote(
      harness.ref,
      {
        Contact: { ContactID: contact!.ContactID! },
        Date: '2026-01-05',
        LineAmountTypes: 'EXCLUSIVE',
        Reference: 'deal-9',
        LineItems: [{ Description: 'Audit', Quantity: 1, UnitAmount: 500, AccountCode: '200' }],
      },
      { idempotencyKey: 'q-9' },
    );
    assert.ok(created.ok, JSON.stringify(created));
    const found = await harness.client.findQuotesByReference(harness.ref, 'deal-9', {
      contactId: contact!.ContactID!,
    });
    assert.deepEqual(
      found.map((quote) => quote.QuoteID),
      [created.element.QuoteID],
    );
    assert.equal(
      (await harness.client.getQuote(harness.ref, created.element.QuoteID!))?.Status,
      'DRAFT',
    );
  });

  it("maps per-element errors and 400 ValidationExceptions to Xero's own messages", async () => {
    const harness = await start();
    const [good, bad] = await harness.client.createInvoices(
      harness.ref,
      [draft('ok-1'), draft('bad-1', '999')],
      { idempotencyKey: 'batch-1' },
    );
    assert.equal(good?.ok, true);
    assert.equal(bad?.ok, false);
    assert.deepEqual(bad?.ok === false && bad.messages, [
      "Account code '999' is not a valid code for this document.",
    ]);

    await assert.rejects(
      harness.client.addHistoryNote(
        harness.ref,
        { kind: 'quote', id: '00000000-0000-4000-8000-000000000002' },
        'note',
        { idempotencyKey: 'n-1' },
      ),
      (error: unknown) => {
        assert.ok(error instanceof XeroValidationError);
        assert.equal(error.status, 400);
        assert.equal(error.retryable, false);
        assert.deepEqual(error.messages, [
          'The document with the supplied id was not found for this endpoint.',
        ]);
        assert.match(error.message, /PUT \/Quotes\/.*\/History/);
        return true;
      },
    );
  });

  it('waits out an injected 429 for its Retry-After, then retries', async () => {
    const harness = await start();
    await addFault(harness, { kind: '429', path: '/api.xro/2.0/Organisation', retryAfter: 7 });
    assert.ok(await harness.client.getOrganisation(harness.ref));
    const calls = await harness.requests('/api.xro/2.0/Organisation');
    assert.deepEqual(
      calls.map((r) => r.status),
      [429, 200],
    );
    assert.deepEqual(harness.waits, [7000]);
  });

  it('gives up on a 429 whose Retry-After is too long, saying how long to wait', async () => {
    const harness = await start();
    await addFault(harness, { kind: '429', path: '/api.xro/2.0/TaxRates', retryAfter: 3600 });
    await assert.rejects(harness.client.getTaxRates(harness.ref), (error: unknown) => {
      assert.ok(error instanceof XeroApiError);
      assert.equal(error.code, 'xero_rate_limited');
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, 3_600_000);
      return true;
    });
    assert.deepEqual(harness.waits, []);
    assert.equal((await harness.requests('/api.xro/2.0/TaxRates')).length, 1);
  });

  it('reports 5xx as retryable and an unconnected tenant as forbidden', async () => {
    const harness = await start();
    await addFault(harness, { kind: '503', path: '/api.xro/2.0/Currencies' });
    await assert.rejects(harness.client.getCurrencies(harness.ref), {
      code: 'xero_unavailable',
      status: 503,
      retryable: true,
    });
    await assert.rejects(
      harness.client.getCurrencies({
        ...harness.ref,
        tenantId: '8b3f4c5d-6e7f-4081-ac9d-1e2f3a4b5c6d',
      }),
      { code: 'xero_tenant_forbidden', status: 403 },
    );
    assert.ok(
      (await harness.client.getCurrencies({ ...harness.ref, tenantId: DEMO_TENANT_B })).length > 0,
    );
  });

  it('reads the reference data the mapping needs', async () => {
    const harness = await start();
    const [accounts, rates, themes, tracking, items] = await Promise.all([
      harness.client.getAccounts(harness.ref, 'Type=="REVENUE"'),
      harness.client.getTaxRates(harness.ref),
      harness.client.getBrandingThemes(harness.ref),
      harness.client.getTrackingCategories(harness.ref),
      harness.client.getItems(harness.ref),
    ]);
    assert.ok(accounts.every((account) => account.Type === 'REVENUE') && accounts.length > 0);
    assert.ok(rates.some((rate) => rate.TaxType === 'OUTPUT2'));
    assert.equal(themes[0]?.Name, 'Standard');
    assert.ok(tracking.length > 0);
    const code = items[0]?.Code ?? '';
    assert.deepEqual(
      (await harness.client.getItems(harness.ref, [code])).map((i) => i.Code),
      [code],
    );
  });
});

/** Holds every Accounting call for a few event-loop turns and records how many overlap. */
function overlapMeter() {
  let inFlight = 0;
  const meter = {
    max: 0,
    register(scope: FastifyInstance) {
      scope.addHook('preHandler', async () => {
        inFlight += 1;
        meter.max = Math.max(meter.max, inFlight);
        for (let turn = 0; turn < 30; turn++) await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
      });
    },
  };
  return meter;
}

describe('per-tenant concurrency', () => {
  it('never has more than 5 calls in flight for one tenant, so 20 parallel calls meet no 429', async () => {
    const meter = overlapMeter();
    const harness = await start({ sandbox: { extraAccountingRoutes: meter.register } });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => harness.client.getOrganisation(harness.ref)),
    );
    assert.equal(results.length, 20);
    // Background calls keep one of the five for calls a person waits on (xero/rate-budget.ts).
    assert.equal(meter.max, 4, 'four at a time, no more and (to show the test bites) no fewer');
    const statuses = (await harness.requests('/api.xro/2.0')).map((r) => r.status);
    assert.deepEqual(statuses, Array(20).fill(200));
  });

  it('without the limit the same load draws concurrent 429s (the check above can fail)', async () => {
    const meter = overlapMeter();
    const harness = await start({
      sandbox: { extraAccountingRoutes: meter.register },
      limiter: { maxConcurrent: 20 },
    });
    // Some calls give up after three concurrent 429s; what matters is that Xero refused any.
    await Promise.allSettled(
      Array.from({ length: 20 }, () => harness.client.getOrganisation(harness.ref)),
    );
    const refused = (await harness.requests('/api.xro/2.0')).filter((r) => r.status === 429);
    assert.ok(refused.length > 0);
    assert.ok(harness.waits.includes(1000), 'concurrent 429s (no Retry-After) wait a second');
  });
});
