import assert from 'node:assert/strict';

import type { XeroContact, XeroInvoice, XeroItem, XeroQuote } from '../../src/xero/types.js';

/**
 * What the sandboxes' control APIs answer, typed for the tests with Xero's own (generated) schemas.
 * Xero's spec makes every field optional; the fields below are the ones the sandbox always writes
 * (sandbox/xero/accounting/views.ts), so tests read them without `!` and a misspelt field fails to
 * compile instead of comparing `undefined`.
 */
type With<T, K extends keyof T> = T & Required<Pick<T, K>>;

type Line = NonNullable<XeroInvoice['LineItems']>[number];
type SandboxLine = With<Line, 'Quantity' | 'UnitAmount' | 'TaxAmount' | 'LineAmount'>;
/** Documents carry a summary of their contact: its id always, its name when Xero knows it. */
type Sandboxed<T> = Omit<T, 'LineItems' | 'Contact'> & {
  LineItems: SandboxLine[];
  Contact: With<XeroContact, 'ContactID'>;
};
type DocumentFields = 'Status' | 'SubTotal' | 'TotalTax' | 'Total' | 'CurrencyCode';

export type SandboxInvoice = Sandboxed<
  With<XeroInvoice, DocumentFields | 'InvoiceID' | 'InvoiceNumber' | 'Type'>
>;
export type SandboxQuote = Sandboxed<With<XeroQuote, DocumentFields | 'QuoteID' | 'QuoteNumber'>>;
/** A contact read on its own: both address types and every phone type are always there. */
export type SandboxContact = With<
  XeroContact,
  'ContactID' | 'Name' | 'ContactStatus' | 'Addresses' | 'Phones'
>;
export type SandboxAddress = SandboxContact['Addresses'][number];
export type SandboxItem = With<XeroItem, 'ItemID' | 'Code'>;

/** A note on a deal as Pipedrive's v1 notes API answers it (the fields tests read). */
export interface SandboxNote {
  id: number;
  content: string;
  deal_id: number;
  add_time: string;
}

export interface SandboxBooks {
  invoices: SandboxInvoice[];
  quotes: SandboxQuote[];
}

/** The one element that matches (all of them when no test is given): fails the test otherwise. */
export function one<T>(list: readonly T[], test: (value: T) => boolean = () => true): T {
  const found = list.filter(test);
  assert.equal(found.length, 1, `expected exactly one match, found ${found.length}`);
  return found[0]!;
}
