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

export function refusedPreview(kind: DocumentKind, stop: Stop): DocumentPreview {
  return { status: 'refused', kind, code: stop.code, note: stop.note };
}

/**
 * The snackbar text: JSON modals answer with one message (docs/vendors/pipedrive.md §7.3), so the lines and
 * totals are written out in it, one line each.
 */
export function previewMessage(preview: DocumentPreview): string {
  const name = DOCUMENT_KIND[preview.kind].noun;
  if (preview.status === 'refused')
    return `Nothing was created. Xero would not accept this ${name}: ${preview.note}`;
  const lines = preview.lines.map((line) => {
    const discount =
      line.discountRate !== undefined
        ? ` less ${line.discountRate}%`
        : line.discountAmount !== undefined
          ? ` less ${line.discountAmount}`
          : '';
    return `• ${line.description}: ${line.quantity} × ${line.unitAmount}${discount} = ${line.lineAmount} (tax ${line.taxAmount}, ${line.taxType})`;
  });
  return [
    `Preview of the ${name} (nothing was created; amounts ${preview.lineAmountTypes.toLowerCase()} of tax):`,
    ...lines,
    `Subtotal ${preview.currency} ${preview.subTotal}, tax ${preview.totalTax}, total ${preview.currency} ${preview.total}`,
    ...preview.notes,
  ].join('\n');
}
