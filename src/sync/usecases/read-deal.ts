import { PipedriveApiError } from '../../pipedrive/errors.js';
import type {
  PipedriveDeal,
  PipedriveDealDiscount,
  PipedriveDealProduct,
  PipedriveFieldDefinition,
  PipedriveOrganization,
  PipedrivePerson,
  PipedriveProduct,
} from '../../pipedrive/types.js';
import type { SyncDeps } from '../ports.js';
import type { ItemSettings } from '../settings.js';

/**
 * Everything a document is made from, read from Pipedrive (docs/vendors/pipedrive.md §3) in the client's wire
 * shapes, which the mapping's inputs fit (mapping/types.ts): the deal, its product
 * lines (all pages), its deal-level discounts, its organization and person, and the product records
 * of the enabled lines (for their codes). Field definitions are read only when a field mapping names
 * a custom field, since only then do enum labels matter.
 */
export interface DealSnapshot {
  deal: PipedriveDeal;
  dealProducts: PipedriveDealProduct[];
  dealDiscounts: PipedriveDealDiscount[];
  org: PipedriveOrganization | undefined;
  person: PipedrivePerson | undefined;
  /** productId → product, for the enabled lines. */
  products: Map<number, PipedriveProduct>;
  fieldDefinitions: PipedriveFieldDefinition[];
}

const CUSTOM_KEY = /^[0-9a-f]{40}/;

/** The deal and what hangs on it; undefined when the deal was deleted (there is nothing to do). */
export async function readDeal(deps: SyncDeps, dealId: number): Promise<DealSnapshot | undefined> {
  const { pipedrive } = deps;
  const deal = await unlessDeleted(pipedrive.getDeal(dealId));
  if (deal === undefined) return undefined;
  const [dealProducts, dealDiscounts, org, person] = await Promise.all([
    pipedrive.listDealProducts(dealId),
    pipedrive.listDealDiscounts(dealId),
    deal.org_id ? pipedrive.getOrganization(deal.org_id) : undefined,
    deal.person_id ? pipedrive.getPerson(deal.person_id) : undefined,
  ]);
  const productIds = [
    ...new Set(dealProducts.filter((line) => line.is_enabled).map((line) => line.product_id)),
  ];
  const products = new Map<number, PipedriveProduct>();
  await Promise.all(productIds.map(async (id) => products.set(id, await pipedrive.getProduct(id))));
  return {
    deal,
    dealProducts,
    dealDiscounts: dealDiscounts ?? [],
    org,
    person,
    products,
    fieldDefinitions: await customFieldDefinitions(deps, org !== undefined, true),
  };
}

/** Whether products are matched by a custom field, whose definition turns option ids into labels. */
function matchesByCustomField(items: Pick<ItemSettings, 'matchBy'>): boolean {
  return CUSTOM_KEY.test(items.matchBy.pipedriveField);
}

/**
 * The product field definitions mapping/item.ts itemKeyFor needs to read the match field as a
 * document does (an enum or set option as its label): none unless products are matched by a custom
 * field. For the item syncs, which read products without a deal.
 */
export async function productFieldDefinitions(deps: SyncDeps): Promise<PipedriveFieldDefinition[]> {
  return matchesByCustomField(deps.company.settings.items)
    ? deps.pipedrive.listFields('product')
    : [];
}

/** A Pipedrive record as it is now; undefined once it is deleted (flagged so, or 404 / 410). */
export async function unlessDeleted<T extends { is_deleted: boolean }>(
  read: Promise<T>,
): Promise<T | undefined> {
  try {
    const record = await read;
    return record.is_deleted ? undefined : record;
  } catch (error) {
    if (error instanceof PipedriveApiError && error.code === 'pipedrive_not_found')
      return undefined;
    throw error;
  }
}

/**
 * Field definitions for the custom fields the settings name (none when they name none): the contact
 * mappings and match pairs, and, with `products` (reading a deal), the field products are matched by
 * and the custom fields the document templates name.
 */
export async function customFieldDefinitions(
  deps: SyncDeps,
  hasOrg: boolean,
  products = false,
): Promise<PipedriveFieldDefinition[]> {
  const { contacts, items, documents } = deps.company.settings;
  const templates = products
    ? [documents.referenceTemplate, ...Object.values(documents.quote).map(String)].join(' ')
    : '';
  const templated = (source: string) => new RegExp(`\\{${source}\\.[0-9a-f]{40}`).test(templates);
  const { companyFields, personFields, matchFields } = contacts;
  const usesCustom = (mappings: readonly { pipedriveField: string }[]) =>
    mappings.some((mapping) => CUSTOM_KEY.test(mapping.pipedriveField));
  const entities: ('organization' | 'person' | 'product' | 'deal')[] = [];
  if (hasOrg && (usesCustom([...companyFields, ...matchFields.organization]) || templated('org')))
    entities.push('organization');
  if (usesCustom([...personFields, ...matchFields.person]) || templated('person'))
    entities.push('person');
  if (products && matchesByCustomField(items)) entities.push('product');
  if (templated('deal')) entities.push('deal');
  const lists = await Promise.all(entities.map((entity) => deps.pipedrive.listFields(entity)));
  return lists.flat();
}
