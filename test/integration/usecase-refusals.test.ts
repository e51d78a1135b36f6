import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getDocument } from '../../src/store/repos/documents.js';
import { getRun } from '../../src/store/repos/runs.js';
import type { SettingsInput } from '../../src/sync/settings.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { COMPANY_ID, startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Invariant 8 and the item policies: a deal that cannot become an exact document gets a clear note
 * with a replay link, the run waits for a fix, and NOTHING is written to Xero (checked on the Xero
 * sandbox's request log: no PUT or POST at all). Deals from the demo seed: 3 Tui Analytics (USD,
 * Router X200 has no Xero item), 7 Mere Parata (two products without items), 8 Manuka Foods (EUR),
 * 9 Kea Robotics (a 35-character product code), 11 Aroha Travel (Pro licence, no item).
 */

const cents = (value: number) => Math.round(value * 100);

describe('documentForDeal: refusals and item policies', () => {
  let kit: SyncKit;
  before(async () => {
    kit = await startSyncKit();
  });
  after(() => kit.close());

  /** Runs the deal and returns the outcome, the deal's new notes and the Xero writes it made. */
  async function run(dealId: number, settings: SettingsInput = {}) {
    const notesBefore = (await kit.notes(dealId)).length;
    const since = await kit.lastXeroSeq();
    const job = await kit.newJob(dealId);
    const outcome = await documentForDeal(kit.deps(settings), job);
    const writes = (await kit.xeroRequests(since)).filter((r) => r.method !== 'GET');
    const notes = (await kit.notes(dealId)).slice(notesBefore).map((note) => note.content);
    const runRow = await getRun(kit.store.db, COMPANY_ID, job.runId);
    return { job, outcome, writes, notes, run: runRow };
  }

  function assertRefused(result: Awaited<ReturnType<typeof run>>, code: string, words: RegExp) {
    assert.equal(result.outcome.status, 'waiting_fix', JSON.stringify(result.outcome));
    assert.ok(
      result.outcome.status === 'waiting_fix' && result.outcome.code === code,
      JSON.stringify(result.outcome),
    );
    assert.equal(result.run?.status, 'waiting_fix');
    assert.equal(result.run?.reasonCode, code);
    assert.deepEqual(
      result.writes.map((w) => `${w.method} ${w.path}`),
      [],
      'nothing written to Xero',
    );
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0]!, words);
    assert.ok(result.notes[0]!.includes(`/runs/${result.job.runId}/replay`), result.notes[0]);
  }

  it('no_action: products without a Xero item are named and nothing is created', async () => {
    const result = await run(7);
    assertRefused(
      result,
      'item_not_found',
      /Xero has no item for &quot;Router X200&quot; and &quot;Travel expenses&quot;/,
    );
    assert.equal(
      await getDocument(kit.store.db, { companyId: COMPANY_ID, dealId: 7, triggerKey: 'stage-2' }),
      undefined,
    );
  });

  it('default_item: a product without an item goes on the default item', async () => {
    const result = await run(3, {
      items: { productNotFound: 'default_item', defaultItemCode: 'GEN-SVC' },
    });
    assert.equal(result.outcome.status, 'succeeded', JSON.stringify(result.outcome));
    const invoice = (await kit.xeroDocuments()).invoices.find((doc) =>
      doc.Reference?.includes('[PD-3-'),
    );
    assert.ok(invoice, 'invoice found');
    assert.deepEqual(
      invoice.LineItems.map((line) => [line.Description, line.ItemCode]),
      [
        ['Consulting hour', 'CONS-HR'],
        ['Router X200', 'GEN-SVC'],
      ],
    );
    assert.equal(invoice.CurrencyCode, 'USD');
    assert.equal(invoice.LineAmountTypes, 'NoTax');
    assert.equal(cents(invoice.Total), cents((await kit.sandboxDeal(3)).value));
    assert.ok(!result.writes.some((w) => w.path.endsWith('/Items')), 'no item created');
  });

  it('create_item: the missing item is created, then used', async () => {
    const result = await run(11, { items: { productNotFound: 'create_item' } });
    assert.equal(result.outcome.status, 'succeeded', JSON.stringify(result.outcome));
    const itemWrites = result.writes.filter((w) => w.path.endsWith('/Items'));
    assert.equal(itemWrites.length, 1);
    assert.deepEqual(
      (itemWrites[0]!.body as any).Items.map((item: any) => item.Code),
      ['LIC-PRO'],
    );
    const invoice = (await kit.xeroDocuments()).invoices.find((doc) =>
      doc.Reference?.includes('[PD-11-'),
    );
    assert.ok(invoice, 'invoice found');
    assert.equal(invoice.LineItems[0]?.ItemCode, 'LIC-PRO');
    assert.equal(cents(invoice.Total), cents((await kit.sandboxDeal(11)).value));
  });

  it('a product code over 30 characters is refused, even with create_item, and nothing is created', async () => {
    const result = await run(9, { items: { productNotFound: 'create_item' } });
    assertRefused(
      result,
      'item_code_too_long',
      /PREMIUM-SUPPORT-24X7-EXTENDED-COVER.*35 characters; Xero allows at most 30/,
    );
    assert.ok(!(await kit.xeroContacts()).some((c) => c.Name === 'Kea Robotics'));
  });

  it('a deal in a currency Xero has not enabled is refused, and nothing is created', async () => {
    const result = await run(8);
    assertRefused(
      result,
      'currency_not_enabled',
      /Xero has no currency EUR enabled in Kauri Coast Trading Ltd\. Enable it in Xero/,
    );
    assert.ok(!(await kit.xeroContacts()).some((c) => c.Name === 'Manuka Foods Ltd'));
  });

  it('a deal with no organization and no person is refused', async () => {
    const deal = await kit.pdControl('POST', '/deals', {
      title: 'Walk-in, no customer',
      currency: 'NZD',
      stage_id: 2,
    });
    await kit.pdControl('POST', `/deals/${deal.data.id}/products`, {
      product_id: 1,
      item_price: 180,
      quantity: 1,
      tax: 15,
      tax_method: 'exclusive',
    });
    const result = await run(deal.data.id);
    assertRefused(result, 'deal_has_no_customer', /no organization and no contact person/);
  });

  it('a deleted deal fails the run without retrying and without a note', async () => {
    const job = await kit.newJob(999_999);
    const outcome = await documentForDeal(kit.deps(), job);
    assert.deepEqual(
      { status: outcome.status, code: 'code' in outcome ? outcome.code : undefined },
      { status: 'ignored', code: 'deal_not_found' },
    );
    const runRow = await getRun(kit.store.db, COMPANY_ID, job.runId);
    assert.equal(runRow?.status, 'failed');
    assert.equal(runRow?.reasonCode, 'deal_not_found');
  });
});
