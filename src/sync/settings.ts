import { z } from 'zod';

import { zodProblems } from '../zod-problems.js';
import { DOCUMENT_KINDS } from './document-kinds.js';

/**
 * The one settings schema of a company ("one schema of settings, validated on write and
 * read"). Every object is strict: an unknown key is an error that names it. Every field has a default
 * that works with a fresh Xero organisation, so `{}` parses to a usable configuration.
 */

/** The parts of a Xero address (https://developer.xero.com/documentation/api/accounting/types#addresses). */
export const ADDRESS_PARTS = [
  'AddressLine1',
  'AddressLine2',
  'AddressLine3',
  'AddressLine4',
  'City',
  'Region',
  'PostalCode',
  'Country',
  'AttentionTo',
] as const;

/** The Xero contact fields that hold one text each (mapping/contact.ts writes, contact-diff.ts compares). */
export const CONTACT_TEXT_FIELDS = [
  'Name',
  'ContactNumber',
  'FirstName',
  'LastName',
  'EmailAddress',
  'AccountNumber',
  'TaxNumber',
  'CompanyNumber',
  'Website',
] as const;

/**
 * Xero contact fields a Pipedrive field can feed (docs/vendors/xero.md §8). The mapping reads this
 * vocabulary from here, so the schema below imports nothing of the mapping.
 */
export const XERO_CONTACT_FIELDS = [
  ...CONTACT_TEXT_FIELDS,
  'Phone.DEFAULT',
  'Phone.MOBILE',
  ...ADDRESS_PARTS.map((part) => `POBOX.${part}` as const),
  ...ADDRESS_PARTS.map((part) => `STREET.${part}` as const),
] as const;
export type XeroContactField = (typeof XERO_CONTACT_FIELDS)[number];

/** A Pipedrive field key as a contact field mapping names it (sync/mapping/contact-fields.ts). */
const pipedriveFieldKey = z
  .string()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/, 'must be a field key such as "name" or "address.locality"');

const documentKind = z.enum(DOCUMENT_KINDS);

const triggerRule = z.strictObject({
  pipelineId: z.number().int().positive(),
  stageId: z.number().int().positive(),
  document: documentKind,
});

/**
 * Upper bounds of the settings' lists: far above what a company configures (a rule per stage of
 * its pipelines, a mapping per contact field), low enough that a stored settings blob stays small
 * and every run reads it cheaply.
 */
export const SETTINGS_LIST_LIMITS = { triggerRules: 200, taxMappings: 100, fieldMappings: 60 };

const triggers = z.strictObject({
  /** Deal enters this stage → this document. Default: none (nothing happens until configured). */
  rules: z
    .array(triggerRule)
    .max(SETTINGS_LIST_LIMITS.triggerRules)
    .refine(
      (rules) =>
        new Set(rules.map((rule) => `${rule.pipelineId}:${rule.stageId}:${rule.document}`)).size ===
        rules.length,
      'each rule may appear once',
    )
    .default([]),
  /** Deal marked won → this document, or null for nothing. Default null. */
  onWon: documentKind.nullable().default(null),
});

const fieldMapping = z.strictObject({
  /**
   * A Pipedrive field key: a standard key (`name`, `website`, `email`, `phone`, `phone.mobile`,
   * `first_name`, `last_name`), a 40-hex custom field key, or an address subfield (`address.locality`,
   * `<custom key>.postal_code`; `.street` joins street number and route). Read by
   * sync/mapping/contact.ts, which documents every key.
   */
  pipedriveField: pipedriveFieldKey,
  xeroField: z.enum(XERO_CONTACT_FIELDS),
});

const addressMappings = (source: string) =>
  (['POBOX', 'STREET'] as const).flatMap((type) => [
    { pipedriveField: `${source}.street`, xeroField: `${type}.AddressLine1` as const },
    { pipedriveField: `${source}.locality`, xeroField: `${type}.City` as const },
    { pipedriveField: `${source}.admin_area_level_1`, xeroField: `${type}.Region` as const },
    { pipedriveField: `${source}.postal_code`, xeroField: `${type}.PostalCode` as const },
    { pipedriveField: `${source}.country`, xeroField: `${type}.Country` as const },
  ]);

const defaultCompanyMappings = [
  { pipedriveField: 'name', xeroField: 'Name' as const },
  { pipedriveField: 'website', xeroField: 'Website' as const },
  ...addressMappings('address'),
];

const defaultPersonMappings = [
  { pipedriveField: 'name', xeroField: 'Name' as const },
  { pipedriveField: 'first_name', xeroField: 'FirstName' as const },
  { pipedriveField: 'last_name', xeroField: 'LastName' as const },
  { pipedriveField: 'email', xeroField: 'EmailAddress' as const },
  { pipedriveField: 'phone', xeroField: 'Phone.DEFAULT' as const },
];

const taxMapping = z.strictObject({
  ratePercent: z.number().min(0).max(100),
  taxType: z.string().min(1).max(50),
});

