import { DOCUMENT_KIND, type DocumentKind, type LineAmountMode } from '../document-kinds.js';
import { addDays, dueDate } from './dates.js';
import { buildReference, renderTemplate, type TemplateValues } from './reference.js';
import type {
  DocumentInput,
  XeroDocumentBase,
  XeroDocumentDraft,
  XeroDraftOf,
  XeroLineItem,
} from './types.js';

/**
 * The document around the lines: always DRAFT; Reference with the (deal, trigger) key; then each
 * kind's own fields (KIND_FIELDS): invoices get the deal URL and a due date, quotes an expiry date,
 * title, summary and terms (docs/vendors/xero.md §10–§11); each spells LineAmountTypes its own way.
 */
export function documentHeader(
  input: DocumentInput,
  currency: string,
  mode: LineAmountMode,
  lines: XeroLineItem[],
): XeroDocumentDraft {
  const options = input.settings.documents;
  const common: XeroDocumentBase = {
    Status: 'DRAFT',
    Contact: { ContactID: input.contactId },
    Date: input.today,
    Reference: buildReference(options.referenceTemplate, templateValues(input), input.triggerKey),
    CurrencyCode: currency,
    LineItems: lines,
    ...(options.brandingThemeId !== null && { BrandingThemeID: options.brandingThemeId }),
  };
  return KIND_FIELDS[input.kind](common, input, mode);
}

type KindFields = {
  [K in DocumentKind]: (
    common: XeroDocumentBase,
    input: DocumentInput,
    mode: LineAmountMode,
  ) => XeroDraftOf[K];
};

/** Each kind's own fields; a kind without an entry does not compile. */
const KIND_FIELDS: KindFields = {
  invoice: (common, input, mode) => ({
    ...common,
    Type: 'ACCREC',
    DueDate: dueDate(input.today, input.settings.documents.dueDate),
    LineAmountTypes: DOCUMENT_KIND.invoice.lineAmountTypes[mode],
    Url: input.dealUrl,
  }),
  quote: (common, input, mode) => {
    const quote = input.settings.documents.quote;
    const values = templateValues(input);
    // Xero's limits (docs/vendors/xero.md §11): Title 100, Summary 3000, Terms 4000 characters.
    const title = renderTemplate(quote.titleTemplate, values).trim().slice(0, 100);
    const summary = renderTemplate(quote.summary, values).trim().slice(0, 3000);
    const terms = renderTemplate(quote.terms, values).trim().slice(0, 4000);
    return {
      ...common,
      ExpiryDate: addDays(input.today, quote.expiryDays),
      LineAmountTypes: DOCUMENT_KIND.quote.lineAmountTypes[mode],
      ...(title !== '' && { Title: title }),
      ...(summary !== '' && { Summary: summary }),
      ...(terms !== '' && { Terms: terms }),
    };
  },
};

function templateValues(input: DocumentInput): TemplateValues {
  const { customer } = input;
  return {
    document: input.kind,
    deal: input.deal,
    org: customer?.organization,
    person: customer?.person,
    fieldDefinitions: customer?.fieldDefinitions,
  };
}
