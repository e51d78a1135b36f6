import { addDays, dueDate } from './dates.js';
import { buildReference, renderTemplate } from './reference.js';
import type {
  DocumentInput,
  InvoiceLineAmountTypes,
  XeroInvoiceDraft,
  XeroLineItem,
  XeroQuoteDraft,
} from './types.js';

/**
 * The document around the lines: always DRAFT; Reference with the (deal, trigger) key; invoices get
 * the deal URL and a due date, quotes an expiry date, title, summary and terms (xero.md §10–§11).
 */

export function documentHeader(
  input: DocumentInput,
  currency: string,
  mode: InvoiceLineAmountTypes,
  lines: XeroLineItem[],
): XeroInvoiceDraft | XeroQuoteDraft {
  const { deal, settings, today } = input;
  const options = settings.documents;
  const values = { dealId: deal.id, dealTitle: deal.title, document: input.kind };
  const common = {
    Status: 'DRAFT' as const,
    Contact: { ContactID: input.contactId },
    Date: today,
    Reference: buildReference(options.referenceTemplate, values, input.triggerKey),
    CurrencyCode: currency,
    LineItems: lines,
    ...(options.brandingThemeId !== null && { BrandingThemeID: options.brandingThemeId }),
  };
  if (input.kind === 'invoice') {
    return {
      ...common,
      Type: 'ACCREC',
      DueDate: dueDate(today, options.dueDate),
      LineAmountTypes: mode,
      Url: input.dealUrl,
    };
  }
  const quote = options.quote;
  const title = renderTemplate(quote.titleTemplate, values).slice(0, 100);
  return {
    ...common,
    ExpiryDate: addDays(today, quote.expiryDays),
    // xero.md §11: quotes spell LineAmountTypes in upper case.
    LineAmountTypes: mode.toUpperCase() as XeroQuoteDraft['LineAmountTypes'],
    ...(title !== '' && { Title: title }),
    ...(quote.summary !== '' && { Summary: quote.summary }),
    ...(quote.terms !== '' && { Terms: quote.terms }),
  };
}
