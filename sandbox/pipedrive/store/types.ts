import type { DiscountType, TaxMethod } from '../money.js';

/**
 * Stored records. Field names follow API v2 (docs/vendors/pipedrive.md §3); times are epoch ms and
 * are formatted per API version when rendered. Custom field values are kept once, in their v2
 * shape, under the company's 40-hex keys (`custom`), and rendered v2 / v1 / webhook from there.
 */

export type CustomValues = Record<string, unknown>;

export interface Address {
  value: string;
  street_number: string | null;
  route: string | null;
  subpremise: string | null;
  sublocality: string | null;
  locality: string | null;
  admin_area_level_1: string | null;
  admin_area_level_2: string | null;
  country: string | null;
  postal_code: string | null;
  formatted_address: string | null;
}

export interface UserRecord {
  id: number;
  name: string;
  email: string;
  is_admin: boolean;
  default_currency: string;
}

export interface CurrencyRecord {
  id: number;
  code: string;
  name: string;
  decimal_points: number;
  symbol: string;
  is_custom_flag: boolean;
}

export interface PipelineRecord {
  id: number;
  name: string;
  order_nr: number;
  add_time: number;
  update_time: number;
}

export interface StageRecord {
  id: number;
  pipeline_id: number;
  name: string;
  order_nr: number;
  deal_probability: number;
  add_time: number;
  update_time: number;
}

export interface OrganizationRecord {
  id: number;
  name: string;
  owner_id: number;
  address: Address | null;
  website: string | null;
  label_ids: number[];
  visible_to: number;
  is_deleted: boolean;
  add_time: number;
  update_time: number;
  custom: CustomValues;
}

export interface ContactItem {
  value: string;
  primary: boolean;
  label: string;
}

export interface PersonRecord {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  owner_id: number;
  org_id: number | null;
  emails: ContactItem[];
  phones: ContactItem[];
  label_ids: number[];
  visible_to: number;
  is_deleted: boolean;
  add_time: number;
  update_time: number;
  custom: CustomValues;
}

export type BillingFrequency =
  'one-time' | 'annually' | 'semi-annually' | 'quarterly' | 'monthly' | 'weekly';

export interface ProductPrice {
  currency: string;
  price: number;
  cost: number;
}

export interface ProductRecord {
  id: number;
  name: string;
  code: string | null;
  description: string | null;
  unit: string | null;
  tax: number;
  category: string | null;
  owner_id: number;
  is_linkable: boolean;
  is_deleted: boolean;
  visible_to: number;
  billing_frequency: BillingFrequency;
  billing_frequency_cycles: number | null;
  prices: ProductPrice[];
  add_time: number;
  update_time: number;
  custom: CustomValues;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealRecord {
  id: number;
  title: string;
  creator_user_id: number;
  owner_id: number;
  person_id: number | null;
  org_id: number | null;
  pipeline_id: number;
  stage_id: number;
  /** The value entered by hand; the products' total replaces it while the deal has products. */
  manual_value: number;
  value: number;
  currency: string;
  status: DealStatus;
  probability: number | null;
  lost_reason: string | null;
  visible_to: number;
  expected_close_date: string | null;
  label_ids: number[];
  origin: string;
  is_deleted: boolean;
  is_archived: boolean;
  add_time: number;
  update_time: number;
  stage_change_time: number | null;
  won_time: number | null;
  lost_time: number | null;
  close_time: number | null;
  archive_time: number | null;
  custom: CustomValues;
}

export interface DealProductRecord {
  id: number;
  deal_id: number;
  product_id: number;
  name: string;
  order_nr: number;
  item_price: number;
  quantity: number;
  discount: number;
  discount_type: DiscountType;
  tax: number;
  tax_method: TaxMethod;
  comments: string;
  is_enabled: boolean;
  billing_frequency: BillingFrequency;
  billing_frequency_cycles: number | null;
  billing_start_date: string | null;
  add_time: number;
  update_time: number;
}

export interface DealDiscountRecord {
  id: string;
  deal_id: number;
  description: string;
  amount: number;
  type: DiscountType;
  created_at: number;
  created_by: number;
  updated_at: number;
  updated_by: number;
}

export interface NoteRecord {
  id: number;
  content: string;
  deal_id: number | null;
  person_id: number | null;
  org_id: number | null;
  lead_id: string | null;
  user_id: number;
  pinned_to_deal_flag: boolean;
  pinned_to_person_flag: boolean;
  pinned_to_organization_flag: boolean;
  add_time: number;
  update_time: number;
}

export interface ActivityRecord {
  id: number;
  subject: string;
  type: string;
  owner_id: number;
  deal_id: number | null;
  org_id: number | null;
  person_id: number | null;
  due_date: string | null;
  due_time: string | null;
  duration: string | null;
  done: boolean;
  note: string | null;
  participants: { person_id: number; primary: boolean }[];
  add_time: number;
  update_time: number;
}