const documents = z.strictObject({
  /** 'deal' follows the deal's tax_method (docs/vendors/money.md, mapping consequence 1). Default 'deal'. */
  lineAmountType: z.enum(['deal', 'exclusive', 'inclusive', 'none']).default('deal'),
  /** Revenue account for lines without an item account and for deal discounts. Default '200'. */
  defaultAccountCode: z.string().min(1).max(10).default('200'),
  /** Line tax % → Xero TaxType. Default empty: rates are matched against the org's tax rates. */
  taxMappings: z.array(taxMapping).max(SETTINGS_LIST_LIMITS.taxMappings).default([]),
  /** TaxType for a taxed line whose rate has no mapping. Default null (match by rate, else refuse). */
  defaultTaxType: z.string().min(1).nullable().default(null),
  /** TaxType for 0 % lines, tax_method none and rounding lines. Default 'NONE'. */
  noTaxType: z.string().min(1).default('NONE'),
  dueDate: z
    .strictObject({
      type: z.enum(['days_after_invoice', 'day_of_following_month']),
      days: z.number().int().min(0).max(365),
    })
    .refine(
      (terms) => terms.type !== 'day_of_following_month' || (terms.days >= 1 && terms.days <= 31),
      {
        message: 'day_of_following_month needs days between 1 and 31',
      },
    )
    .default({ type: 'days_after_invoice', days: 14 }),
  /** Placeholders: {deal.id} {deal.title} {document} (see sync/mapping/reference.ts). */
  referenceTemplate: z.string().max(200).default('Pipedrive deal {deal.id}: {deal.title}'),
  brandingThemeId: z.uuid().nullable().default(null),
  quote: z
    .strictObject({
      expiryDays: z.number().int().min(0).max(365).default(30),
      titleTemplate: z.string().max(100).default('{deal.title}'),
      terms: z.string().max(4000).default(''),
      summary: z.string().max(3000).default(''),
    })
    .default({ expiryDays: 30, titleTemplate: '{deal.title}', terms: '', summary: '' }),
  /** 'deal' invoices in the deal's currency; 'organisation_base' only in the org's base currency. */
  currency: z.enum(['deal', 'organisation_base']).default('deal'),
  trackings: z
    .array(z.strictObject({ categoryName: z.string().min(1), optionName: z.string().min(1) }))
    .max(2, 'Xero allows at most 2 tracking categories per line')
    .default([]),
  /** Recurring products (billing_frequency ≠ one-time): see docs/money.md. Default 'first_period'. */
  recurringBilling: z.enum(['first_period', 'all_cycles']).default('first_period'),
  /**
   * When Xero reports an invoice paid in full, also set this deal field (refreshDocument). Default
   * absent: only the note is written. `dealField` is a Pipedrive deal field key (a standard key or a
   * 40-hex custom field key); `value` defaults to the day it was paid (`YYYY-MM-DD`, for date fields).
   */
  onPaid: z
    .strictObject({
      dealField: z
        .string()
        .regex(/^[a-z0-9_]+$/, 'must be a deal field key such as "a1b2…" (40 hex)')
        .optional(),
      value: z.string().max(255).optional(),
    })
    .optional(),
});

const itemLink = z.strictObject({
  productId: z.number().int().positive(),
  itemCode: z.string().min(1).max(30),
});

const items = z
  .strictObject({
    /** What to do when a deal product has no Xero item. Default 'no_action' (refuse, name them). */
    productNotFound: z.enum(['no_action', 'default_item', 'create_item']).default('no_action'),
    defaultItemCode: z.string().min(1).max(30).nullable().default(null),
    /**
     * How a product finds its Xero item: this Pipedrive product field's value (`code`, or a custom
     * field's 40-hex key; option labels for enum fields) is that Xero item field's. An item created
     * for a product (`create_item`) takes the value as its Code when matching by Code. Default the
     * product code → Code (`PD-<id>` for a product without one, mapping/item.ts).
     */
    matchBy: z
      .strictObject({
        pipedriveField: z
          .string()
          .regex(/^(code|[0-9a-f]{40})$/, 'must be "code" or a custom product field key (40 hex)'),
        xeroField: z.enum(['Code', 'Name']),
      })
      .default({ pipedriveField: 'code', xeroField: 'Code' }),
    /** Products linked one to one to a Xero item by its Code, tried before matchBy. Default none. */
    links: z
      .array(itemLink)
      .refine(
        (links) => new Set(links.map((link) => link.productId)).size === links.length,
        'a product may be linked to one item only',
      )
      .refine(
        (links) => new Set(links.map((link) => link.itemCode)).size === links.length,
        'an item may be linked to one product only',
      )
      .default([]),
  })
  .refine((value) => value.productNotFound !== 'default_item' || value.defaultItemCode !== null, {
    message: 'productNotFound "default_item" needs a defaultItemCode',
    path: ['defaultItemCode'],
  });

