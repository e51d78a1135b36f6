import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getCompany, updateCompanySettings } from '../../src/store/repos/companies.js';
import { getContactLink } from '../../src/store/repos/links.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import {
  deleteXeroConnection,
  markXeroNeedsReauth,
} from '../../src/store/repos/xero-connections.js';
import { parseSettings } from '../../src/sync/settings.js';
import { type AppKit, COMPANY, SALES, startAppKit, TENANT_A } from '../support/app-kit.js';
import { one } from '../support/vendor-shapes.js';
import { callAction, callPanel, declarePanels, orgOfDeal, xeroApi } from './app-panels-helpers.js';

/** Demo deals (docs/demo-data.md): 1 NZD exclusive with a discount, 2 NZD inclusive, 8 EUR. */
const NZD_DEAL = 1;
const INCLUSIVE_DEAL = 2;
const EUR_DEAL = 8;

describe('app: Pipedrive panels and their actions', () => {
  let kit: AppKit;
  let invoiceNumber: string;
  before(async () => {
    kit = await startAppKit();
    await declarePanels(kit);
    const done = kit.next('job:success', (info) => info.name === 'document-for-deal');
    await kit.moveDeal(NZD_DEAL, SALES.won);
    await done;
    invoiceNumber = one((await kit.documents()).invoices).InvoiceNumber;
  });
  after(() => kit.close());

  it('shows the deal its invoice and its run, in a body Pipedrive accepts', async () => {
    const result = await callPanel(kit, 'deal', NZD_DEAL);
    assert.equal(result.status, 200);
    assert.deepEqual(result.errors, []);
    assert.equal(result.valid, true);
    const [invoice, run] = result.body.data;
    assert.equal(invoice.header, `Invoice ${invoiceNumber}`);
    assert.deepEqual(invoice.total, { code: 'NZD', value: 6727.5 });
    assert.equal(run.outcome.label, 'Done');
  });

  it('shows the organization its Xero contact and latest invoice', async () => {
    const result = await callPanel(kit, 'organization', await orgOfDeal(kit, NZD_DEAL));
    assert.equal(result.status, 200);
    assert.deepEqual(result.errors, []);
    const headers = result.body.data.map((object: { header: string }) => object.header);
    assert.ok(headers.includes('Kauri Digital Ltd in Xero'), headers.join(', '));
    assert.ok(headers.includes(`Invoice ${invoiceNumber}`), headers.join(', '));
    // XERO_WEB_URL is the Xero sandbox here: its page of the contact lists the invoice.
    const contactUrl: string = result.body.external_link.url;
    assert.ok(contactUrl.startsWith(`${kit.xeroUrl}/app/`), contactUrl);
    assert.match(contactUrl, /\/contacts\/contact\//);
    const contactPage = await fetch(contactUrl);
    assert.equal(contactPage.status, 200);
    const html = await contactPage.text();
    assert.match(html, /<h1>Kauri Digital Ltd<\/h1>/);
    assert.match(html, new RegExp(`Invoice ${invoiceNumber}`));
  });

  it('shows a person never synced as not in Xero yet', async () => {
    const deal = await (await kit.app.connections.pipedriveFor(COMPANY)).getDeal(NZD_DEAL);
    const result = await callPanel(kit, 'person', deal.person_id ?? 0);
    assert.equal(result.status, 200);
    assert.deepEqual(result.errors, []);
    assert.match(result.body.data[0].header, /not in Xero yet/);
  });

  it('refuses tampered tokens with the panel error state', async () => {
    const expected = { 'bad-signature': 401, 'other-company': 403, expired: 401 } as const;
    for (const [tamper, status] of Object.entries(expected)) {
      const result = await callPanel(kit, 'deal', NZD_DEAL, {
        tamper: tamper as keyof typeof expected,
      });
      assert.equal(result.status, status, tamper);
      assert.equal(result.valid, true, `${tamper}: ${result.errors.join('; ')}`);
      assert.equal(result.body.error.title, 'Access refused');
      assert.doesNotMatch(JSON.stringify(result.body), new RegExp(invoiceNumber));
    }
    const action = await callAction(kit, 'update', 'organization', 1, {}, 'other-company');
    assert.equal(action.status, 403);
  });

  it("never shows one company's data to another company's valid token", async () => {
    const result = await callPanel(kit, 'deal', NZD_DEAL, { companyId: COMPANY + 1 });
    assert.equal(result.status, 409);
    assert.equal(result.valid, true, result.errors.join('; '));
    assert.equal(result.body.error.title, 'Install the app again');
    assert.doesNotMatch(JSON.stringify(result.body), new RegExp(invoiceNumber));
  });

  it('Update re-syncs the organization: the Xero contact gets the edited address', async () => {
    const orgId = await orgOfDeal(kit, NZD_DEAL);
    await kit.control(
      'pipedrive',
      'PATCH',
      `/__sandbox/pipedrive/companies/${COMPANY}/organizations/${orgId}`,
      {
        address: {
          value: '77 Queen Street, Whangārei 0110, New Zealand',
          street_number: '77',
          route: 'Queen Street',
          locality: 'Whangārei',
          postal_code: '0110',
          country: 'New Zealand',
        },
      },
    );
    const result = await callAction(kit, 'update', 'organization', orgId);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.valid, true);
    assert.match(result.body.success.message, /^Updated the Xero contact: .*Address/i);
    const contactId = await getContactLink(kit.app.db, {
      companyId: COMPANY,
      tenantId: TENANT_A,
      kind: 'organization',
      pipedriveId: orgId,
    });
    const contact = await kit.app.connections.xero.getContact(
      { companyId: String(COMPANY), tenantId: TENANT_A },
      contactId ?? '',
    );
    assert.match(JSON.stringify(contact?.Addresses), /Queen Street/);
    const [run] = await kit.app.db
      .selectFrom('runs')
      .selectAll()
      .where('kind', '=', 'contact')
      .execute();
    assert.equal(run?.status, 'succeeded');
  });

  it('Preview shows the lines and the total Xero then computes, creating nothing', async () => {
    const before = await kit.documents();
    const result = await callAction(kit, 'preview', 'deal', INCLUSIVE_DEAL);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.valid, true);
    const preview = result.body.preview;
    assert.equal(preview.status, 'ready');
    assert.ok(preview.lines.length > 0);
    assert.match(result.body.success.message, new RegExp(`total NZD ${preview.total}`));
    assert.deepEqual(await kit.documents(), before);

    const done = kit.next('job:success', (info) => info.name === 'document-for-deal');
    await kit.moveDeal(INCLUSIVE_DEAL, SALES.won);
    await done;
    const invoice = (await kit.documents()).invoices.find(
      (doc) => !before.invoices.some((old) => old.Reference === doc.Reference),
    );
    assert.ok(invoice, 'invoice found');
    assert.equal(invoice.Total.toFixed(2), preview.total);
    assert.equal(invoice.TotalTax.toFixed(2), preview.totalTax);
    assert.equal(invoice.LineItems.length, preview.lines.length);
  });

  it('Preview of the EUR deal says why Xero would refuse it; Replay after enabling EUR makes it', async () => {
    const before = await kit.documents();
    const preview = await callAction(kit, 'preview', 'deal', EUR_DEAL);
    assert.equal(preview.status, 200);
    assert.equal(preview.body.preview.status, 'refused');
    assert.match(preview.body.success.message, /EUR/);
    assert.deepEqual(await kit.documents(), before);

    const refused = kit.next('job:success', (info) => info.name === 'document-for-deal');
    await kit.moveDeal(EUR_DEAL, SALES.won);
    await refused;
    const [failed] = await listRunsForDeal(kit.app.db, COMPANY, EUR_DEAL);
    assert.equal(failed?.status, 'waiting_fix');
    // Not this deal's run: refused.
    const wrongDeal = await callAction(kit, 'replay', 'deal', NZD_DEAL, { runId: failed?.id });
    assert.equal(wrongDeal.status, 400);

    // The fixes: EUR enabled in Xero, and the app may create the deal's items missing in Xero.
    await xeroApi(kit, 'PUT', '/Currencies', { Currencies: [{ Code: 'EUR' }] });
    const company = await getCompany(kit.app.db, COMPANY);
    const settings = parseSettings({
      ...(company?.settings as object),
      items: { productNotFound: 'create_item' },
    });
    assert.ok(settings.ok);
    await updateCompanySettings(kit.app.db, COMPANY, settings.settings);
    const made = kit.next('job:success', (info) => info.name === 'document-for-deal');
    const replay = await callAction(kit, 'replay', 'deal', EUR_DEAL);
    assert.equal(replay.status, 200, JSON.stringify(replay.body));
    assert.equal(replay.valid, true);
    assert.match(replay.body.success.message, /Replay queued/);
    await made;
    const [latest] = await listRunsForDeal(kit.app.db, COMPANY, EUR_DEAL);
    assert.equal(latest?.status, 'succeeded', latest?.message ?? '');
    assert.equal(latest?.replayOf, failed?.id);
    const eur = (await kit.documents()).invoices.filter(
      (doc: { CurrencyCode: string }) => doc.CurrencyCode === 'EUR',
    );
    assert.equal(eur.length, 1);
  });

  it('asks to reconnect, then to connect, when Xero is not usable', async () => {
    await markXeroNeedsReauth(kit.app.db, COMPANY, new Date());
    const reauth = await callPanel(kit, 'organization', await orgOfDeal(kit, NZD_DEAL));
    assert.equal(reauth.status, 409);
    assert.equal(reauth.valid, true, reauth.errors.join('; '));
    assert.equal(reauth.body.error.title, 'Reconnect Xero');
    await deleteXeroConnection(kit.app.db, COMPANY);
    const missing = await callPanel(kit, 'deal', NZD_DEAL);
    assert.equal(missing.status, 409);
    assert.equal(missing.body.error.title, 'Xero is not connected');
    assert.match(
      missing.body.error.action.url,
      new RegExp(`/oauth/xero/connect\\?company=${COMPANY}$`),
    );
    const action = await callAction(kit, 'preview', 'deal', NZD_DEAL);
    assert.equal(action.status, 400);
    assert.match(action.body.error.message, /Connect Xero/);
  });
});
