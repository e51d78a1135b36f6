import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { validatePanelResponse } from '../../sandbox/pipedrive/extensions/panel-validate.js';
import { CONTACT_PANEL_FIELDS } from '../../src/sync/mapping/panels.js';
import type { SyncDeps } from '../../src/sync/ports.js';
import { customerSummary } from '../../src/sync/usecases/customer-summary.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import {
  COMPANY_ID,
  SHORT_CODE,
  startSyncKit,
  type SyncKit,
  TENANT_ID,
} from '../support/sync-kit.js';

/**
 * customerSummary end to end: documentForDeal invoices demo deal 1 (Kauri Digital Ltd, 6,727.50 NZD,
 * due 14 days after 2026-01-05), the invoice is approved and part-paid in the Xero sandbox, and the
 * organization's panel is read live from Xero and checked against Pipedrive's panel format.
 */

const DEAL = 1;

describe('customerSummary: the customer panel, live from Xero', () => {
  let kit: SyncKit;
  let deps: SyncDeps;
  let invoiceId: string;
  let orgId: number;
  let personId: number;

  async function xeroPost(path: string, body: unknown) {
    const token = await kit.xero.tokens.getAccessToken(String(COMPANY_ID));
    const response = await fetch(`${kit.xeroUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'xero-tenant-id': TENANT_ID,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `POST ${path}: ${response.status} ${await response.clone().text()}`);
  }

  const panelOf = async () => {
    const result = await customerSummary(deps, { kind: 'organization', id: orgId });
    const verdict = validatePanelResponse(200, result.panel, CONTACT_PANEL_FIELDS);
    assert.ok(verdict.valid, verdict.errors.join('; '));
    return result;
  };

  before(async () => {
    kit = await startSyncKit();
    deps = kit.deps();
    const deal = await kit.sandboxDeal(DEAL);
    orgId = deal.org_id ?? assert.fail('the deal has an organization');
    personId = deal.person_id ?? assert.fail('the deal has a person');
    const outcome = await documentForDeal(deps, await kit.newJob(DEAL));
    invoiceId = outcome.status === 'succeeded' ? outcome.documentId : '';
    assert.ok(invoiceId);
    await xeroPost(`/api.xro/2.0/Invoices/${invoiceId}`, { Invoices: [{ Status: 'AUTHORISED' }] });
    await xeroPost(`/__sandbox/xero/tenants/${TENANT_ID}/invoices/${invoiceId}/payments`, {
      amount: 1000,
    });
  });
  after(() => kit.close());

  it("shows the organization's invoice with its amounts, status and deep link", async () => {
    const result = await panelOf();
    assert.equal(result.status, 'linked');
    const invoice = result.panel.data.find((object) => object.id === `invoice-${invoiceId}`);
    assert.ok(invoice, JSON.stringify(result.panel));
    assert.deepEqual(invoice.status, { color: 'blue', label: 'Awaiting payment' });
    assert.deepEqual(invoice.total, { code: 'NZD', value: 6727.5 });
    assert.deepEqual(invoice.amount_due, { code: 'NZD', value: 5727.5 });
    assert.equal(invoice.due_date, '2026-01-19');
    assert.deepEqual(invoice.xero_link, {
      label: 'View invoice in Xero',
      value: `https://go.xero.com/app/${encodeURIComponent(SHORT_CODE)}/invoicing/view/${invoiceId}`,
      external: true,
    });
    const totals = result.panel.data.find((object) => object.id === 'totals-NZD');
    assert.ok(totals);
    assert.equal(totals.header, 'Kauri Digital Ltd in Xero');
    assert.ok(result.status === 'linked');
    const nzd = result.summary.byCurrency.find((entry) => entry.currency === 'NZD');
    assert.equal(nzd?.outstanding, '5727.50');
    assert.equal(nzd?.overdue, '0.00');
    assert.deepEqual(totals.outstanding, { code: 'NZD', value: 5727.5 });
    assert.match(result.panel.external_link?.url ?? '', /\/contacts\/contact\//);
  });

  it('shows it overdue once the organisation’s today passes the due date', async () => {
    kit.clock.advance(20 * 24 * 3600_000);
    const result = await panelOf();
    const invoice = result.panel.data.find((object) => object.id === `invoice-${invoiceId}`);
    assert.deepEqual(invoice?.status, { color: 'red', label: 'Overdue' });
    const totals = result.panel.data.find((object) => object.id === 'totals-NZD');
    assert.deepEqual(totals?.overdue, { code: 'NZD', value: 5727.5 });
    assert.equal(totals?.overdue_invoices, 1);
  });

  it('says a customer without a Xero contact is not in Xero yet', async () => {
    const result = await customerSummary(deps, { kind: 'person', id: personId });
    assert.equal(result.status, 'not_in_xero');
    assert.match(JSON.stringify(result.panel), /not in Xero yet.*\*\*Update\*\*/);
    const verdict = validatePanelResponse(200, result.panel, CONTACT_PANEL_FIELDS);
    assert.ok(verdict.valid, verdict.errors.join('; '));
  });
});
