import type { PipedriveClient } from '../pipedrive/client.js';
import type { PipedriveFieldDefinition } from '../pipedrive/types.js';
import type { Settings } from '../sync/settings.js';
import type { XeroClient } from '../xero/client.js';
import type { XeroAccount, XeroContactGroup, XeroTaxRate, XeroTenantRef } from '../xero/types.js';

/**
 * Settings name Xero codes (an account, tax types); on save they are checked against the connected
 * organisation, so a typo is refused now with its name instead of failing every later sync.
 * `unknownXeroCodes` is pure; `checkSettingsAgainstXero` reads the organisation's lists.
 */
export function unknownXeroCodes(
  settings: Settings,
  accounts: readonly XeroAccount[],
  taxRates: readonly XeroTaxRate[],
  /** The organisation's currencies, item codes and contact groups, when the settings name any. */
  more: {
    currencies?: readonly string[];
    itemCodes?: readonly string[];
    contactGroups?: readonly XeroContactGroup[];
  } = {},
): string[] {
  const accountCodes = new Set(
    accounts.filter((account) => account.Status !== 'ARCHIVED').map((account) => account.Code),
  );
  const taxTypes = new Set(
    taxRates.filter((rate) => rate.Status !== 'DELETED').map((rate) => rate.TaxType),
  );
  const problems: string[] = [];
  const { documents } = settings;
  const { newContacts } = settings.contacts;
  const accountsNamed: [string, string | null][] = [
    ['documents.defaultAccountCode', documents.defaultAccountCode],
    ['contacts.newContacts.salesAccountCode', newContacts.salesAccountCode],
  ];
  for (const [path, code] of accountsNamed)
    if (code !== null && !accountCodes.has(code))
      problems.push(`${path}: Xero has no active account "${code}"`);
  const named: [string, string | null][] = [
    ['documents.defaultTaxType', documents.defaultTaxType],
    ['documents.noTaxType', documents.noTaxType],
    ['contacts.newContacts.taxType', newContacts.taxType],
    ...documents.taxMappings.map((mapping, index): [string, string] => [
      `documents.taxMappings.${index}.taxType`,
      mapping.taxType,
    ]),
  ];
  for (const [path, taxType] of named) {
    if (taxType !== null && !taxTypes.has(taxType)) {
      problems.push(`${path}: Xero has no active tax rate "${taxType}"`);
    }
  }
  const currency = newContacts.defaultCurrency;
  if (currency !== null && more.currencies && !more.currencies.includes(currency))
    problems.push(
      `contacts.newContacts.defaultCurrency: the currency ${currency} is not enabled in Xero`,
    );
  const groupProblem = contactGroupProblem(newContacts.contactGroupId, more.contactGroups);
  if (groupProblem) problems.push(`contacts.newContacts.contactGroupId: ${groupProblem}`);
  settings.items.links.forEach((link, index) => {
    if (more.itemCodes && !more.itemCodes.includes(link.itemCode))
      problems.push(`items.links.${index}.itemCode: Xero has no item "${link.itemCode}"`);
  });
  return problems;
}

/** Why new contacts cannot go into the group, when they cannot (docs/vendors/xero.md §8.1). */
function contactGroupProblem(
  id: string | null,
  groups: readonly XeroContactGroup[] | undefined,
): string | undefined {
  if (id === null || groups === undefined) return undefined;
  const group = groups.find((entry) => entry.ContactGroupID?.toLowerCase() === id.toLowerCase());
  if (!group) return `Xero has no contact group ${id}`;
  if (group.Status === 'DELETED')
    return `the Xero contact group "${group.Name ?? id}" is deleted; choose an active group`;
  return undefined;
}

