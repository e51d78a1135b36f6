import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getCompany, updateCompanySettings } from '../../src/store/repos/companies.js';
import { getContactLink } from '../../src/store/repos/links.js';
import { parseSettings } from '../../src/sync/settings.js';
import {
  type AppKit,
  COMPANY,
  PIPEDRIVE_APP,
  SALES,
  startAppKit,
  TENANT_A,
} from '../support/app-kit.js';
import { xeroApi } from './app-panels-helpers.js';

/** Demo deal 1 (docs/demo-data.md): Kauri Digital Ltd, NZD. */
const NZD_DEAL = 1;

/**
 * The deal's Preview says which Xero contact the document would go to and how the run would find
 * it, in the deal note's words (issue 10), without creating a contact or storing a link. Over real
 * HTTP: the Pipedrive sandbox signs the custom modal's URL, the app answers the page.
 */
describe('app: the Preview names the customer and how it would be matched', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit();
  });
  after(() => kit.close());

  const pd = (method: string, path: string, body?: unknown) =>
    kit.control('pipedrive', method, `/__sandbox/pipedrive/companies/${COMPANY}${path}`, body);

  /** The preview modal of the deal, as Pipedrive opens it (docs/vendors/pipedrive.md §7.4). */
  async function previewHtml(dealId: number): Promise<string> {
    const query = new URLSearchParams({
      clientId: PIPEDRIVE_APP.clientId,
      url: `${kit.appUrl}/ui/preview`,
      resource: 'deal',
      selectedIds: String(dealId),
    });
    const signed = await fetch(
      `${kit.pipedriveUrl}/__sandbox/pipedrive/extensions/custom-ui-url?${query}`,
    );
    const { url } = (await signed.json()) as { url: string };
    const response = await fetch(url);
    const html = await response.text();
    assert.equal(response.status, 200, html);
    return html;
  }

  /** The modal's customer line as text, and the link it gives to the contact in Xero. */
  async function previewPage(dealId: number): Promise<{ customer: string; link?: string }> {
    const html = await previewHtml(dealId);
    const line = /<p data-testid="preview-customer">(.*?)<\/p>/.exec(html)?.[1];
    assert.ok(line, html);
    const link = /href="([^"]+)"/.exec(line)?.[1]?.replaceAll('&amp;', '&');
    return { customer: line.replace(/<[^>]+>/g, ''), ...(link !== undefined && { link }) };
  }

  /** Organizations matched on a new "GST number" field against Xero's TaxNumber; the field. */
  let fields = 0;
  async function matchOnGstNumber(): Promise<string> {
    fields += 1;
    const field = await pd('POST', '/fields/organization', {
      name: `GST number ${fields}`,
      field_type: 'varchar',
    });
    const gst = field.data.field_code as string;
    const company = await getCompany(kit.app.db, COMPANY);
    const settings = parseSettings({
      ...(company?.settings as object),
      contacts: {
        ...(company?.settings as { contacts: object }).contacts,
        matchFields: { organization: [{ pipedriveField: gst, xeroField: 'TaxNumber' }] },
      },
    });
    assert.ok(settings.ok, JSON.stringify(settings));
    await updateCompanySettings(kit.app.db, COMPANY, settings.settings);
    return gst;
  }

  /** A new Pipedrive organization (custom values given) with a one-line NZD deal; their ids. */
  async function dealFor(name: string, custom: Record<string, unknown> = {}) {
    const org = await pd('POST', '/organizations', { name, custom_fields: custom });
    const deal = await pd('POST', '/deals', {
      title: `${name} order`,
      currency: 'NZD',
      org_id: org.data.id,
      stage_id: SALES.proposal,
    });
    await pd('POST', `/deals/${deal.data.id}/products`, {
      product_id: 1,
      item_price: 180,
      quantity: 1,
      tax: 15,
      tax_method: 'exclusive',
    });
    return { orgId: org.data.id as number, dealId: deal.data.id as number };
  }

  const linkOf = (orgId: number) =>
    getContactLink(kit.app.db, {
      companyId: COMPANY,
      tenantId: TENANT_A,
      kind: 'organization',
      pipedriveId: orgId,
    });
  const contactCount = async () =>
    (await xeroApi(kit, 'GET', '/Contacts', undefined)).Contacts.length as number;

  it('a linked customer: "already linked", with its page in Xero', async () => {
    const done = kit.next('job:success', (info) => info.name === 'document-for-deal');
    await kit.moveDeal(NZD_DEAL, SALES.won);
    await done;
    const deal = await (await kit.app.connections.pipedriveFor(COMPANY)).getDeal(NZD_DEAL);
    const contactId = await linkOf(deal.org_id as number);
    assert.ok(contactId, 'the run linked the organization');

    const preview = await previewPage(NZD_DEAL);
    assert.equal(preview.customer, 'Customer: Kauri Digital Ltd in Xero (already linked).');
    assert.ok(preview.link?.startsWith(`${kit.xeroUrl}/app/`), preview.link);
    assert.ok(preview.link?.endsWith(`/contacts/contact/${contactId}`), preview.link);
    const page = await fetch(preview.link!);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<h1>Kauri Digital Ltd<\/h1>/);
  });

  it('a customer found by a configured field pair: "matched by TaxNumber …", nothing linked', async () => {
    const gst = await matchOnGstNumber();
    const created = await xeroApi(kit, 'PUT', '/Contacts', {
      Contacts: [{ Name: 'Kowhai Holdings Limited', TaxNumber: '123-456-789' }],
    });
    const contactId: string = created.Contacts[0].ContactID;
    const { orgId, dealId } = await dealFor('Kowhai Holdings', { [gst]: '123-456-789' });

    const preview = await previewPage(dealId);
    assert.equal(
      preview.customer,
      'Customer: Kowhai Holdings Limited in Xero (matched by TaxNumber 123-456-789).',
    );
    assert.ok(preview.link?.endsWith(`/contacts/contact/${contactId}`), preview.link);
    assert.equal(await linkOf(orgId), undefined, 'the preview stores no link');
  });

  it("two Xero contacts share the pair's value: the Preview refuses as the run would", async () => {
    await xeroApi(kit, 'PUT', '/Contacts', {
      Contacts: [
        { Name: 'Totara Trading North', TaxNumber: '555-000-111' },
        { Name: 'Totara Trading South', TaxNumber: '555-000-111' },
      ],
    });
    const gst = await matchOnGstNumber();
    const { orgId, dealId } = await dealFor('Totara Trading', { [gst]: '555-000-111' });

    const html = await previewHtml(dealId);
    const refused =
      /<div class="notice error"[^>]*data-testid="preview-refused">(.*?)<\/div>/s.exec(html)?.[1];
    assert.ok(refused, html);
    assert.match(refused, /2 active Xero contacts share the TaxNumber &quot;555-000-111&quot;/);
    assert.doesNotMatch(refused, /Replay/);
    assert.equal(await linkOf(orgId), undefined, 'no link stored');
  });

  it('a customer Xero does not know: "would be created", and nothing is', async () => {
    const before = await contactCount();
    const { orgId, dealId } = await dealFor('Horoeka Imports');

    const preview = await previewPage(dealId);
    assert.equal(preview.customer, 'Customer: Horoeka Imports (would be created).');
    assert.equal(preview.link, undefined);
    assert.equal(await contactCount(), before, 'no contact created');
    assert.equal(await linkOf(orgId), undefined, 'no link stored');
  });
});
