import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { type AppKit, COMPANY, SALES, startAppKit, TENANT_A } from '../support/app-kit.js';
import { one, type SandboxInvoice } from '../support/vendor-shapes.js';
import { callPanel, declarePanels, orgOfDeal, xeroApi } from './app-panels-helpers.js';

const DEAL = 1;
const sign = (body: string, key = DEMO_XERO_APP.webhookKey) =>
  createHmac('sha256', key).update(body).digest('base64');

describe('app: Xero webhooks keep documents and panels current', () => {
  let kit: AppKit;
  let invoice: SandboxInvoice;
  const refreshed = () => kit.next('job:success', (info) => info.name === 'refresh-document');
  const paidNotes = async () =>
    (await kit.notes(DEAL)).filter((note: { content: string }) =>
      /was paid in full/.test(note.content),
    );

  before(async () => {
    kit = await startAppKit();
    await declarePanels(kit);
    await kit.control('xero', 'POST', '/__sandbox/xero/webhooks', {
      clientId: DEMO_XERO_APP.clientId,
      url: `${kit.appUrl}/webhooks/xero`,
    });
  });
  after(() => kit.close());

  it('passes Intent to Receive', async () => {
    const result = await kit.control('xero', 'POST', '/__sandbox/xero/webhooks/intent-to-receive', {
      clientId: DEMO_XERO_APP.clientId,
    });
    assert.equal(result.status, 'OK', JSON.stringify(result));
  });

  it('answers 401 with an empty body to a bad signature and 200 empty to a good one', async () => {
    const body = JSON.stringify({
      events: [],
      firstEventSequence: 0,
      lastEventSequence: 0,
      entropy: 'ABCDEFGHIJ',
    });
    const post = (signature: string) =>
      fetch(`${kit.appUrl}/webhooks/xero`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
        body,
      });
    const bad = await post(sign(body, 'not-the-key'));
    assert.equal(bad.status, 401);
    assert.equal(await bad.text(), '');
    // Re-serialised JSON (spaces removed/added) is not what was signed: the raw bytes count.
    const good = await post(sign(body));
    assert.equal(good.status, 200);
    assert.equal(await good.text(), '');
    const reformatted = await post(sign(JSON.stringify(JSON.parse(body), null, 1)));
    assert.equal(reformatted.status, 401);
  });

  it('Won → invoice → approved → paid in Xero → one "paid" note and a paid panel', async () => {
    const made = kit.next('job:success', (info) => info.name === 'document-for-deal');
    await kit.moveDeal(DEAL, SALES.won);
    await made;
    invoice = one((await kit.documents()).invoices);
    assert.ok(invoice);

    // The user approves the draft in Xero: its UPDATE event is stored and refreshed, no note yet.
    let done = refreshed();
    await xeroApi(kit, 'POST', `/Invoices/${invoice.InvoiceID}`, {
      Invoices: [{ Status: 'AUTHORISED' }],
    });
    await kit.control('xero', 'POST', '/__sandbox/xero/webhooks/flush');
    await done;
    assert.deepEqual(await paidNotes(), []);
    const orgId = await orgOfDeal(kit, DEAL);
    const owing = await callPanel(kit, 'organization', orgId);
    const owingTotals = owing.body.data[0];
    assert.deepEqual(owingTotals.outstanding, { code: 'NZD', value: invoice.Total });

    // Paid in full, and the sandbox delivers every batch twice: one note all the same.
    await kit.control('xero', 'POST', '/__sandbox/xero/webhooks/knobs', { duplicate: true });
    done = refreshed();
    await kit.control(
      'xero',
      'POST',
      `/__sandbox/xero/tenants/${TENANT_A}/invoices/${invoice.InvoiceID}/payments`,
      { amount: invoice.Total },
    );
    await kit.control('xero', 'POST', '/__sandbox/xero/webhooks/flush');
    await done;
    const deliveries = (await kit.control('xero', 'GET', '/__sandbox/xero/webhooks/deliveries'))
      .deliveries as Array<{ status: number | null; kind?: string }>;
    assert.ok(deliveries.length >= 3, 'the duplicate was delivered');
    const notes = await paidNotes();
    assert.equal(notes.length, 1);
    assert.match(
      notes[0]?.content ?? '',
      new RegExp(`Invoice ${invoice.InvoiceNumber} was paid in full`),
    );

    const paid = await callPanel(kit, 'organization', orgId);
    assert.equal(paid.valid, true, paid.errors.join('; '));
    const totals = paid.body.data[0];
    assert.deepEqual(totals.outstanding, { code: 'NZD', value: 0 });
    assert.deepEqual(totals.paid_last_12_months, { code: 'NZD', value: invoice.Total });
    const deal = await callPanel(kit, 'deal', DEAL);
    assert.equal(deal.body.data[0].status.label, 'Paid');

    const inbox = await kit.app.db
      .selectFrom('inbox_events')
      .selectAll()
      .where('company_id', '=', COMPANY)
      .where('source', '=', 'xero')
      .execute();
    assert.equal(inbox.length, new Set(inbox.map((row) => row.event_key)).size);
    assert.ok(inbox.every((row) => row.outcome === 'queued: refresh-document'));
  });
});
