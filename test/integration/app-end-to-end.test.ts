import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

describe('app end to end: a deal entering "Won" becomes one draft invoice', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit();
  });
  after(() => kit.close());

  it('moves demo deal 1 to Won → one DRAFT invoice in Xero with the deal total → a note on the deal', async () => {
    const done = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 1,
    );
    await kit.moveDeal(1, SALES.won);
    await done;

    const { invoices, quotes } = await kit.documents();
    assert.equal(invoices.length, 1);
    assert.equal(quotes.length, 0);
    const [invoice] = invoices;
    assert.ok(invoice, 'invoice found');
    assert.equal(invoice.Status, 'DRAFT');
    assert.equal(invoice.Type, 'ACCREC');
    // Deal 1: implementation 4500 less 10 % + 10 consulting hours at 180, plus 15 % GST.
    assert.equal(invoice.Total, 6727.5);
    assert.equal(invoice.Contact.Name, 'Kauri Digital Ltd');

    const notes = await kit.notes(1);
    assert.equal(notes.length, 1);
    assert.match(notes[0]?.content ?? '', new RegExp(`Draft invoice ${invoice.InvoiceNumber}`));

    const [run] = await listRunsForDeal(kit.app.db, COMPANY, 1);
    assert.equal(run?.status, 'succeeded');
    assert.equal(run?.triggerKey, `stage:${SALES.pipelineId}:${SALES.won}`);
  });

  it('shows the connection and the run in GET /api/status', async () => {
    const response = await fetch(`${kit.appUrl}/api/status?company=${COMPANY}`, {
      headers: kit.auth,
    });
    assert.equal(response.status, 200);
    const status = (await response.json()) as any;
    const [company] = status.companies;
    assert.equal(company.xero.tenantName, 'Kauri Coast Trading Ltd');
    assert.equal(company.xero.needsReauth, false);
    assert.equal(company.pipedrive.status, 'active');
    assert.equal(company.lastRuns[0].status, 'succeeded');
    assert.deepEqual(status.queue, {
      pending: 0,
      scheduled: 1, // the company's next catch-up check
      running: 0,
      failed: 0,
    });
  });

  it('refuses the status of a company without its API key', async () => {
    const response = await fetch(`${kit.appUrl}/api/status?company=${COMPANY}`);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as any).error.code, 'access_denied');
  });
});
