import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getCompany } from '../../src/store/repos/companies.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { getXeroConnection } from '../../src/store/repos/xero-connections.js';
import { type AppKit, COMPANY, SALES, startAppKit, TENANT_A } from '../support/app-kit.js';
import { type BrowserSession, browserSkipReason, launchBrowser } from '../support/browser.js';
import {
  chooseOrganisation,
  consentInXero,
  enablePanelsAndXeroWebhooks,
  payInvoice,
  replayFromHistory,
  replayFromNote,
  replayLinkOf,
  saveSettings,
  showPanel,
} from '../support/browser-walk.js';

/**
 * A person's way through the app in a real Chromium, over real HTTP to the app and both sandboxes
 * on loopback: Xero's consent page, the organisation picker, the settings and history pages, the
 * replay page a deal note links to, and the JSON panels drawn as Pipedrive would. The tests run in
 * order; each builds on what the one before left.
 */
const skip = browserSkipReason() ?? false;
const KAURI_DEAL = 1; // Kauri Digital Ltd, NZD (docs/demo-data.md)
const KAURI_ORG = 1;
const EUR_DEAL = 8; // EUR, which the demo organisation has not enabled: the run waits for a fix
const forDeal = (dealId: number) => (info: { payload: unknown }) =>
  (info.payload as { dealId?: number }).dealId === dealId;

describe('browser: connect, configure, sync, replay and see the panels', { skip }, () => {
  let kit: AppKit;
  let browser: BrowserSession;
  before(async () => {
    kit = await startAppKit({ ready: false });
    const installed = await kit.install();
    assert.equal(installed.status, 303, installed.body);
    await enablePanelsAndXeroWebhooks(kit);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await kit?.close();
  });

  it("connects Xero through the sandbox's consent page and the app's organisation picker", async () => {
    const { consentHeading, pickerChoices } = await consentInXero(browser.page, kit, [
      'Kauri Coast Trading Ltd',
      'Kauri Coast Wholesale Ltd',
    ]);
    assert.match(consentHeading, /wants to access your Xero data/);
    assert.deepEqual(pickerChoices, ['Kauri Coast Trading Ltd', 'Kauri Coast Wholesale Ltd']);
    const confirmation = await chooseOrganisation(browser.page, 'Kauri Coast Trading Ltd');
    assert.match(confirmation, /draft documents in Kauri Coast Trading Ltd/);
    const connection = await getXeroConnection(kit.app.db, kit.app.deps.box, COMPANY);
    assert.equal(connection?.tenantId, TENANT_A);
  });

  it('saves a trigger and a field mapping on the settings page', async () => {
    const { notice, errors } = await saveSettings(browser.page, kit, {
      rules: [{ stage: 'Sales → Won', document: 'Draft invoice' }],
      companyField: { pipedrive: 'Xero account number', xero: 'Account number' },
    });
    assert.equal(errors, '');
    assert.match(notice, /Settings saved/);
    const settings = (await getCompany(kit.app.db, COMPANY))?.settings as any;
    assert.ok(
      settings.triggers.rules.some(
        (rule: any) => rule.stageId === SALES.won && rule.document === 'invoice',
      ),
      JSON.stringify(settings.triggers),
    );
    assert.ok(
      settings.contacts.companyFields.some((mapping: any) => mapping.xeroField === 'AccountNumber'),
      JSON.stringify(settings.contacts.companyFields),
    );
  });

  it('moving a deal to Won makes a draft invoice and a note on the deal', async () => {
    const done = kit.next('job:success', forDeal(KAURI_DEAL));
    await kit.moveDeal(KAURI_DEAL, SALES.won);
    await done;
    const notes = await kit.notes(KAURI_DEAL);
    assert.equal(notes.length, 1);
    assert.match(notes[0].content, /invoice/i);
    const { invoices } = await kit.documents();
    assert.equal(invoices.length, 1);
    assert.equal(invoices[0].Status, 'DRAFT');
  });

  it("shows the deal's invoice and run in the deal panel", async () => {
    const panel = await showPanel(browser.page, kit, 'deal', KAURI_DEAL);
    assert.ok(panel.valid, panel.errors.join('; '));
    const headers = panel.objects.map((object) => object.header);
    assert.ok(
      headers.some((header) => /^Invoice /.test(header)),
      headers.join(', '),
    );
    assert.ok(headers.includes('Invoice sync'), headers.join(', '));
    assert.match(panel.objects[0]?.text ?? '', /Draft/);
  });

  it('lists the failed run on the history page, and its Replay button replays it', async () => {
    const failed = kit.next('job:success', forDeal(EUR_DEAL));
    await kit.moveDeal(EUR_DEAL, SALES.won);
    await failed;
    const again = kit.next('job:success', forDeal(EUR_DEAL));
    const { statuses, notice } = await replayFromHistory(browser.page, kit, EUR_DEAL);
    assert.deepEqual(statuses, ['waiting_fix']);
    assert.match(notice, /replay|queued/i);
    await again;
    const runs = await listRunsForDeal(kit.app.db, COMPANY, EUR_DEAL);
    assert.equal(runs.length, 2);
    assert.equal(runs.filter((run) => run.replayOf !== null).length, 1);
  });

  it("a failed run's note links to the replay page, whose button replays the run", async () => {
    const [note] = await kit.notes(EUR_DEAL);
    const href = replayLinkOf(note.content);
    assert.ok(href, note.content);
    const again = kit.next('job:success', forDeal(EUR_DEAL));
    const { pageText, resultText } = await replayFromNote(browser.page, href);
    assert.match(pageText, /Deal 8: the invoice run ended waiting_fix: Xero has no currency EUR/);
    assert.match(resultText, /is queued; the deal gets a note when it ends/);
    await again;
    assert.equal((await listRunsForDeal(kit.app.db, COMPANY, EUR_DEAL)).length, 3);
  });

  it('a paid invoice shows as paid in the organization panel', async () => {
    const [invoice] = (await kit.documents()).invoices;
    const before = await showPanel(browser.page, kit, 'organization', KAURI_ORG);
    assert.ok(before.valid, before.errors.join('; '));
    await payInvoice(kit, invoice.InvoiceID, Number(invoice.Total));
    const panel = await showPanel(browser.page, kit, 'organization', KAURI_ORG);
    assert.ok(panel.valid, panel.errors.join('; '));
    const document = panel.objects.find(
      (object) => object.header === `Invoice ${invoice.InvoiceNumber}`,
    );
    assert.ok(document, panel.objects.map((object) => object.header).join(', '));
    assert.match(document.text, /Paid/);
    assert.doesNotMatch(
      before.objects.find((o) => o.header === document.header)?.text ?? '',
      /Paid/,
    );
  });
});
