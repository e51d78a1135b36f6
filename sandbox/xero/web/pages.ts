import escapeHtml from 'escape-html';

import type { Books, ContactRecord, DocumentRecord } from '../accounting/model.js';
import { XERO_WEB_CSS } from './style.js';

/**
 * The sandbox's stand-in for Xero's web app (go.xero.com), at the same paths as the deep links of
 * docs/vendors/xero.md §13 — `/app/{ShortCode}/invoicing/view/{id}`, `/app/{ShortCode}/quotes/view/{id}`,
 * `/app/{ShortCode}/contacts/contact/{id}` — plus `/app/{ShortCode}/invoicing`, the organisation's
 * documents (the sandbox's own list, where the banner of `npm start` points). A document reads as a
 * person reads an invoice: who it is to, its number, dates and status, the lines with their tax,
 * and the totals. No login: the sandbox listens on loopback.
 */
const KIND_TITLE = { invoice: 'Invoice', quote: 'Quote' } as const;
const SECTION = { invoice: 'invoicing', quote: 'quotes' } as const;
const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting approval',
  AUTHORISED: 'Awaiting payment',
  PAID: 'Paid',
  VOIDED: 'Voided',
  DELETED: 'Deleted',
  SENT: 'Sent',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  INVOICED: 'Invoiced',
};

export function documentHref(books: Books, doc: DocumentRecord): string {
  return `/app/${encodeURIComponent(books.organisation.ShortCode)}/${SECTION[doc.kind]}/view/${encodeURIComponent(doc.id)}`;
}

function contactHref(books: Books, contactId: string): string {
  return `/app/${encodeURIComponent(books.organisation.ShortCode)}/contacts/contact/${encodeURIComponent(contactId)}`;
}

function layout(books: Books, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(books.organisation.Name)} (Xero sandbox)</title><style>${XERO_WEB_CSS}</style></head>
<body><header class="xero">Xero <span>sandbox · ${escapeHtml(books.organisation.Name)}</span></header>
<main>${body}</main></body></html>`;
}

function status(code: string): string {
  return `<span class="status ${escapeHtml(code)}" data-testid="document-status">${escapeHtml(STATUS_WORDS[code] ?? code)}</span>`;
}

/** Thousands separated; a unit price keeps up to four decimals but shows at least two. */
function money(amount: { toFixed(dp: number): string }, dp = 2): string {
  const [whole = '0', fraction = ''] = amount
    .toFixed(dp)
    .replace(/(\.\d\d\d?)0+$/, '$1')
    .split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

function address(contact: ContactRecord | undefined): string {
  const postal =
    contact?.Addresses.find((entry) => entry.AddressType === 'POBOX' && entry.AddressLine1) ??
    contact?.Addresses.find((entry) => entry.AddressLine1);
  if (postal === undefined) return '';
  const parts = [
    postal.AddressLine1,
    postal.AddressLine2,
    [postal.City, postal.Region, postal.PostalCode].filter(Boolean).join(' '),
    postal.Country,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.map((part) => escapeHtml(part)).join('<br>');
}

export function renderDocumentPage(books: Books, doc: DocumentRecord): string {
  const contact = books.contacts.get(doc.contactId);
  const taxName = (taxType: string | undefined) =>
    books.taxRates.find((rate) => rate.TaxType === taxType)?.Name ?? taxType ?? '';
  const mode = { Exclusive: 'Tax exclusive', Inclusive: 'Tax inclusive', NoTax: 'No tax' }[
    doc.lineAmountTypes
  ];
  const lines = doc.lines
    .map(
      (
        line,
      ) => `<tr><td>${escapeHtml(line.Description ?? line.ItemName ?? '')}${line.ItemCode ? `<br><span class="muted">${escapeHtml(line.ItemCode)}</span>` : ''}</td>
<td class="num">${escapeHtml(line.quantity.toString())}</td><td class="num">${money(line.unitAmount, doc.unitDp)}</td>
<td class="num">${line.DiscountRate !== undefined ? `${line.DiscountRate}%` : line.DiscountAmount !== undefined ? money({ toFixed: (dp) => line.DiscountAmount!.toFixed(dp) }) : ''}</td>
<td>${escapeHtml(line.AccountCode ?? '')}</td><td>${escapeHtml(taxName(line.TaxType))}</td>
<td class="num">${money(line.taxAmount)}</td><td class="num">${money(line.lineAmount)}</td></tr>`,
    )
    .join('\n');
  const title = `${KIND_TITLE[doc.kind]} ${doc.number}`;
  const due = doc.kind === 'invoice' ? 'Due date' : 'Expiry';
  const amountDue = doc.total.minus(doc.amountPaid);
  const paidRows =
    doc.kind === 'invoice'
      ? `<tr><th scope="row">Amount paid</th><td class="num">${money(doc.amountPaid)}</td></tr>