export async function checkSettingsAgainstXero(
  xero: XeroClient,
  ref: XeroTenantRef,
  settings: Settings,
): Promise<string[]> {
  const { newContacts } = settings.contacts;
  const [accounts, taxRates, currencies, items, contactGroups] = await Promise.all([
    xero.getAccounts(ref),
    xero.getTaxRates(ref),
    newContacts.defaultCurrency === null ? undefined : xero.getCurrencies(ref),
    settings.items.links.length === 0 ? undefined : xero.getItems(ref),
    newContacts.contactGroupId === null ? undefined : xero.getContactGroups(ref),
  ]);
  return unknownXeroCodes(settings, accounts, taxRates, {
    ...(currencies && { currencies: currencies.flatMap((entry) => entry.Code ?? []) }),
    ...(items && { itemCodes: items.flatMap((item) => item.Code ?? []) }),
    ...(contactGroups && { contactGroups }),
  });
}

const CUSTOM_KEY = /^[0-9a-f]{40}/;
type FieldEntity = 'deal' | 'organization' | 'person' | 'product';

/**
 * The custom fields (40-hex keys) the settings name, each with the entities it may belong to and
 * its path: match pairs, the customer number, the product match field and the templates'
 * `{deal.…}`, `{org.…}`, `{person.…}` placeholders.
 */
function namedCustomFields(settings: Settings): { path: string; key: string; in: FieldEntity[] }[] {
  const { contacts, items, documents } = settings;
  const named: { path: string; key: string; in: FieldEntity[] }[] = [];
  const add = (path: string, field: string | null | undefined, entities: FieldEntity[]) => {
    const key = field?.split('.')[0] ?? '';
    if (CUSTOM_KEY.test(key)) named.push({ path, key, in: entities });
  };
  contacts.matchFields.organization.forEach((pair, index) =>
    add(`contacts.matchFields.organization.${index}.pipedriveField`, pair.pipedriveField, [
      'organization',
    ]),
  );
  contacts.matchFields.person.forEach((pair, index) =>
    add(`contacts.matchFields.person.${index}.pipedriveField`, pair.pipedriveField, ['person']),
  );
  const number = contacts.customerNumber;
  if (number?.from === 'pipedrive')
    add('contacts.customerNumber.pipedriveField', number.pipedriveField, [
      'organization',
      'person',
    ]);
  if (number?.from === 'xero')
    add('contacts.customerNumber.writeBackField', number.writeBackField, [
      'organization',
      'person',
    ]);
  add('items.matchBy.pipedriveField', items.matchBy.pipedriveField, ['product']);
  const templates: [string, string][] = [
    ['documents.referenceTemplate', documents.referenceTemplate],
    ['documents.quote.titleTemplate', documents.quote.titleTemplate],
    ['documents.quote.summary', documents.quote.summary],
    ['documents.quote.terms', documents.quote.terms],
  ];
  const sources: Record<string, FieldEntity> = {
    deal: 'deal',
    org: 'organization',
    person: 'person',
  };
  for (const [path, template] of templates)
    for (const match of template.matchAll(/\{(deal|org|person)\.([0-9a-f]{40})/g))
      add(path, match[2], [sources[match[1]!]!]);
  return named;
}

/** Each custom field key the settings name that none of its entities' real fields has. */
export function unknownPipedriveFields(
  settings: Settings,
  fields: Partial<Record<FieldEntity, readonly PipedriveFieldDefinition[]>>,
): string[] {
  return namedCustomFields(settings).flatMap(({ path, key, in: entities }) =>
    entities.some((entity) => fields[entity]?.some((field) => field.field_code === key))
      ? []
      : [`${path}: Pipedrive has no ${entities.join(' or ')} field "${key}"`],
  );
}

/** Reads only the field lists the settings need (none when they name no custom field). */
export async function checkSettingsAgainstPipedrive(
  pipedrive: PipedriveClient,
  settings: Settings,
): Promise<string[]> {
  const named = namedCustomFields(settings);
  if (named.length === 0) return [];
  const entities = [...new Set(named.flatMap((entry) => entry.in))];
  const lists = await Promise.all(entities.map((entity) => pipedrive.listFields(entity)));
  return unknownPipedriveFields(
    settings,
    Object.fromEntries(entities.map((entity, index) => [entity, lists[index]!])),
  );
}
