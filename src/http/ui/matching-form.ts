import escapeHtml from 'escape-html';

import type { Choice, SettingsChoices } from '../../services/settings-choices.js';
import { MATCH_XERO_FIELDS, type Settings } from '../../sync/settings.js';
import { type FormValues, list, one } from './form-values.js';
import { fieldErrors, options } from './layout.js';

/**
 * The settings page's "Matching" fieldset (issue 10), kept in its own module: customer field pairs
 * (`contacts.matchFields`), the product field items are matched by (`items.matchBy`) and products
 * linked one to one to an item (`items.links`). Like settings-form.ts, the form is flat values and
 * back: repeating rows post as parallel lists, a row with a blank key column is dropped, and
 * nothing is judged here (the schema does, with its paths).
 */

const ROWS = {
  organization: ['matchField.organization.pipedrive', 'matchField.organization.xero'],
  person: ['matchField.person.pipedrive', 'matchField.person.xero'],
  links: ['itemLink.product', 'itemLink.code'],
} as const;
type Table = keyof typeof ROWS;

/** Blank rows offered under each table, so a row can be added without a script. */
const BLANK_ROWS = 2;

function rowsOf(values: FormValues, table: Table): string[][] {
  const columns = ROWS[table].map((name) => list(values, name));
  const count = Math.max(0, ...columns.map((column) => column.length));
  return Array.from({ length: count }, (_, index) =>
    columns.map((column) => column[index] ?? ''),
  ).filter((row) => (row[0] ?? '').trim() !== '');
}

export function matchingToForm(settings: Settings): FormValues {
  const { matchFields, customerNumber, newContacts } = settings.contacts;
  const { matchBy, links } = settings.items;
  return {
    'contacts.customerNumber.from': customerNumber?.from ?? '',
    'contacts.customerNumber.field':
      customerNumber?.from === 'pipedrive'
        ? customerNumber.pipedriveField
        : (customerNumber?.writeBackField ?? ''),
    'contacts.newContacts.defaultCurrency': newContacts.defaultCurrency ?? '',
    'contacts.newContacts.salesAccountCode': newContacts.salesAccountCode ?? '',
    'contacts.newContacts.taxType': newContacts.taxType ?? '',
    'contacts.newContacts.paymentTerms.day':
      newContacts.paymentTerms === null ? '' : String(newContacts.paymentTerms.day),
    'contacts.newContacts.paymentTerms.type': newContacts.paymentTerms?.type ?? '',
    'contacts.newContacts.contactGroupId': newContacts.contactGroupId ?? '',
    [ROWS.organization[0]]: matchFields.organization.map((pair) => pair.pipedriveField),
    [ROWS.organization[1]]: matchFields.organization.map((pair) => pair.xeroField),
    [ROWS.person[0]]: matchFields.person.map((pair) => pair.pipedriveField),
    [ROWS.person[1]]: matchFields.person.map((pair) => pair.xeroField),
    'items.matchBy.pipedriveField': matchBy.pipedriveField,
    'items.matchBy.xeroField': matchBy.xeroField,
    [ROWS.links[0]]: links.map((link) => String(link.productId)),
    [ROWS.links[1]]: links.map((link) => link.itemCode),
  };
}