<tr class="grand"><th scope="row">Amount due ${escapeHtml(doc.currencyCode)}</th><td class="num" data-testid="document-amount-due">${money(amountDue)}</td></tr>`
      : '';
  const extra = [
    doc.title === undefined ? '' : `<h2>${escapeHtml(doc.title)}</h2>`,
    doc.summary ? `<p>${escapeHtml(doc.summary)}</p>` : '',
    doc.terms ? `<h2>Terms</h2><p>${escapeHtml(doc.terms)}</p>` : '',
  ].join('');
  return layout(
    books,
    title,
    `<article class="sheet" data-testid="xero-document">
<div class="top"><div><h1>${escapeHtml(title)} ${status(doc.status)}</h1>
<p>To <a href="${escapeHtml(contactHref(books, doc.contactId))}"><strong>${escapeHtml(contact?.Name ?? doc.contactId)}</strong></a><br>${address(contact)}</p></div>
<dl><dt>Date</dt><dd>${escapeHtml(doc.date)}</dd>${doc.dueDate === undefined ? '' : `<dt>${due}</dt><dd>${escapeHtml(doc.dueDate)}</dd>`}
<dt>Reference</dt><dd>${escapeHtml(doc.reference ?? '')}</dd><dt>Currency</dt><dd>${escapeHtml(doc.currencyCode)}</dd><dt>Amounts are</dt><dd>${escapeHtml(mode)}</dd></dl></div>
${extra}
<table data-testid="document-lines"><thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Price</th><th scope="col" class="num">Disc.</th><th scope="col">Account</th><th scope="col">Tax rate</th><th scope="col" class="num">Tax</th><th scope="col" class="num">Amount ${escapeHtml(doc.currencyCode)}</th></tr></thead>
<tbody>${lines}</tbody></table>
<table class="totals" data-testid="document-totals"><tbody>
<tr><th scope="row">Subtotal</th><td class="num">${money(doc.subTotal)}</td></tr>
<tr><th scope="row">Total tax</th><td class="num">${money(doc.totalTax)}</td></tr>
<tr class="${doc.kind === 'invoice' ? '' : 'grand'}"><th scope="row">Total ${escapeHtml(doc.currencyCode)}</th><td class="num" data-testid="document-total">${money(doc.total)}</td></tr>
${paidRows}</tbody></table>
</article>
<p><a href="/app/${encodeURIComponent(books.organisation.ShortCode)}/invoicing">All invoices and quotes</a></p>`,
  );
}

/** The organisation's documents, newest first, each linking to its page. */
export function renderDocumentListPage(books: Books): string {
  const docs = [...books.documents.values()].sort((a, b) => b.createdMs - a.createdMs);
  const rows = docs
    .map((doc) => {
      const contact = books.contacts.get(doc.contactId);
      return `<tr><td><a href="${escapeHtml(documentHref(books, doc))}">${escapeHtml(`${KIND_TITLE[doc.kind]} ${doc.number}`)}</a></td><td>${escapeHtml(contact?.Name ?? '')}</td><td>${escapeHtml(doc.reference ?? '')}</td><td>${escapeHtml(doc.date)}</td><td>${status(doc.status)}</td><td class="num">${escapeHtml(doc.currencyCode)} ${money(doc.total)}</td></tr>`;
    })
    .join('\n');
  return layout(
    books,
    'Invoices and quotes',
    `<div class="sheet"><h1>Invoices and quotes</h1>${
      docs.length === 0
        ? '<p>No invoices or quotes yet.</p>'
        : `<table><thead><tr><th scope="col">Number</th><th scope="col">To</th><th scope="col">Reference</th><th scope="col">Date</th><th scope="col">Status</th><th scope="col" class="num">Total</th></tr></thead><tbody>${rows}</tbody></table>`
    }</div>`,
  );
}

export function renderContactPage(books: Books, contact: ContactRecord): string {
  const docs = [...books.documents.values()]
    .filter((doc) => doc.contactId === contact.ContactID)
    .sort((a, b) => b.createdMs - a.createdMs);
  const rows = docs
    .map(
      (doc) =>
        `<tr><td><a href="${escapeHtml(documentHref(books, doc))}">${escapeHtml(`${KIND_TITLE[doc.kind]} ${doc.number}`)}</a></td><td>${escapeHtml(doc.date)}</td><td>${status(doc.status)}</td><td class="num">${escapeHtml(doc.currencyCode)} ${money(doc.total)}</td></tr>`,
    )
    .join('\n');
  return layout(
    books,
    contact.Name,
    `<div class="sheet"><h1>${escapeHtml(contact.Name)}</h1><p>${address(contact)}</p>${contact.EmailAddress ? `<p>${escapeHtml(contact.EmailAddress)}</p>` : ''}
<h2>Invoices and quotes</h2>${docs.length === 0 ? '<p class="muted">None yet.</p>' : `<table><thead><tr><th scope="col">Number</th><th scope="col">Date</th><th scope="col">Status</th><th scope="col" class="num">Total</th></tr></thead><tbody>${rows}</tbody></table>`}</div>`,
  );
}

/** Xero's answer to a page it does not have, in the sandbox's look. */
export function renderNotFoundPage(what: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found (Xero sandbox)</title><style>${XERO_WEB_CSS}</style></head><body><header class="xero">Xero <span>sandbox</span></header><main><div class="sheet"><h1>Not found</h1><p>${escapeHtml(what)}</p></div></main></body></html>`;
}
