import { DOCUMENT_KIND, type DocumentKind } from '../sync/document-kinds.js';
import type { BuiltDocument } from '../sync/mapping/document.js';
import type { Stop } from '../sync/usecases/stop.js';

/**
 * The deal panel's Preview: the document exactly as it would be sent, with the amounts Xero will
 * compute for it (buildDocument's `expected`: docs/vendors/money.md B1–B4 rounding), or why it would be refused
 * (the same plain words the deal note would carry). Pure; nothing is created to show it.
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

export type DocumentPreview =
  | {
      status: 'ready';
      kind: DocumentKind;
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
  return `Preview of the ${name}: ${count}, tax ${preview.totalTax}, total ${preview.currency} ${preview.total}. Nothing was created.`;
}
