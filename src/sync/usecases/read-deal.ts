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
import { listQueuedDocumentDeals } from '../../store/repos/runs.js';
import { DealReadAhead, type ReadAheadLines } from '../deal-read-ahead.js';
import { mayHaveDealDiscounts } from '../mapping/money.js';
import type { SyncDeps } from '../ports.js';
import type { ItemSettings } from '../settings.js';

/**
 * Everything a document is made from, read from Pipedrive (docs/vendors/pipedrive.md §3) in the
 * client's wire shapes, which the mapping's inputs fit (mapping/types.ts): the deal; its product lines
 * (all pages) and the product records of the enabled ones (for their codes), both read ahead with the
 * company's other queued runs when it has some (deal-read-ahead.ts); its deal-level discounts, unless
 * its value shows it has none (mapping/money.ts mayHaveDealDiscounts); its organization and person.
 * Field definitions are read only when a field mapping names a custom field, since only then do enum
 * labels matter.
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
  const [lines, org, person] = await Promise.all([
    linesOf(deps, deal),
    deal.org_id ? pipedrive.getOrganization(deal.org_id) : undefined,
    deal.person_id ? pipedrive.getPerson(deal.person_id) : undefined,
  ]);
  const { lines: dealProducts, products } = lines;
  const dealDiscounts = mayHaveDealDiscounts(deal.value, dealProducts)
    ? await pipedrive.listDealDiscounts(dealId)
    : [];
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

export const processDealReadAhead = new DealReadAhead();

/** Deals whose lines one batch reads (Pipedrive's limit for `deal_ids`, §3.3). */
const BATCH = 100;

/**
 * The deal's product lines and their products: read ahead with other queued runs' deals
 * (deal-read-ahead.ts) when the company has any, else one call for the lines and one per product.
 */
async function linesOf(
  deps: SyncDeps,
  deal: PipedriveDeal,
): Promise<Pick<ReadAheadLines, 'lines' | 'products'>> {
  const readAhead = deps.dealReadAhead ?? processDealReadAhead;
  const companyId = deps.company.id;
  const updatedAtMs = Date.parse(deal.update_time);
  const take = () => readAhead.take(companyId, deal.id, updatedAtMs, deps.clock.now().getTime());
  let ready = take();
  const reading = ready ? undefined : readAhead.reading(companyId, deal.id);
  if (reading) {
    await reading.catch(() => undefined);
    ready = take();
  }
  if (ready) return ready;

  const nowMs = deps.clock.now().getTime();
  const queued = await listQueuedDocumentDeals(deps.db, companyId, BATCH * 2);
  const others = queued
    .filter((id) => id !== deal.id && !readAhead.covers(companyId, id, nowMs))
    .slice(0, BATCH - 1);
  if (others.length === 0) return readOwnLines(deps, deal.id);
  const batch = readBatch(deps, [deal.id, ...others]);
  void readAhead.keep(companyId, others, batch);
  const own = (await batch).get(deal.id);
  return own ?? readOwnLines(deps, deal.id);
}

/** One deal's lines (all pages) and the products of its enabled lines, one call each. */
async function readOwnLines(
  deps: SyncDeps,
  dealId: number,
): Promise<Pick<ReadAheadLines, 'lines' | 'products'>> {
  const lines = await deps.pipedrive.listDealProducts(dealId);
  const products = new Map<number, PipedriveProduct>();
  await Promise.all(
    enabledProductIds(lines).map(async (id) =>
      products.set(id, await deps.pipedrive.getProduct(id)),
    ),
  );
  return { lines, products };
}

/**
 * The lines of these deals in one call, and the products of their enabled lines in one call per
 * hundred. A deal is left out when one of its products did not come back (deleted, or not
 * visible): its run reads it alone, as it would without a batch.
 */
async function readBatch(deps: SyncDeps, dealIds: number[]): Promise<Map<number, ReadAheadLines>> {
  const fetchedAtMs = deps.clock.now().getTime();
  const lines = await deps.pipedrive.listDealProductsOfDeals(dealIds);
  const byDeal = new Map<number, PipedriveDealProduct[]>(dealIds.map((id) => [id, []]));
  for (const line of lines) byDeal.get(line.deal_id)?.push(line);
  const productIds = enabledProductIds(lines);
  const products = new Map<number, PipedriveProduct>();
  for (let start = 0; start < productIds.length; start += BATCH) {
    const page = await deps.pipedrive.listProductsById(productIds.slice(start, start + BATCH));
    for (const product of page) products.set(product.id, product);
  }
  const read = new Map<number, ReadAheadLines>();
  for (const [dealId, dealLines] of byDeal) {
    const ids = enabledProductIds(dealLines);
    if (!ids.every((id) => products.has(id))) continue;
    read.set(dealId, {
      lines: dealLines,
      products: new Map(ids.map((id) => [id, products.get(id)!])),
      fetchedAtMs,
    });
  }
  return read;
}

function enabledProductIds(lines: readonly PipedriveDealProduct[]): number[] {
  return [...new Set(lines.filter((line) => line.is_enabled).map((line) => line.product_id))];
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