/** The matching parts of the settings object to validate (formToInput merges them in). */
export function matchingFromForm(values: FormValues) {
  const pairs = (table: 'organization' | 'person') =>
    rowsOf(values, table).map(([pipedriveField, xeroField]) => ({ pipedriveField, xeroField }));
  const num = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  const orNull = (name: string) => one(values, name).trim() || null;
  const from = one(values, 'contacts.customerNumber.from');
  const field = orNull('contacts.customerNumber.field');
  const customerNumber =
    from === 'pipedrive'
      ? { from, pipedriveField: field ?? '' }
      : from === 'xero'
        ? { from, writeBackField: field }
        : null;
  const termsType = one(values, 'contacts.newContacts.paymentTerms.type');
  return {
    contacts: {
      matchFields: { organization: pairs('organization'), person: pairs('person') },
      customerNumber,
      newContacts: {
        defaultCurrency: orNull('contacts.newContacts.defaultCurrency'),
        salesAccountCode: orNull('contacts.newContacts.salesAccountCode'),
        taxType: orNull('contacts.newContacts.taxType'),
        paymentTerms:
          termsType === ''
            ? null
            : { day: num(one(values, 'contacts.newContacts.paymentTerms.day')), type: termsType },
        contactGroupId: orNull('contacts.newContacts.contactGroupId'),
      },
    },
    items: {
      matchBy: {
        pipedriveField: one(values, 'items.matchBy.pipedriveField').trim() || 'code',
        xeroField: one(values, 'items.matchBy.xeroField') || 'Code',
      },
      links: rowsOf(values, 'links').map(([product = '', itemCode]) => ({
        productId: num(product),
        itemCode,
      })),
    },
  };
}

const xeroMatchFields: Choice[] = MATCH_XERO_FIELDS.map((field) => ({
  value: field,
  label: field,
}));
const blank: Choice = { value: '', label: '— none —' };

export function renderMatchingSection(
  values: FormValues,
  choices: Pick<
    SettingsChoices,
    | 'organizationFields'
    | 'personFields'
    | 'items'
    | 'accounts'
    | 'taxTypes'
    | 'products'
    | 'productsTruncated'
    | 'contactGroups'
  >,
  errors: readonly string[],
): string {
  const pairTable = (table: 'organization' | 'person', fields: readonly Choice[], path: string) => {
    const [pipedriveName, xeroName] = ROWS[table];
    const filled = rowsOf(values, table);
    const shown = [...filled, ...Array.from({ length: BLANK_ROWS }, () => ['', ''])];
    const body = shown
      .map(
        ([pipedrive = '', xero = ''], index) =>
          `<tr><td><select name="${pipedriveName}" aria-label="Pipedrive field ${index + 1}" data-testid="${pipedriveName}-${index}">${options([blank, ...fields], pipedrive)}</select></td>` +
          `<td><select name="${xeroName}" aria-label="Xero contact field ${index + 1}" data-testid="${xeroName}-${index}">${options(xeroMatchFields, xero)}</select></td></tr>`,
      )
      .join('');
    return `<table><thead><tr><th scope="col">Pipedrive field</th><th scope="col">Xero contact field</th></tr></thead><tbody>${body}</tbody></table>${fieldErrors(errors, path, `${table}-pairs`)}`;
  };
  const links = [...rowsOf(values, 'links'), ...Array.from({ length: BLANK_ROWS }, () => ['', ''])]
    .map(
      ([product = '', code = ''], index) =>
        `<tr><td>${productCell(choices, product, index)}</td>` +
        `<td><select name="itemLink.code" aria-label="Xero item ${index + 1}" data-testid="itemLink.code-${index}">${options([blank, ...choices.items], code)}</select></td></tr>`,
    )
    .join('');
  const matchByField = escapeHtml(one(values, 'items.matchBy.pipedriveField'));
  const select = (name: string, label: string, list: readonly Choice[]) =>
    `<label for="${name}">${label}</label><select id="${name}" name="${name}" data-testid="${name}">${options(list, one(values, name))}</select>${fieldErrors(errors, name, name)}`;
  const input = (name: string, label: string) =>
    `<label for="${name}">${label}</label><input id="${name}" name="${name}" value="${escapeHtml(one(values, name))}" data-testid="${name}">${fieldErrors(errors, name, name)}`;
  const contactFields = [...choices.organizationFields, ...choices.personFields].filter((field) =>
    /^[0-9a-f]{40}$/.test(field.value),
  );
  return `<fieldset data-testid="matching"><legend>Matching</legend>
<p>Find a customer's Xero contact first by these pairs, in order (then by the keys above). A pair names a field both records carry, such as a tax number.</p>
<p>Organizations</p>
${pairTable('organization', choices.organizationFields, 'contacts.matchFields.organization')}
<p>People (deals billed to a person)</p>
${pairTable('person', choices.personFields, 'contacts.matchFields.person')}
<p>Find a product's Xero item by</p>
<label for="items-matchBy-pipedriveField">Pipedrive product field ("code", or a custom field's key)</label>
<input id="items-matchBy-pipedriveField" name="items.matchBy.pipedriveField" value="${matchByField}" data-testid="items.matchBy.pipedriveField">
${fieldErrors(errors, 'items.matchBy.pipedriveField', 'items-matchBy-pipedriveField')}
<label for="items-matchBy-xeroField">Xero item field</label>
<select id="items-matchBy-xeroField" name="items.matchBy.xeroField" data-testid="items.matchBy.xeroField">${options(
    [
      { value: 'Code', label: 'Code' },
      { value: 'Name', label: 'Name' },
    ],
    one(values, 'items.matchBy.xeroField'),
  )}</select>
<p>Products linked to an item (tried first)</p>
${productsNote(choices)}
<table><thead><tr><th scope="col">Pipedrive product</th><th scope="col">Xero item</th></tr></thead><tbody>${links}</tbody></table>
${fieldErrors(errors, 'items.links', 'item-links')}
<p>The customer number (Xero's Account number)</p>
${select('contacts.customerNumber.from', 'Comes from', [
  { value: '', label: 'the field mappings above' },
  { value: 'pipedrive', label: 'a Pipedrive field' },
  { value: 'xero', label: 'Xero (kept; optionally written back)' },
])}
${select('contacts.customerNumber.field', "Pipedrive field (supplies it, or receives Xero's)", [blank, ...contactFields])}
<p>New contacts created in Xero get</p>
${input('contacts.newContacts.defaultCurrency', 'Default currency (e.g. NZD)')}
${select('contacts.newContacts.salesAccountCode', 'Sales account', [blank, ...choices.accounts])}
${select('contacts.newContacts.taxType', 'Sales tax type', [blank, ...choices.taxTypes])}
${input('contacts.newContacts.paymentTerms.day', 'Payment terms: day')}
${select('contacts.newContacts.paymentTerms.type', 'Payment terms', [
  blank,
  { value: 'DAYSAFTERBILLDATE', label: 'days after the invoice date' },
  { value: 'DAYSAFTERBILLMONTH', label: 'days after the end of the invoice month' },
  { value: 'OFCURRENTMONTH', label: 'of the current month' },
  { value: 'OFFOLLOWINGMONTH', label: 'of the following month' },
])}
${select('contacts.newContacts.contactGroupId', 'Contact group', [blank, ...choices.contactGroups])}
</fieldset>`;
}