/**
 * The Xero contact fields a customer can be looked up by in one `where` (docs/vendors/xero.md §5):
 * top-level text fields Xero filters with `==`. Phones are a list inside the contact, which Xero's
 * `where` does not reach, so a phone number cannot find a contact.
 */
export const MATCH_XERO_FIELDS = [
  'ContactNumber',
  'AccountNumber',
  'TaxNumber',
  'CompanyNumber',
  'Name',
  'EmailAddress',
] as const;
export type MatchXeroField = (typeof MATCH_XERO_FIELDS)[number];

/** "This Pipedrive field's value is that Xero contact field's": one step of the customer search. */
const matchPair = z.strictObject({
  pipedriveField: pipedriveFieldKey,
  xeroField: z.enum(MATCH_XERO_FIELDS),
});

const matchPairs = z
  .array(matchPair)
  .max(10)
  .refine(
    (pairs) =>
      new Set(pairs.map((pair) => `${pair.pipedriveField}>${pair.xeroField}`)).size ===
      pairs.length,
    'each pair may appear once',
  );

/**
 * The customer number: Xero's AccountNumber ("Account number" on the contact). Either a Pipedrive
 * field supplies it (`from: 'pipedrive'`, written on create and update), or Xero's is kept (`from:
 * 'xero'`: never sent, and written back into `writeBackField`, a custom field of the organization or
 * person, when a contact is matched that has one). Default null: the field mappings decide, as before.
 */
const customerNumber = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('pipedrive'), pipedriveField: pipedriveFieldKey }),
  z.strictObject({
    from: z.literal('xero'),
    writeBackField: z
      .string()
      .regex(/^[0-9a-f]{40}$/, 'must be a custom field key (40 hex)')
      .nullable()
      .default(null),
  }),
]);

/**
 * What every contact the app creates in Xero carries besides its mapped fields (never sent on an
 * update: the contact is the user's once it exists). Each is checked against the organisation on save
 * (services/settings-check.ts). Default none: Xero's own defaults.
 */
const newContacts = z.strictObject({
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a currency code such as "NZD"')
    .nullable()
    .default(null),
  salesAccountCode: z.string().min(1).max(10).nullable().default(null),
  taxType: z.string().min(1).max(50).nullable().default(null),
  /** Xero's PaymentTerms.Sales (docs/vendors/xero.md §8). */
  paymentTerms: z
    .strictObject({
      day: z.number().int().min(0).max(31),
      type: z.enum([
        'DAYSAFTERBILLDATE',
        'DAYSAFTERBILLMONTH',
        'OFCURRENTMONTH',
        'OFFOLLOWINGMONTH',
      ]),
    })
    .nullable()
    .default(null),
  /**
   * Xero's ContactGroupID: every contact the app creates is then added to this group, which Xero
   * takes only through its own call, not in the contact (docs/vendors/xero.md §8.1).
   */
  contactGroupId: z.uuid().nullable().default(null),
});

const contacts = z.strictObject({
  newContacts: newContacts.default(() => newContacts.parse({})),
  customerNumber: customerNumber.nullable().default(null),
  /**
   * Pairs tried first, in order, before `matchOrder`'s keys (mapping/contact-match.ts): a field the
   * customer's own record carries (a tax or company number) names it more surely than a name does.
   * `organization` for deals with an organization, `person` for deals billed to a person (B2C).
   * Default none: today's search by contact code, name and email.
   */
  matchFields: z
    .strictObject({
      organization: matchPairs.default([]),
      person: matchPairs.default([]),
    })
    .default({ organization: [], person: [] }),
  matchOrder: z
    .array(z.enum(['contact_number', 'name', 'email']))
    .min(1)
    .refine((order) => new Set(order).size === order.length, 'each match key may appear once')
    .default(['contact_number', 'name', 'email']),
  companyFields: z
    .array(fieldMapping)
    .max(SETTINGS_LIST_LIMITS.fieldMappings)
    .default(defaultCompanyMappings),
  personFields: z
    .array(fieldMapping)
    .max(SETTINGS_LIST_LIMITS.fieldMappings)
    .default(defaultPersonMappings),
});

export const settingsSchema = z.strictObject({
  triggers: triggers.default({ rules: [], onWon: null }),
  documents: documents.default(() => documents.parse({})),
  items: items.default(() => items.parse({})),
  contacts: contacts.default(() => contacts.parse({})),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type FieldMapping = z.infer<typeof fieldMapping>;
export type MatchPair = z.infer<typeof matchPair>;
export type ItemSettings = z.infer<typeof items>;
export type CustomerNumber = z.infer<typeof customerNumber>;
export type TriggerRule = z.infer<typeof triggerRule>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export type ParsedSettings = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** Validates stored or submitted settings; every problem as "path: message". */
export function parseSettings(input: unknown): ParsedSettings {
  const result = settingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, errors: zodProblems(result.error) };
}
