import escapeHtml from 'escape-html';

import type { RefreshIgnoredCode } from '../../errors/catalogue.js';
import { withTransaction } from '../../store/db.js';
import { addDealNote } from '../../store/repos/deal-notes.js';
import {
  claimPaidNote,
  type DocumentUpdate,
  findDocumentByXeroId,
  updateDocumentFromXero,
  type XeroDocument,
} from '../../store/repos/documents.js';
import type { XeroInvoice } from '../../xero/types.js';
import { dec } from '../mapping/amounts.js';
import { xeroDay } from '../mapping/financial-summary.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { composeDealNote, dispatchDealNote, formatTotal } from './deal-note.js';

/**
 * A Xero webhook event about one resource (docs/vendors/xero.md §14: the payload is thin, so the invoice is
 * fetched): our stored copy of a document we created is brought up to date, and the first time it is
 * seen PAID the deal gets a note (and, if configured, a field set). Deliveries repeat and arrive out
 * of order; each fetch reads Xero's current state, an older read never overwrites a newer one
 * (UpdatedDateUTC), and the paid note is claimed in the store, in the transaction that stores it in
 * the notes outbox (deal-note.ts), so it is written once. Failures of Xero or Pipedrive are thrown
 * (retryable ones retried by the queue).
 */

export interface XeroResourceEvent {
  tenantId: string;
  resourceId: string;
  /** INVOICE, CONTACT, … (uppercase, as parseXeroWebhook leaves it). */
  category: string;
}

export type RefreshOutcome =
  | {
      status: 'refreshed';
      xeroId: string;
      dealId: number;
      xeroStatus: string;
      /** This call stored the paid note for delivery (false on every later delivery). */
      paidNoted: boolean;
      dealUpdated: boolean;
    }
  | { status: 'ignored'; code: RefreshIgnoredCode; message: string };

const ignored = (code: RefreshIgnoredCode, message: string): RefreshOutcome => ({
  status: 'ignored',
  code,
  message,
});

export async function refreshDocument(
  deps: SyncDeps,
  event: XeroResourceEvent,
): Promise<RefreshOutcome> {
  // Invariant 5: an event is acted on only for the company's own organisation.
  if (event.tenantId !== deps.tenant.tenantId)
    return ignored('other_tenant', `Event for tenant ${event.tenantId}, not this company's`);
  // CONTACT events: nothing of ours depends on them yet (the panels read contacts live).
  if (event.category.toUpperCase() !== 'INVOICE')
    return ignored('category_not_handled', `${event.category} events are not handled`);
  const stored = await findDocumentByXeroId(deps.db, deps.company.id, event.resourceId);
  if (stored === undefined)
    return ignored('not_our_document', `Invoice ${event.resourceId} was not created by this app`);

  const invoice = await deps.xero.getInvoice(xeroRef(deps), event.resourceId);
  if (invoice === undefined)
    return ignored('missing_in_xero', `Invoice ${event.resourceId} is no longer in Xero`);
  const updated = await updateDocumentFromXero(
    deps.db,
    deps.company.id,
    event.resourceId,
    invoiceUpdate(invoice),
    deps.clock.now(),
  );
  if (updated === undefined)
    return ignored('stale_read', `A newer copy of invoice ${event.resourceId} is already stored`);

  const paid = updated.status === 'PAID' ? await notePaid(deps, updated) : undefined;
  return {
    status: 'refreshed',
    xeroId: event.resourceId,
    dealId: updated.dealId,
    xeroStatus: updated.status,
    paidNoted: paid !== undefined,
    dealUpdated: paid?.dealUpdated ?? false,
  };
}

const money = (value: number | undefined): string | undefined =>
  value === undefined ? undefined : dec(value).toFixed(2);

/** Xero's `/Date(ms+0000)/` as a Date (UpdatedDateUTC carries the time, not only the day). */
function xeroTime(value: string | undefined): Date | undefined {
  const match = value === undefined ? null : /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (match) return new Date(Number(match[1]));
  const parsed = value === undefined ? NaN : Date.parse(value.endsWith('Z') ? value : `${value}Z`);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** What Xero says now; a fact Xero left out is left alone (exactOptionalPropertyTypes). */
function invoiceUpdate(invoice: XeroInvoice): DocumentUpdate {
  const facts = {
    number: invoice.InvoiceNumber,
    status: invoice.Status,
    subtotal: money(invoice.SubTotal),
    totalTax: money(invoice.TotalTax),
    total: money(invoice.Total),
    amountDue: money(invoice.AmountDue),
    dueDate: xeroDay(invoice.DueDate),
    fullyPaidOn: xeroDay(invoice.FullyPaidOnDate),
    xeroUpdatedAt: xeroTime(invoice.UpdatedDateUTC),
  };
  const update: DocumentUpdate = {};
  for (const [key, value] of Object.entries(facts))
    if (value !== undefined) Object.assign(update, { [key]: value });
  return update;
}

/** "Invoice INV-0003 was paid in full on 2026-11-25 (NZD 1,150.00)", with the Xero link. */
export function paidNote(document: XeroDocument, xeroUrl: string): string {
  const name = document.number === null ? 'An invoice' : `Invoice ${document.number}`;
  const day = document.fullyPaidOn === null ? '' : ` on ${document.fullyPaidOn}`;
  const amount = `${document.currency} ${formatTotal(document.total ?? '0.00')}`;
  return (
    `<p>${escapeHtml(`${name} was paid in full${day} (${amount}).`)} ` +
    `<a href="${escapeHtml(xeroUrl)}">Open it in Xero</a></p>`
  );
}

/** One note per paid invoice. */
const paidNoteTopic = (xeroId: string): string => `paid:${xeroId}`;

async function notePaid(
  deps: SyncDeps,
  document: XeroDocument,
): Promise<{ dealUpdated: boolean } | undefined> {
  // Noted already: a later delivery of the event changes nothing on the deal.
  if (document.paidNotedAt !== null) return undefined;
  const xeroId = document.xeroId ?? '';
  // The field first, so a failure here leaves the claim for the retried event: setting the field
  // again is harmless, and the note below is stored once whatever happens.
  const onPaid = deps.company.settings.documents.onPaid;
  const field = onPaid?.dealField;
  if (field !== undefined) {
    const value = onPaid?.value ?? document.fullyPaidOn ?? '';
    // Custom fields are 40-hex keys and go under custom_fields in API v2 (docs/vendors/pipedrive.md §3.1).
    const patch = /^[0-9a-f]{40}$/.test(field)
      ? { custom_fields: { [field]: value } }
      : { [field]: value };
    await deps.pipedrive.updateDeal(document.dealId, patch);
  }
  const url = document.url ?? deps.links.xeroDocumentUrl(deps.tenant.shortCode, 'invoice', xeroId);
  const note = composeDealNote(
    deps,
    { dealId: document.dealId, topic: paidNoteTopic(xeroId) },
    (mark) => paidNote(document, mark(url)),
  );
  // The claim and the note commit together, and only the claim's winner stores the note.
  const claimed = await withTransaction(
    deps.db,
    async (trx) =>
      (await claimPaidNote(trx, deps.company.id, xeroId, deps.clock.now())) &&
      (await addDealNote(trx, note, deps.clock.now())),
  );
  if (!claimed) return undefined;
  await dispatchDealNote(deps, note);
  return { dealUpdated: field !== undefined };
}
