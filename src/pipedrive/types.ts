/**
 * The shapes of the Pipedrive entities the app reads, as API v2 returns them (docs/vendors/pipedrive.md §3).
 * Only the fields the app uses are named; Pipedrive sends more. Ids are integers except deal
 * discounts (UUID strings); money is a JSON number in the entity's currency (§8).
 */

export type CustomFields = Record<string, unknown>;

/**
 * The v2 address object (§3.6); every subfield may be missing or null. The mapping names the same
 * fields as its own AddressInput (sync/mapping/types.ts), since it imports nothing of the client.
 */
export interface PipedriveAddress {
  value?: string | null;
  street_number?: string | null;
  route?: string | null;
  subpremise?: string | null;
  sublocality?: string | null;
  locality?: string | null;
  admin_area_level_1?: string | null;
  admin_area_level_2?: string | null;
  country?: string | null;
  postal_code?: string | null;
  formatted_address?: string | null;
}

export interface PipedriveDeal {
  id: number;
  title: string;
  owner_id: number;
  person_id: number | null;
  org_id: number | null;
  pipeline_id: number;
  stage_id: number;
  value: number;
  currency: string;
  status: 'open' | 'won' | 'lost';
  is_deleted: boolean;
  is_archived?: boolean;
  add_time: string;
  update_time: string;
  stage_change_time: string | null;
  won_time: string | null;
  expected_close_date: string | null;
  custom_fields: CustomFields;
}

/** A deal update (v2 PATCH): any standard field by key, custom fields by their 40-hex key. */
export type PipedriveDealPatch = Record<string, unknown> & { custom_fields?: CustomFields };

/** One product line on a deal (§3.3): compute totals from item_price/quantity/discount/tax. */
export interface PipedriveDealProduct {
  id: number;
  deal_id: number;
  product_id: number;
  product_variation_id: number | null;
  name: string;
  order_nr: number | null;
  item_price: number;
  quantity: number;
  discount: number;
  discount_type: 'percentage' | 'amount';
  tax: number;
  tax_method: 'exclusive' | 'inclusive' | 'none';
  sum: number;
  currency: string;
  comments: string;
  is_enabled: boolean;
  billing_frequency: string;
  billing_frequency_cycles: number | null;
  billing_start_date: string | null;
}

/** A deal-level discount (§3.4), on top of the per-line discounts. */
export interface PipedriveDealDiscount {
  id: string;
  deal_id: number;
  description: string;
  amount: number;
  type: 'percentage' | 'amount';
}

export interface PipedriveOrganization {
  id: number;
  name: string;
  owner_id: number;
  address: PipedriveAddress | null;
  website?: string | null;
  is_deleted: boolean;
  update_time: string;
  custom_fields: CustomFields;
}

export interface PipedriveContactPoint {
  value: string;
  primary: boolean;
  label: string;
}

export interface PipedrivePerson {
  id: number;
  name: string;
  first_name: string | null;
  last_name: string | null;
  org_id: number | null;
  emails: PipedriveContactPoint[];
  phones: PipedriveContactPoint[];
  is_deleted: boolean;
  update_time: string;
  custom_fields: CustomFields;
}

export interface PipedriveProductPrice {
  product_id: number;
  price: number;
  currency: string;
  cost: number;
  notes?: string | null;
}

export interface PipedriveProduct {
  id: number;
  name: string;
  code: string | null;
  description: string | null;
  unit: string | null;
  tax: number;
  is_deleted: boolean;
  update_time: string;
  prices: PipedriveProductPrice[];
  custom_fields: CustomFields;
}

export interface PipedrivePipeline {
  id: number;
  name: string;
  order_nr: number;
  is_deleted: boolean;
}

export interface PipedriveStage {
  id: number;
  name: string;
  order_nr: number;
  pipeline_id: number;
  is_deleted: boolean;
}

/** A v2 field definition (§3.2); custom fields are addressed by `field_code`. */
export interface PipedriveFieldDefinition {
  field_code: string;
  field_name: string;
  field_type: string;
  options: { id: number; label: string }[] | null;
  subfields: { field_code: string; field_name: string; field_type: string }[] | null;
  is_custom_field: boolean;
}

export type FieldEntity = 'deal' | 'organization' | 'person' | 'product';

/** GET /api/v1/users/me (§3.11): `company_id` + `id` are the tenant key. */
export interface PipedriveMe {
  id: number;
  name: string;
  email: string;
  company_id: number;
  company_name: string;
  company_domain: string;
  default_currency: string;
  /**
   * The user's access per Pipedrive app: `{app: 'global', admin: true}` is a company admin
   * (docs/vendors/pipedrive.md §3.11, the official spec's UserAccess).
   */
  access?: { app: string; admin?: boolean }[];
  /** 1/true for a company admin: in live answers, though the official spec omits it (§3.11). */
  is_admin?: number | boolean;
}

/** GET /api/v1/users/{id} (§3.11): the same user fields, for any user of the company. */
export type PipedriveUser = Omit<PipedriveMe, 'company_id' | 'company_name' | 'company_domain'>;

export interface PipedriveNote {
  id: number;
  deal_id: number | null;
  content: string;
  add_time: string;
}

/** A v1 webhook subscription (§5.1). */
export interface PipedriveWebhookSubscription {
  id: number;
  event_action: string;
  event_object: string;
  subscription_url: string;
  version: string;
  /** 0 while Pipedrive bans it after failed deliveries (https://pipedrive.readme.io/docs/webhooks-for-apps). */
  is_active: number | boolean;
  type: string;
  name?: string;
  last_delivery_time?: string | null;
  last_http_status?: number | null;
}

export interface NewWebhook {
  subscriptionUrl: string;
  eventAction: 'create' | 'change' | 'delete' | '*';
  eventObject: string;
  name: string;
  httpAuthUser: string;
  httpAuthPassword: string;
  /** Events are filtered by this user's permissions (§5.1); default: the token's user. */
  userId?: number;
}

/** One page of a v2 cursor listing (§4): `nextCursor` null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  cursor?: string;
  /** Default 500 (the v2 maximum, §4). */
  limit?: number;
  /** RFC 3339; only entities updated since then. */
  updatedSince?: string;
}
