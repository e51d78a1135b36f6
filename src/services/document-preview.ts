import { DOCUMENT_KIND, type DocumentKind } from '../sync/document-kinds.js';
import { howInWords } from '../sync/mapping/contact-match.js';
import type { BuiltDocument } from '../sync/mapping/document.js';
import type { ContactPreview } from '../sync/usecases/ensure-contact.js';
import type { Stop } from '../sync/usecases/stop.js';

/**
 * The deal panel's Preview: the document exactly as it would be sent, with the amounts Xero will
 * compute for it (buildDocument's `expected`: docs/vendors/money.md B1–B4 rounding), or why it would be refused
 * (the same plain words the deal note would carry), and the Xero contact it would go to and how
 * that contact was found, in the note's words. Pure; nothing is created to show it.
 */
export interface PreviewLine {
  description: string;
  quantity: number;
  unitAmount: number;
  discountRate?: number;
  discountAmount?: number;
  taxType: string;
  lineAmount: string;
  taxAmount: string;
}

/** Who the document would go to, as the deal note says it (sync/usecases/deal-note.ts). */
export interface PreviewCustomer {
  name: string;
  /** "already linked", "matched by TaxNumber 123-456-789", … or "would be created". */
  how: string;
  /** The Xero contact, when an existing one would be used. */
  contactId?: string;
  /** Its page in Xero's web app, when the organisation's ShortCode is known. */
  url?: string;
}

export function previewCustomer(
  contact: Exclude<ContactPreview, { kind: 'stop' }>,
  contactUrl: (contactId: string) => string | undefined,
): PreviewCustomer {
  if (contact.kind === 'create') return { name: contact.name, how: 'would be created' };
  const url = contactUrl(contact.contactId);
  return {
    name: contact.name,
    how: howInWords(contact.how),
    contactId: contact.contactId,
    ...(url !== undefined && { url }),
  };
}

export type DocumentPreview =
  | {
      status: 'ready';
      kind: DocumentKind;
      customer: PreviewCustomer;
      currency: string;
      lineAmountTypes: string;
      lines: PreviewLine[];
      subTotal: string;
      totalTax: string;
      total: string;
      notes: string[];
    }
  | { status: 'refused'; kind: DocumentKind; code: Stop['code']; note: string };

export function readyPreview(
  kind: DocumentKind,
  built: Extract<BuiltDocument, { ok: true }>,
  customer: PreviewCustomer,
): DocumentPreview {
  const { document, expected } = built;
  const lines = document.LineItems.map((line, index): PreviewLine => {
    const totals = expected.lines[index];
    return {
      description: line.Description,
      quantity: line.Quantity,
      unitAmount: line.UnitAmount,
      ...(line.DiscountRate !== undefined && { discountRate: line.DiscountRate }),
      ...(line.DiscountAmount !== undefined && { discountAmount: line.DiscountAmount }),
      taxType: line.TaxType,
      lineAmount: totals?.lineAmount.toFixed(2) ?? '0.00',
      taxAmount: totals?.taxAmount.toFixed(2) ?? '0.00',
    };
  });
  return {
    status: 'ready',
    kind,
    customer,
    currency: document.CurrencyCode,
    lineAmountTypes: document.LineAmountTypes,
    lines,
    subTotal: expected.subTotal.toFixed(2),
    totalTax: expected.totalTax.toFixed(2),
    total: expected.total.toFixed(2),
    notes: built.notes,
  };
}

/**
 * A refusal as a preview says it: what to change, without the note's "then Replay" — a preview
 * attempted nothing, so there is nothing to replay (every stop's note ends with that clause).
 */
export function refusedPreview(kind: DocumentKind, stop: Stop): DocumentPreview {
  return { status: 'refused', kind, code: stop.code, note: withoutReplay(stop.note) };
}

export function withoutReplay(note: string): string {
  return note.replace(/,? then Replay\.$/, '.');
}

/**
 * The snackbar text of the panel's Preview action (JSON modals answer with one message,
 * docs/vendors/pipedrive.md §7.3): one line; the lines, tax and totals are a table in the preview
 * modal (http/ui/preview-page.ts).
 */
export function previewMessage(preview: DocumentPreview): string {
  const name = DOCUMENT_KIND[preview.kind].noun;
  if (preview.status === 'refused') return `Xero would not accept this ${name}: ${preview.note}`;
  const count = preview.lines.length === 1 ? '1 line' : `${preview.lines.length} lines`;
  const { customer } = preview;
  return `Preview of the ${name} for ${customer.name} (${customer.how}): ${count}, tax ${preview.totalTax}, total ${preview.currency} ${preview.total}. Nothing was created.`;
}
