import type { Decimal } from 'decimal.js';

import type { DocumentKind } from '../document-kinds.js';
import { dec, ZERO } from './amounts.js';

/**
 * A customer's financial picture from their Xero invoices and quotes ("Xero's financial
 * picture of each customer shows inside Pipedrive"). Pure: the caller passes what Xero returned and
 * the organisation's today. Amounts stay decimal (decimal.js) and come out as 2-dp text; currencies
 * are never added together — each has its own totals.
 *
 * - outstanding: AmountDue of AUTHORISED sales invoices ("awaiting payment" in Xero);
 * - overdue: the part of it whose due date is before today;
 * - paid in the last 12 months: AmountPaid of invoices whose FullyPaidOnDate lies after the same
 *   day a year ago, up to today.
 * Drafts and invoices awaiting approval are not owed yet; deleted and voided ones never are.
 */

/** What the summary reads of a Xero invoice (generated `Invoice` fits). Dates: MS-JSON or ISO. */
export interface SummaryInvoice {
  InvoiceID?: string;
  InvoiceNumber?: string;
  Type?: string;
  Status?: string;
  CurrencyCode?: string;
  Total?: number;
  AmountDue?: number;
  AmountPaid?: number;
  Date?: string;
  DueDate?: string;
  FullyPaidOnDate?: string;
}

/** What the summary reads of a Xero quote (generated `Quote` fits). */
export interface SummaryQuote {
  QuoteID?: string;
  QuoteNumber?: string;
  Status?: string;
  CurrencyCode?: string;
  Total?: number;
  Date?: string;
  ExpiryDate?: string;
}

export interface CurrencyTotals {
  currency: string;
  outstanding: string;
  overdue: string;
  paidLast12Months: string;
  /** Invoices with something overdue. */
  overdueCount: number;
}

export interface SummaryDocument {
  kind: DocumentKind;
  id: string;
  number: string | null;
  status: string;
  /** An AUTHORISED invoice with an amount due after its due date. */
  overdue: boolean;
  currency: string;
  total: string;
  /** Invoices only. */
  amountDue: string | null;
  date: string | null;
  /** Due date (invoice) or expiry date (quote). */
  dueDate: string | null;
}

export interface FinancialSummary {
  /** One entry per currency the customer has invoices in, by currency code. */
  byCurrency: CurrencyTotals[];
  currencies: string[];
  /** The most recent documents, newest first. */
  latest: SummaryDocument[];
}

/** Documents listed under `latest` by default. */
export const LATEST_DOCUMENTS = 5;

const SALES = 'ACCREC';
const GONE = new Set(['DELETED', 'VOIDED']);

/**
 * A Xero date as `YYYY-MM-DD`: MS-JSON `/Date(1539993600000+0000)/` (what the API sends, docs/vendors/xero.md §2)
 * or an ISO date/date-time (`DueDateString`). Undefined for anything else.
 */
export function xeroDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (ms) return new Date(Number(ms[1])).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** The same calendar day one year earlier (29 Feb → 28 Feb). */
function yearBefore(day: string): string {
  const previous = String(Number(day.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${previous}-${monthDay}`;
}

const money = (value: number | undefined) => dec(value ?? 0);

interface RunningTotals {
  outstanding: Decimal;
  overdue: Decimal;
  paid: Decimal;
  overdueCount: number;
}

export function isOverdue(invoice: SummaryInvoice, today: string): boolean {
  const due = xeroDay(invoice.DueDate);
  return (
    invoice.Status === 'AUTHORISED' &&
    money(invoice.AmountDue).gt(0) &&
    due !== undefined &&
    due < today
  );
}

export function financialSummary(
  invoices: readonly SummaryInvoice[],
  quotes: readonly SummaryQuote[],
  today: string,
  latestCount = LATEST_DOCUMENTS,
): FinancialSummary {
  const sales = invoices.filter((invoice) => (invoice.Type ?? SALES) === SALES);
  const since = yearBefore(today);
  const totals = new Map<string, RunningTotals>();
  for (const invoice of sales) {
    if (GONE.has(invoice.Status ?? '') || invoice.CurrencyCode === undefined) continue;
    const entry = totals.get(invoice.CurrencyCode) ?? {
      outstanding: ZERO,
      overdue: ZERO,
      paid: ZERO,
      overdueCount: 0,
    };
    totals.set(invoice.CurrencyCode, entry);
    if (invoice.Status === 'AUTHORISED') {
      entry.outstanding = entry.outstanding.plus(money(invoice.AmountDue));
      if (isOverdue(invoice, today)) {
        entry.overdue = entry.overdue.plus(money(invoice.AmountDue));
        entry.overdueCount += 1;
      }
    }
    const paidOn = xeroDay(invoice.FullyPaidOnDate);
    if (invoice.Status === 'PAID' && paidOn !== undefined && paidOn > since && paidOn <= today)
      entry.paid = entry.paid.plus(money(invoice.AmountPaid ?? invoice.Total));
  }
  const byCurrency = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, entry]) => ({
      currency,
      outstanding: entry.outstanding.toFixed(2),
      overdue: entry.overdue.toFixed(2),
      paidLast12Months: entry.paid.toFixed(2),
      overdueCount: entry.overdueCount,
    }));
  return {
    byCurrency,
    currencies: byCurrency.map((entry) => entry.currency),
    latest: latestDocuments(sales, quotes, today).slice(0, latestCount),
  };
}

function latestDocuments(
  invoices: readonly SummaryInvoice[],
  quotes: readonly SummaryQuote[],
  today: string,
): SummaryDocument[] {
  // Invoices and quotes name their fields differently (Xero's own shapes): a loop for each.
  const documents: SummaryDocument[] = [];
  for (const invoice of invoices) {
    if (invoice.InvoiceID === undefined || invoice.Status === 'DELETED') continue;
    documents.push({
      kind: 'invoice',
      id: invoice.InvoiceID,
      number: invoice.InvoiceNumber ?? null,
      status: invoice.Status ?? 'DRAFT',
      overdue: isOverdue(invoice, today),
      currency: invoice.CurrencyCode ?? '',
      total: money(invoice.Total).toFixed(2),
      amountDue: money(invoice.AmountDue).toFixed(2),
      date: xeroDay(invoice.Date) ?? null,
      dueDate: xeroDay(invoice.DueDate) ?? null,
    });
  }
  for (const quote of quotes) {
    if (quote.QuoteID === undefined || quote.Status === 'DELETED') continue;
    documents.push({
      kind: 'quote',
      id: quote.QuoteID,
      number: quote.QuoteNumber ?? null,
      status: quote.Status ?? 'DRAFT',
      overdue: false,
      currency: quote.CurrencyCode ?? '',
      total: money(quote.Total).toFixed(2),
      amountDue: null,
      date: xeroDay(quote.Date) ?? null,
      dueDate: xeroDay(quote.ExpiryDate) ?? null,
    });
  }
  // Newest first; documents of one day by number, highest first (Xero numbers ascend).
  return documents.sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      (b.number ?? '').localeCompare(a.number ?? '', undefined, { numeric: true }),
  );
}
