import escapeHtml from 'escape-html';

import type { DocumentPreview, PreviewCustomer } from '../../services/document-preview.js';
import type { PreviewOutcome } from '../../services/panel-actions.js';
import { DOCUMENT_KIND, DOCUMENT_KINDS, type DocumentKind } from '../../sync/document-kinds.js';
import { htmlDocument } from '../html.js';

/**
 * The preview modal (GET /ui/preview, a Pipedrive custom modal: docs/vendors/pipedrive.md §7.4):
 * the Xero contact the invoice or quote would go to and how it was found (or that one would be
 * created), the document as a table of lines with their tax, then the totals Xero will compute —
 * or, when Xero would refuse it, what to change. Nothing is created to show it.
 */
export interface PreviewView {
  dealId: number;
  kind: DocumentKind;
  preview: PreviewOutcome;
  /** The same modal for another kind (the query as Pipedrive sent it, `kind` changed). */
  hrefFor(kind: DocumentKind): string;
}

const LINE_AMOUNTS: Record<string, string> = {
  Exclusive: 'Amounts are tax exclusive',
  Inclusive: 'Amounts are tax inclusive',
  NoTax: 'No tax',
};

export function renderPreviewPage(view: PreviewView): string {
  const noun = DOCUMENT_KIND[view.kind].noun;
  const tabs = DOCUMENT_KINDS.map(
    (kind) =>
      `<a class="button${kind === view.kind ? ' primary' : ''}" href="${escapeHtml(view.hrefFor(kind))}"${kind === view.kind ? ' aria-current="page"' : ''} data-testid="preview-kind-${kind}">${escapeHtml(DOCUMENT_KIND[kind].title)}</a>`,
  ).join('');
  const { preview } = view;
  const body =
    preview.status === 'ready'
      ? readyBody(preview)
      : `<div class="notice error" role="alert" data-testid="preview-refused"><p><strong>${preview.status === 'refused' ? `Xero would not accept this ${escapeHtml(noun)}.` : 'No preview.'}</strong></p><p>${escapeHtml(preview.status === 'refused' ? preview.note : preview.message)}</p></div>`;
  return htmlDocument({
    title: `Preview of the ${noun}`,
    head: '<script src="/ui/static/app-extensions-sdk.js" defer></script><script src="/ui/static/ui.js" defer></script>',
    body: `<main class="page"><div class="card" data-testid="preview">
<h1>Draft ${escapeHtml(noun)} for deal ${view.dealId}</h1>
<p class="muted">A preview: nothing is created in Xero.</p>
<nav class="row" aria-label="Document to preview">${tabs}</nav>
${body}
</div></main>`,
  });
}

function readyBody(preview: Extract<DocumentPreview, { status: 'ready' }>): string {
  const money = (amount: string | number) => formatAmount(amount);
  const lines = preview.lines
    .map((line) => {
      const discount =
        line.discountRate !== undefined
          ? `${line.discountRate} %`
          : line.discountAmount !== undefined
            ? money(line.discountAmount)
            : '';
      return `<tr><td>${escapeHtml(line.description)}</td><td class="num">${line.quantity}</td><td class="num">${money(line.unitAmount)}</td><td class="num">${escapeHtml(discount)}</td><td>${escapeHtml(line.taxType)}</td><td class="num">${money(line.taxAmount)}</td><td class="num">${money(line.lineAmount)}</td></tr>`;
    })
    .join('\n');
  const notes =
    preview.notes.length === 0
      ? ''
      : `<ul class="muted">${preview.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`;
  return `${customerLine(preview.customer)}
<p>${escapeHtml(LINE_AMOUNTS[preview.lineAmountTypes] ?? preview.lineAmountTypes)}; in ${escapeHtml(preview.currency)}.</p>
<div class="table-wrap"><table data-testid="preview-lines"><caption class="skip">Lines</caption><thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Discount</th><th scope="col">Tax rate</th><th scope="col" class="num">Tax</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${lines}</tbody></table></div>
<table class="totals" data-testid="preview-totals"><caption class="skip">Totals</caption><tbody>
<tr><th scope="row" class="num">Subtotal</th><td class="num">${money(preview.subTotal)}</td></tr>
<tr><th scope="row" class="num">Total tax</th><td class="num">${money(preview.totalTax)}</td></tr>
<tr><th scope="row" class="num">Total ${escapeHtml(preview.currency)}</th><td class="num" data-testid="preview-total">${money(preview.total)}</td></tr>
</tbody></table>${notes}`;
}

/** "Customer: Kauri Digital Ltd (matched by email)", the name linking to the contact in Xero. */
function customerLine(customer: PreviewCustomer): string {
  const name =
    customer.url === undefined
      ? escapeHtml(customer.name)
      : `<a href="${escapeHtml(customer.url)}" target="_blank" rel="noopener" data-testid="preview-customer-link">${escapeHtml(customer.name)}</a>`;
  const where = customer.contactId === undefined ? '' : ' in Xero';
  return `<p data-testid="preview-customer">Customer: ${name}${where} (${escapeHtml(customer.how)}).</p>`;
}

/** "1234.5" → "1,234.50" (display only: the amounts are exact decimal text to begin with). */
export function formatAmount(amount: string | number): string {
  const [whole = '0', fraction = ''] = String(amount).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}.${fraction.padEnd(2, '0')}`;
}
