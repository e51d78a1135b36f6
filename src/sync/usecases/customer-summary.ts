import { getContactLink } from '../../store/repos/links.js';
import type { PipedriveContactKind } from '../../store/tables.js';
import type { XeroInvoice } from '../../xero/types.js';
import { type FinancialSummary, financialSummary } from '../mapping/financial-summary.js';
import { contactPanel, customerNotInXeroPanel, type PanelBody } from '../mapping/panels.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { loadOrgReference } from './load-org-reference.js';
import { organisationToday } from './org-date.js';

/**
 * The customer panel of a Pipedrive organization or person ("Xero's financial picture of
 * each customer shows inside Pipedrive"): read live from Xero for the linked contact — its recent
 * invoices (newest first, up to RECENT_INVOICE_PAGES pages) and quotes — summed per currency against
 * the organisation's today. A customer with no link (never synced) gets a panel saying so. Xero
 * errors are thrown; the HTTP route turns them into the panel's error state.
 */

export interface CustomerRef {
  kind: PipedriveContactKind;
  id: number;
}

export type CustomerSummary =
  | { status: 'linked'; contactId: string; summary: FinancialSummary; panel: PanelBody }
  | { status: 'not_in_xero'; panel: PanelBody };

/** Pages of 100 invoices read per panel: enough for a year of a busy customer, bounded in calls. */
export const RECENT_INVOICE_PAGES = 2;
const PAGE_SIZE = 100;

export async function customerSummary(
  deps: SyncDeps,
  customer: CustomerRef,
): Promise<CustomerSummary> {
  const contactId = await getContactLink(deps.db, {
    companyId: deps.company.id,
    tenantId: deps.tenant.tenantId,
    kind: customer.kind,
    pipedriveId: customer.id,
  });
  const customerName = `This ${customer.kind === 'organization' ? 'organization' : 'person'}`;
  if (contactId === undefined)
    return { status: 'not_in_xero', panel: customerNotInXeroPanel(customerName) };

  const ref = xeroRef(deps);
  const [contact, invoices, quotes, reference] = await Promise.all([
    deps.xero.getContact(ref, contactId),
    recentInvoices(deps, contactId),
    deps.xero.getQuotesForContact(ref, contactId, { order: 'Date DESC' }),
    loadOrgReference(deps),
  ]);
  // The link outlived the contact (deleted, or merged in Xero): treat the customer as not synced.
  if (contact === undefined)
    return { status: 'not_in_xero', panel: customerNotInXeroPanel(customerName) };
  const today = organisationToday(deps.clock.now(), reference.timezone);
  const summary = financialSummary(invoices, quotes, today);
  const shortCode = reference.shortCode ?? deps.tenant.shortCode;
  return {
    status: 'linked',
    contactId,
    summary,
    panel: contactPanel(summary, deps.links, {
      contactId,
      contactName: contact.Name ?? 'Customer',
      shortCode,
      contactUrl: deps.links.xeroContactUrl(shortCode, contactId),
    }),
  };
}

async function recentInvoices(deps: SyncDeps, contactId: string): Promise<XeroInvoice[]> {
  const invoices: XeroInvoice[] = [];
  for (let page = 1; page <= RECENT_INVOICE_PAGES; page++) {
    const { invoices: batch } = await deps.xero.getInvoicesForContact(xeroRef(deps), contactId, {
      page,
      pageSize: PAGE_SIZE,
      order: 'Date DESC',
    });
    invoices.push(...batch);
    if (batch.length < PAGE_SIZE) break;
  }
  return invoices;
}
