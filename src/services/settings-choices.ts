import type { Page, PipedriveFieldDefinition, PipedriveProduct } from '../pipedrive/types.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import type { AppContext } from './context.js';

/**
 * What the settings page offers to pick from: the company's real Pipedrive pipelines, stages,
 * organization/person fields and products, and the connected Xero organisation's accounts, tax
 * rates, branding themes, tracking categories, items and active contact groups. Xero's lists are
 * cached per organisation for a few minutes (like the organisation's reference data) so
 * re-rendering after a save costs no Xero calls. A source that cannot be read leaves its lists
 * empty and says why in `problems`; the page still renders.
 */
/** One option of a picker: the value stored and the words shown. */
export interface Choice {
  value: string;
  label: string;
}

export interface SettingsChoices {
  stages: Choice[];
  accounts: Choice[];
  taxTypes: Choice[];
  brandingThemes: Choice[];
  trackings: { category: string; options: string[] }[];
  items: Choice[];
  /** Active contact groups, by ContactGroupID (contacts.newContacts.contactGroupId). */
  contactGroups: Choice[];
  organizationFields: Choice[];
  personFields: Choice[];
  /** Deal fields a paid invoice may set (documents.onPaid.dealField): dates and texts, by name. */
  dealFields: Choice[];
  /** Products a link may name (items.links), by id: the first PRODUCTS_LISTED, ids ascending. */
  products: Choice[];
  /** More products exist than `products` holds: the page takes any other product's id typed. */
  productsTruncated: boolean;
  problems: string[];
}

export type ChoicesDeps = Pick<AppContext, 'db' | 'box' | 'clock' | 'connections'>;

type XeroLists = Pick<
  SettingsChoices,
  'accounts' | 'taxTypes' | 'brandingThemes' | 'trackings' | 'items' | 'contactGroups'
>;

const XERO_TTL_MS = 5 * 60_000;
/** Products the settings page lists: one page of v2 GET /products (docs/vendors/pipedrive.md §4). */
const PRODUCTS_LISTED = 500;

export function createChoicesLoader(deps: ChoicesDeps) {
  const cache = new Map<string, { atMs: number; lists: Promise<XeroLists> }>();

  async function xeroLists(companyId: number): Promise<XeroLists | string> {
    const connection = await getXeroConnection(deps.db, deps.box, companyId);
    if (connection === undefined) return 'Xero is not connected: connect an organisation first';
    const nowMs = deps.clock.now().getTime();
    const cached = cache.get(connection.tenantId);
    if (cached !== undefined && nowMs - cached.atMs < XERO_TTL_MS) return cached.lists;
    const ref = { companyId: String(companyId), tenantId: connection.tenantId };
    const lists = loadXero(deps.connections, ref);
    cache.set(connection.tenantId, { atMs: nowMs, lists });
    // A failed load must not be served to the next request.
    lists.catch(() => cache.delete(connection.tenantId));
    return lists;
  }

  return {
    async load(companyId: number): Promise<SettingsChoices> {
      const problems: string[] = [];
      const [pipedrive, xero] = await Promise.all([
        loadPipedrive(deps.connections, companyId).catch((error: unknown) => {
          problems.push(`Pipedrive could not be read: ${messageOf(error)}`);
          return undefined;
        }),
        xeroLists(companyId).catch(
          (error: unknown) => `Xero could not be read: ${messageOf(error)}`,
        ),
      ]);
      if (typeof xero === 'string') problems.push(xero);
      const emptyXero: XeroLists = {
        accounts: [],
        taxTypes: [],
        brandingThemes: [],
        trackings: [],
        items: [],
        contactGroups: [],
      };
      return {
        stages: pipedrive?.stages ?? [],
        organizationFields: pipedrive?.organizationFields ?? [],
        personFields: pipedrive?.personFields ?? [],
        dealFields: pipedrive?.dealFields ?? [],
        products: pipedrive?.products.choices ?? [],
        productsTruncated: pipedrive?.products.truncated ?? false,
        ...(typeof xero === 'string' ? emptyXero : xero),
        problems,
      };
    },
  };
}

export type ChoicesLoader = ReturnType<typeof createChoicesLoader>;

async function loadPipedrive(connections: AppContext['connections'], companyId: number) {
  const client = await connections.pipedriveFor(companyId);
  const [pipelines, stages, organizationFields, personFields, dealFields, products] =
    await Promise.all([
      client.listPipelines(),
      client.listStages(),
      client.listFields('organization'),
      client.listFields('person'),
      client.listFields('deal'),
      // One page: a catalogue beyond it is typed by id rather than read in full on every render.
      client.listProducts({ limit: PRODUCTS_LISTED }),
    ]);
  const live = pipelines.filter((pipeline) => !pipeline.is_deleted);
  return {
    stages: live.flatMap((pipeline) =>
      stages
        .filter((stage) => stage.pipeline_id === pipeline.id && !stage.is_deleted)
        .sort((a, b) => a.order_nr - b.order_nr)
        .map((stage) => ({
          value: `${pipeline.id}:${stage.id}`,
          label: `${pipeline.name} → ${stage.name}`,
        })),
    ),
    organizationFields: fieldChoices(organizationFields),
    personFields: fieldChoices(personFields),
    dealFields: settableDealFields(dealFields),
    products: productChoices(products),
  };
}