type ProductChoices = Pick<SettingsChoices, 'products' | 'productsTruncated'>;

/** Whether the products listed are all there are, so a link's product is picked from them. */
const pickable = (choices: ProductChoices) =>
  choices.products.length > 0 && !choices.productsTruncated;

/**
 * A link's product: picked by name from the company's products; typed by id (the listed ones
 * suggested) when the catalogue is longer than the list or could not be read. A linked product
 * the list lacks stays selected under its id (options), so saving the page keeps the link.
 */
function productCell(choices: ProductChoices, product: string, index: number): string {
  const named = `name="itemLink.product" aria-label="Pipedrive product ${index + 1}" data-testid="itemLink.product-${index}"`;
  if (pickable(choices))
    return `<select ${named}>${options([blank, ...choices.products], product)}</select>`;
  const list = choices.products.length > 0 ? ' list="pipedrive-products"' : '';
  return `<input ${named} inputmode="numeric"${list} value="${escapeHtml(product)}">`;
}

function productsNote(choices: ProductChoices): string {
  if (pickable(choices) || choices.products.length === 0) return '';
  const suggestions = choices.products
    .map(
      (choice) =>
        `<option value="${escapeHtml(choice.value)}" label="${escapeHtml(choice.label)}"></option>`,
    )
    .join('');
  return `<p data-testid="products-truncated">Pipedrive holds more than the ${choices.products.length} products listed here: type the id of any other.</p><datalist id="pipedrive-products">${suggestions}</datalist>`;
}
