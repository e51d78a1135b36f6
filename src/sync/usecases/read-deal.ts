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
import { DealReadAhead, namesSameCustomers, type ReadAheadDeal } from '../deal-read-ahead.js';
import { mayHaveDealDiscounts } from '../mapping/money.js';
import type { SyncDeps } from '../ports.js';
import type { ItemSettings } from '../settings.js';

/**
 * Everything a document is made from, read from Pipedrive (docs/vendors/pipedrive.md §3) in the
 * client's wire shapes, which the mapping's inputs fit (mapping/types.ts): the deal; its product lines
 * (all pages), the product records of the enabled ones (for their codes), its organization and
 * person, all read ahead with the company's other queued runs when it has some
 * (deal-read-ahead.ts); its deal-level discounts, unless its value shows it has none
 * (mapping/money.ts mayHaveDealDiscounts).
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
  const { lines: dealProducts, products, org, person } = await readAheadOrOwn(deps, deal);
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

type DealParts = Pick<ReadAheadDeal, 'lines' | 'products' | 'org' | 'person'>;

/**
 * The deal's lines, products and customers: read ahead with other queued runs' deals
 * (deal-read-ahead.ts) when the company has any, else read for this deal alone.
 */
async function readAheadOrOwn(deps: SyncDeps, deal: PipedriveDeal): Promise<DealParts> {
  const readAhead = deps.dealReadAhead ?? processDealReadAhead;
  const companyId = deps.company.id;
  const take = () => readAhead.take(companyId, deal, deps.clock.now().getTime());
  let ready = take();
  const reading = ready ? undefined : readAhead.reading(companyId, deal.id);
  if (reading) {
    await reading.catch(() => undefined);
    ready = take();
  }
  if (ready?.linesCurrent) return ready;
  if (ready) return readOwn(deps, deal, ready);

  const nowMs = deps.clock.now().getTime();
  const queued = await listQueuedDocumentDeals(deps.db, companyId, BATCH * 2);
  const others = queued
    .filter((id) => id !== deal.id && !readAhead.covers(companyId, id, nowMs))
    .slice(0, BATCH - 1);
  if (others.length === 0) return readOwn(deps, deal);
  const batch = readBatch(deps, [deal.id, ...others]);
  void readAhead.keep(companyId, others, batch);
  // Read just now, after the run's own read of its deal: current if it names the same customers.
  const own = (await batch).get(deal.id);
  return own && namesSameCustomers(own, deal) ? own : readOwn(deps, deal);
}

/**
 * One deal's lines (all pages), the products of its enabled lines and its customers, one call each;
 * products and customers already `known` (read ahead) are not read again.
 */
async function readOwn(
  deps: SyncDeps,
  deal: PipedriveDeal,
  known?: Pick<DealParts, 'products' | 'org' | 'person'>,
): Promise<DealParts> {
  const { pipedrive } = deps;
  const [lines, org, person] = await Promise.all([
    pipedrive.listDealProducts(deal.id),
    known ? known.org : deal.org_id ? pipedrive.getOrganization(deal.org_id) : undefined,
    known ? known.person : deal.person_id ? pipedrive.getPerson(deal.person_id) : undefined,
  ]);
  const products = new Map<number, PipedriveProduct>();
  await Promise.all(
    enabledProductIds(lines).map(async (id) =>
      products.set(id, known?.products.get(id) ?? (await pipedrive.getProduct(id))),
    ),
  );
  return { lines, products, org, person };
}

/**
 * What these deals' documents are made from, in five calls: their deals (for their customers'
 * ids), their lines, the products of their enabled lines (one call per hundred of them), their
 * organizations and their persons. A deal is left out when any of these did not come back
 * (deleted, archived, or not visible): its run reads it alone, as it would without a batch.
 */
async function readBatch(deps: SyncDeps, dealIds: number[]): Promise<Map<number, ReadAheadDeal>> {
  const { pipedrive } = deps;
  const fetchedAtMs = deps.clock.now().getTime();
  const [deals, lines] = await Promise.all([
    pipedrive.listDealsById(dealIds),
    pipedrive.listDealProductsOfDeals(dealIds),
  ]);
  const byDeal = new Map<number, PipedriveDealProduct[]>(deals.map((deal) => [deal.id, []]));
  for (const line of lines) byDeal.get(line.deal_id)?.push(line);
  const distinct = (ids: (number | null)[]) => [
    ...new Set(ids.filter((id): id is number => id !== null)),
  ];
  const [products, orgs, persons] = await Promise.all([
    pipedrive.listProductsById(enabledProductIds(lines)).then(byId),
    pipedrive.listOrganizationsById(distinct(deals.map((deal) => deal.org_id))).then(byId),
    pipedrive.listPersonsById(distinct(deals.map((deal) => deal.person_id))).then(byId),
  ]);
  const read = new Map<number, ReadAheadDeal>();
  for (const deal of deals) {
    const dealLines = byDeal.get(deal.id) ?? [];
    const ids = enabledProductIds(dealLines);
    const org = deal.org_id ? orgs.get(deal.org_id) : undefined;
    const person = deal.person_id ? persons.get(deal.person_id) : undefined;
    const whole =
      ids.every((id) => products.has(id)) &&
      (deal.org_id === null || org !== undefined) &&
      (deal.person_id === null || person !== undefined);
    if (!whole) continue;
    read.set(deal.id, {
      lines: dealLines,
      products: new Map(ids.map((id) => [id, products.get(id)!])),
      orgId: deal.org_id,
      personId: deal.person_id,
      org,
      person,
      fetchedAtMs,
    });
  }
  return read;
}

function byId<T extends { id: number }>(records: T[]): Map<number, T> {
  return new Map(records.map((record) => [record.id, record]));
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