/** A page of products → choices by id, shown by name and code; `truncated` when more pages exist. */
function productChoices(page: Page<PipedriveProduct>): {
  choices: Choice[];
  truncated: boolean;
} {
  return {
    choices: page.items
      .filter((product) => !product.is_deleted)
      .map((product) => {
        const code = (product.code ?? '').trim();
        return {
          value: String(product.id),
          label: code ? `${product.name} (${code})` : product.name,
        };
      }),
    truncated: page.nextCursor !== null,
  };
}

/** Field types a paid date or a short text can go into (docs/vendors/pipedrive.md §3.2). */
const SETTABLE_TYPES: Record<string, string> = {
  date: 'date',
  varchar: 'text',
  varchar_auto: 'text',
  text: 'long text',
};

/**
 * The deal fields "when paid, set this field" may name: the company's own (custom) date and text
 * fields, and the standard ones of those types but the title, by name with their type.
 */
export function settableDealFields(definitions: readonly PipedriveFieldDefinition[]): Choice[] {
  return definitions
    .filter(
      (field) => SETTABLE_TYPES[field.field_type] !== undefined && field.field_code !== 'title',
    )
    .map((field) => ({
      value: field.field_code,
      label: `${field.field_name} (${SETTABLE_TYPES[field.field_type]})`,
    }));
}

const CONTACT_LISTS: Record<string, string> = { emails: 'email', phones: 'phone' };

/**
 * Field keys a mapping may name (sync/mapping/contact-fields.ts): each field's key, each address
 * subfield as `<key>.<part>` (v2 lists them as `<key>_<part>`), `.street` joining the street parts,
 * and `email`/`phone` as the primary entry.
 */
export function fieldChoices(definitions: readonly PipedriveFieldDefinition[]): Choice[] {
  return definitions
    .flatMap((field) => {
      // v2 names the lists `emails` and `phones`; a mapping reads their primary entry by `email`/`phone`.
      const listKey = CONTACT_LISTS[field.field_code];
      if (listKey !== undefined)
        return [{ value: listKey, label: `${field.field_name} (primary)` }];
      const own = { value: field.field_code, label: field.field_name };
      if (field.subfields === null || field.subfields.length === 0) return [own];
      const parts = field.subfields.map((sub) => ({
        value: `${field.field_code}.${sub.field_code.replace(`${field.field_code}_`, '')}`,
        label: `${field.field_name}: ${sub.field_name}`,
      }));
      return [
        own,
        { value: `${field.field_code}.street`, label: `${field.field_name}: street (joined)` },
        ...parts,
      ];
    })
    .filter((choice) => /^[a-z0-9_]+(\.[a-z0-9_]+)?$/.test(choice.value));
}

async function loadXero(
  connections: AppContext['connections'],
  ref: { companyId: string; tenantId: string },
): Promise<XeroLists> {
  const { xero } = connections;
  const [accounts, taxRates, themes, categories, items, groups] = await Promise.all([
    xero.getAccounts(ref),
    xero.getTaxRates(ref),
    xero.getBrandingThemes(ref),
    xero.getTrackingCategories(ref),
    xero.getItems(ref),
    xero.getContactGroups(ref),
  ]);
  return {
    accounts: accounts
      .filter((account) => account.Status !== 'ARCHIVED' && account.Code)
      .map((account) => ({
        value: account.Code ?? '',
        label: `${account.Code} ${account.Name ?? ''} (${account.Type ?? ''})`,
      })),
    taxTypes: taxRates
      .filter((rate) => rate.Status !== 'DELETED' && rate.TaxType)
      .map((rate) => ({
        value: rate.TaxType ?? '',
        label: `${rate.Name ?? rate.TaxType} (${rate.EffectiveRate ?? rate.DisplayTaxRate ?? 0} %)`,
      })),
    brandingThemes: themes
      .filter((theme) => theme.BrandingThemeID)
      .map((theme) => ({ value: theme.BrandingThemeID ?? '', label: theme.Name ?? '' })),
    trackings: categories
      .filter((category) => category.Status !== 'ARCHIVED' && category.Name)
      .map((category) => ({
        category: category.Name ?? '',
        options: (category.Options ?? [])
          .filter((option) => option.Status !== 'ARCHIVED' && option.Name)
          .map((option) => option.Name ?? ''),
      })),
    items: items
      .filter((item) => item.Code)
      .map((item) => ({ value: item.Code, label: `${item.Code} ${item.Name ?? ''}` })),
    contactGroups: groups
      .filter((group) => group.Status !== 'DELETED' && group.ContactGroupID)
      .map((group) => ({ value: group.ContactGroupID ?? '', label: group.Name ?? '' })),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
