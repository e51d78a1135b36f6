import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getRun } from '../../src/store/repos/runs.js';
import { OrgReferenceCache } from '../../src/sync/org-reference-cache.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import {
  accountingCalls,
  COMPANY_ID,
  SHORT_CODE,
  startSyncKit,
  type SyncKit,
} from '../support/sync-kit.js';
import { one } from '../support/vendor-shapes.js';

/**
 * documentForDeal end to end: real sandboxes over HTTP, the real clients, a real SQLite store.
 * Deal ids are the demo seed's (docs/demo-data.md): 1 Kauri Digital (exclusive, line discount),
 * 4 Pohutukawa Health (deal-level discounts), 7 Mere Parata (B2C), 13 Wētā Workshop (renewal).
 */

const cents = (value: number) => Math.round(value * 100);

describe('documentForDeal: deal → one DRAFT document', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  it('makes exactly one DRAFT invoice whose total is the deal value, notes it on the deal, counts it once', async (t) => {
    const cache = new OrgReferenceCache();
    const deps = kit.deps({}, cache);
    const job = await kit.newJob(1);
    const since = await kit.lastXeroSeq();
    const outcome = await documentForDeal(deps, job);
    const cold = accountingCalls(await kit.xeroRequests(since));
    t.diagnostic(
      `cold Xero calls (deal 1, contact matched by name): ${cold.length} — ${cold.join(', ')}`,
    );

    assert.equal(outcome.status, 'succeeded');
    assert.ok(outcome.status === 'succeeded' && !outcome.reused);
    const { invoices, quotes } = await kit.xeroDocuments();
    assert.equal(quotes.length, 0);
    assert.equal(invoices.length, 1);
    const invoice = invoices[0];
    assert.ok(invoice, 'invoice found');
    assert.equal(invoice.Status, 'DRAFT');
    assert.equal(invoice.Type, 'ACCREC');
    assert.equal(invoice.Contact.Name, 'Kauri Digital Ltd');
    assert.equal(invoice.LineAmountTypes, 'Exclusive');
    assert.match(invoice.Reference ?? '', /\[PD-1-stage-2\]$/);
    assert.deepEqual(
      invoice.LineItems.map((line) => [
        line.ItemCode,
        line.Quantity,
        line.UnitAmount,
        line.TaxType,
        line.DiscountRate ?? null,
      ]),
      [
        ['IMPL-PKG', 1, 4500, 'OUTPUT2', 10],
        ['CONS-HR', 10, 180, 'OUTPUT2', null],
      ],
    );
    const deal = await kit.sandboxDeal(1);
    assert.equal(
      cents(invoice.Total),
      cents(deal.value),
      `Xero ${invoice.Total} vs deal ${deal.value}`,
    );
    assert.ok(outcome.status === 'succeeded' && outcome.total === deal.value.toFixed(2));

    const notes = await kit.notes(1);
    assert.equal(notes.length, 1);
    const note = notes[0]!.content;
    assert.ok(note.includes(invoice.InvoiceNumber), note);
    assert.ok(note.includes('6,727.50 NZD'), note);
    assert.ok(
      note.includes(
        `https://go.xero.com/app/${encodeURIComponent(SHORT_CODE)}/invoicing/view/${invoice.InvoiceID}`,
      ),
      note,
    );
    assert.equal(await kit.usage(), 1);
    const run = await getRun(kit.store.db, COMPANY_ID, job.runId);
    assert.equal(run?.status, 'succeeded');

    // The same job again (an at-least-once queue delivers it twice) and a second run of the trigger.
    const again = await documentForDeal(deps, job);
    assert.ok(again.status === 'succeeded' && again.reused);
    const duplicateRun = await documentForDeal(deps, await kit.newJob(1));
    assert.ok(duplicateRun.status === 'succeeded' && duplicateRun.reused);
    assert.equal((await kit.xeroDocuments()).invoices.length, 1);
    assert.equal(await kit.usage(), 1);
    assert.equal((await kit.notes(1)).length, 1, 'no note for a document that already exists');

    // Warm: a second deal of the same customer, reference data cached, contact and items known.
    const second = await kit.pdControl('POST', '/deals', {
      title: 'Kauri Digital – more hours',
      currency: 'NZD',
      org_id: 1,
      person_id: 1,
      stage_id: 2,
    });
    await kit.pdControl('POST', `/deals/${second.data.id}/products`, {
      product_id: 1,
      item_price: 180,
      quantity: 3,
      tax: 15,
      tax_method: 'exclusive',
    });
    const warmSince = await kit.lastXeroSeq();
    const warmOutcome = await documentForDeal(deps, await kit.newJob(second.data.id));
    const warm = accountingCalls(await kit.xeroRequests(warmSince));
    t.diagnostic(
      `warm Xero calls (second deal, same customer and item): ${warm.length} — ${warm.join(', ')}`,
    );
    assert.equal(warmOutcome.status, 'succeeded');
    assert.deepEqual(warm, ['PUT /Invoices']);
    assert.equal(await kit.usage(), 2);
  });

  it('applies deal-level discounts as discount lines, and the total still equals the deal value', async () => {
    const outcome = await documentForDeal(
      kit.deps({ items: { productNotFound: 'create_item' } }),
      await kit.newJob(4),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const invoice = (await kit.xeroDocuments()).invoices.find((doc) =>
      doc.Reference?.includes('[PD-4-'),
    );
    assert.ok(invoice, 'invoice found');
    const discounts = invoice.LineItems.filter((line) =>
      line.Description?.startsWith('Deal discount'),
    );
    assert.equal(discounts.length, 1);
    assert.ok(one(discounts).UnitAmount < 0);
    assert.equal(discounts[0]?.TaxType, 'OUTPUT2');
    assert.equal(cents(invoice.Total), cents((await kit.sandboxDeal(4)).value));
  });

  it('makes a DRAFT quote when the rule says quote', async () => {
    const outcome = await documentForDeal(kit.deps(), await kit.newJob(13, 'quote', 'stage-7'));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const { quotes } = await kit.xeroDocuments();
    assert.equal(quotes.length, 1);
    const quote = quotes[0];
    assert.ok(quote, 'quote found');
    assert.equal(quote.Status, 'DRAFT');
    assert.equal(quote.Contact.Name, 'Wētā Workshop Supplies');
    assert.match(quote.Reference ?? '', /\[PD-13-stage-7\]$/);
    assert.equal(cents(quote.Total), cents((await kit.sandboxDeal(13)).value));
    const note = (await kit.notes(13))[0]!.content;
    assert.ok(note.includes(`Draft quote ${quote.QuoteNumber}`), note);
    assert.ok(note.includes(`/quotes/view/${quote.QuoteID}`), note);
  });

  it('B2C: a deal with only a person bills a new contact made from the person, creating missing items', async () => {
    const before = await kit.xeroItems();
    const outcome = await documentForDeal(
      kit.deps({ items: { productNotFound: 'create_item' } }),
      await kit.newJob(7),
    );
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const invoice = (await kit.xeroDocuments()).invoices.find((doc) =>
      doc.Reference?.includes('[PD-7-'),
    );
    assert.ok(invoice, 'invoice found');
    assert.equal(invoice.Contact.Name, 'Mere Parata');
    assert.equal(invoice.LineAmountTypes, 'Inclusive');
    assert.equal(cents(invoice.Total), cents((await kit.sandboxDeal(7)).value));
    const contact = (await kit.xeroContacts()).find((c) => c.Name === 'Mere Parata');
    assert.ok(contact, 'contact found');
    assert.equal(contact.ContactNumber, 'PD-PER-13');
    assert.equal(contact.EmailAddress, 'mere.parata@example.nz');
    const created = (await kit.xeroItems()).filter(
      (item) => !before.some((b) => b.Code === item.Code),
    );
    assert.deepEqual(created.map((item) => item.Code).sort(), ['HW-ROUTER', 'PD-9']);
    assert.deepEqual(invoice.LineItems.map((line) => line.ItemCode).sort(), ['HW-ROUTER', 'PD-9']);
  });
});
