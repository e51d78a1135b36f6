import type { Settings } from '../../sync/settings.js';
import { type FormValues, list, one } from './form-values.js';
import { matchingFromForm, matchingToForm } from './matching-form.js';

export { type FormValues, list, one };

/**
 * The settings form as flat values (the names of its inputs) and back. The page renders only from
 * form values — the stored settings turned into them, or what was just posted — so a refused post is
 * shown again exactly as typed. Repeating rows (trigger rules, tax mappings, field mappings) post as
 * parallel lists; a row whose key column is blank is dropped, which is how a row is removed and why
 * the page can offer blank rows without any script. `formToInput` builds the object
 * sync/settings.ts validates; it converts but never judges (a number field that is not a number
 * stays NaN, and the schema says so with its path).
 */
/** Each repeating table: its input names, the first being the key that makes a row count. */
export const ROWS = {
  rules: ['rule.stage', 'rule.document'],
  taxes: ['tax.ratePercent', 'tax.taxType'],
  companyFields: ['companyField.pipedrive', 'companyField.xero'],
  personFields: ['personField.pipedrive', 'personField.xero'],
} as const;
export type RowTable = keyof typeof ROWS;

/** The table's rows, blank ones dropped: row i here is item i of the settings list. */
export function rows(values: FormValues, table: RowTable): string[][] {
  const columns = ROWS[table].map((name) => list(values, name));
  const count = Math.max(0, ...columns.map((column) => column.length));
  const all = Array.from({ length: count }, (_, index) =>
    columns.map((column) => column[index] ?? ''),
  );
  return all.filter((row) => (row[0] ?? '').trim() !== '');
}

/** The stage picker's value: both ids, since a rule names its pipeline too. */
export const stageValue = (pipelineId: number, stageId: number) => `${pipelineId}:${stageId}`;
/** A tracking choice's value (names may contain any character, so JSON). */
export const trackingValue = (categoryName: string, optionName: string) =>
  JSON.stringify([categoryName, optionName]);

export function settingsToForm(settings: Settings): FormValues {
  const { triggers, documents, items, contacts } = settings;
  return {
    'triggers.onWon': triggers.onWon ?? '',
    'rule.stage': triggers.rules.map((rule) => stageValue(rule.pipelineId, rule.stageId)),
    'rule.document': triggers.rules.map((rule) => rule.document),
    'documents.lineAmountType': documents.lineAmountType,
    'documents.defaultAccountCode': documents.defaultAccountCode,
    'tax.ratePercent': documents.taxMappings.map((mapping) => String(mapping.ratePercent)),
    'tax.taxType': documents.taxMappings.map((mapping) => mapping.taxType),
    'documents.defaultTaxType': documents.defaultTaxType ?? '',
    'documents.noTaxType': documents.noTaxType,
    'documents.dueDate.type': documents.dueDate.type,
    'documents.dueDate.days': String(documents.dueDate.days),
    'documents.referenceTemplate': documents.referenceTemplate,
    'documents.brandingThemeId': documents.brandingThemeId ?? '',
    'documents.quote.expiryDays': String(documents.quote.expiryDays),
    'documents.quote.titleTemplate': documents.quote.titleTemplate,
    'documents.quote.terms': documents.quote.terms,
    'documents.quote.summary': documents.quote.summary,
    'documents.currency': documents.currency,
    tracking: documents.trackings.map((t) => trackingValue(t.categoryName, t.optionName)),
    'documents.recurringBilling': documents.recurringBilling,
    'documents.onPaid.dealField': documents.onPaid?.dealField ?? '',
    'documents.onPaid.value': documents.onPaid?.value ?? '',
    'items.productNotFound': items.productNotFound,
    'items.defaultItemCode': items.defaultItemCode ?? '',
    'contacts.matchOrder': contacts.matchOrder,
    'companyField.pipedrive': contacts.companyFields.map((mapping) => mapping.pipedriveField),
    'companyField.xero': contacts.companyFields.map((mapping) => mapping.xeroField),
    'personField.pipedrive': contacts.personFields.map((mapping) => mapping.pipedriveField),
    'personField.xero': contacts.personFields.map((mapping) => mapping.xeroField),
    ...matchingToForm(settings),
  };
}

/** Form values → the settings object to validate (see the top of this file). */
export function formToInput(values: FormValues): Record<string, unknown> {
  const text = (name: string) => one(values, name);
  const orNull = (name: string) => (text(name) === '' ? null : text(name));
  const num = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  const onPaid = {
    ...(text('documents.onPaid.dealField') !== '' && {
      dealField: text('documents.onPaid.dealField'),
    }),
    ...(text('documents.onPaid.value') !== '' && { value: text('documents.onPaid.value') }),
  };
  const matching = matchingFromForm(values);
  return {
    triggers: {
      rules: rows(values, 'rules').map(([stage = '', document]) => {
        const [pipelineId = '', stageId = ''] = stage.split(':');
        return { pipelineId: num(pipelineId), stageId: num(stageId), document };
      }),
      onWon: orNull('triggers.onWon'),
    },
    documents: {
      lineAmountType: text('documents.lineAmountType'),
      defaultAccountCode: text('documents.defaultAccountCode'),
      taxMappings: rows(values, 'taxes').map(([rate = '', taxType]) => ({
        ratePercent: num(rate),
        taxType,
      })),
      defaultTaxType: orNull('documents.defaultTaxType'),
      noTaxType: text('documents.noTaxType'),
      dueDate: { type: text('documents.dueDate.type'), days: num(text('documents.dueDate.days')) },
      referenceTemplate: text('documents.referenceTemplate'),
      brandingThemeId: orNull('documents.brandingThemeId'),
      quote: {
        expiryDays: num(text('documents.quote.expiryDays')),
        titleTemplate: text('documents.quote.titleTemplate'),
        terms: text('documents.quote.terms'),
        summary: text('documents.quote.summary'),
      },
      currency: text('documents.currency'),
      trackings: list(values, 'tracking')
        .filter((value) => value !== '')
        .map(parseTracking),
      recurringBilling: text('documents.recurringBilling'),
      ...(Object.keys(onPaid).length > 0 && { onPaid }),
    },
    items: {
      productNotFound: text('items.productNotFound'),
      defaultItemCode: orNull('items.defaultItemCode'),
      ...matching.items,
    },
    contacts: {
      ...matching.contacts,
      matchOrder: list(values, 'contacts.matchOrder').filter((key) => key !== ''),
      companyFields: rows(values, 'companyFields').map(([pipedriveField, xeroField]) => ({
        pipedriveField,
        xeroField,
      })),
      personFields: rows(values, 'personFields').map(([pipedriveField, xeroField]) => ({
        pipedriveField,
        xeroField,
      })),
    },
  };
}

/** An altered tracking value becomes empty names, which the schema refuses with its path. */
function parseTracking(value: string): { categoryName: string; optionName: string } {
  try {
    const [categoryName, optionName] = JSON.parse(value) as unknown[];
    if (typeof categoryName === 'string' && typeof optionName === 'string')
      return { categoryName, optionName };
  } catch {
    // fall through
  }
  return { categoryName: '', optionName: '' };
}
