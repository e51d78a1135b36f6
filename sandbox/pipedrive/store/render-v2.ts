import type { Company } from './company.js';
import { renderCustomV2 } from './fields.js';
import type {
  ActivityRecord,
  DealDiscountRecord,
  DealProductRecord,
  DealRecord,
  OrganizationRecord,
  PersonRecord,
  PipelineRecord,
  ProductRecord,
  StageRecord,
} from './types.js';

/** API v2 object shapes (docs/vendors/pipedrive.md §3, SPEC-V2 response schemas). */

/** RFC 3339 without milliseconds, as v2 shows it (§8). */
export function v2Time(ms: number): string;
export function v2Time(ms: number | null): string | null;
export function v2Time(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, as v1 shows it (§8). */
export function v1Time(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function renderDealV2(company: Company, deal: DealRecord): Record<string, unknown> {
  const { manual_value: _manual, custom, archive_time, ...fields } = deal;
  return {
    ...fields,
    add_time: v2Time(deal.add_time),
    update_time: v2Time(deal.update_time),
    stage_change_time: v2Time(deal.stage_change_time),
    won_time: v2Time(deal.won_time),
    lost_time: v2Time(deal.lost_time),
    close_time: v2Time(deal.close_time),
    archive_time: v2Time(archive_time),
    origin_id: null,
    channel: null,
    channel_id: null,
    source_lead_id: null,
    ...recurringRevenue(company, deal),
    custom_fields: renderCustomV2(company.fields.deal, custom),
  };
}

/** ARR/MRR/ACV from recurring lines; null when the deal has no products (§3.1). */
function recurringRevenue(
  company: Company,
  deal: DealRecord,
): { arr: number | null; mrr: number | null; acv: number | null } {
  const lines = company.productsOfDeal(deal.id).filter((line) => line.is_enabled);
  if (lines.length === 0) return { arr: null, mrr: null, acv: null };
  const perYear: Record<string, number> = {
    monthly: 12,
    quarterly: 4,
    'semi-annually': 2,
    annually: 1,
    weekly: 52,
  };
  let arr = 0;
  for (const line of lines) {
    const times = perYear[line.billing_frequency];
    if (times) arr += company.lineSum(line, deal.currency) * times;
  }
  const round = (amount: number) => Math.round(amount * 100) / 100;
  return { arr: round(arr), mrr: round(arr / 12), acv: round(arr) };
}

export function renderDealProductV2(
  company: Company,
  line: DealProductRecord,
): Record<string, unknown> {
  const deal = company.deals.get(line.deal_id);
  const currency = deal?.currency ?? 'NZD';
  return {
    id: line.id,
    deal_id: line.deal_id,
    product_id: line.product_id,
    product_variation_id: null,
    name: line.name,
    order_nr: line.order_nr,
    item_price: line.item_price,
    quantity: line.quantity,
    discount: line.discount,
    discount_type: line.discount_type,
    tax: line.tax,
    tax_method: line.tax_method,
    sum: company.lineSum(line, currency),
    currency,
    comments: line.comments,
    is_enabled: line.is_enabled,
    billing_frequency: line.billing_frequency,
    billing_frequency_cycles: line.billing_frequency_cycles,
    billing_start_date: line.billing_start_date,
    add_time: v2Time(line.add_time),
    update_time: v2Time(line.update_time),
  };
}

export function renderDiscountV2(discount: DealDiscountRecord): Record<string, unknown> {
  return {
    ...discount,
    created_at: v2Time(discount.created_at),
    updated_at: v2Time(discount.updated_at),
  };
}

export function renderOrganizationV2(
  company: Company,
  org: OrganizationRecord,
): Record<string, unknown> {
  const { custom, ...fields } = org;
  return {
    ...fields,
    linkedin: null,
    industry: null,
    annual_revenue: null,
    employee_count: null,
    add_time: v2Time(org.add_time),
    update_time: v2Time(org.update_time),
    custom_fields: renderCustomV2(company.fields.organization, custom),
  };
}

export function renderPersonV2(company: Company, person: PersonRecord): Record<string, unknown> {
  const { custom, ...fields } = person;
  return {
    ...fields,
    picture_id: null,
    add_time: v2Time(person.add_time),
    update_time: v2Time(person.update_time),
    custom_fields: renderCustomV2(company.fields.person, custom),
  };
}

export function renderProductV2(company: Company, product: ProductRecord): Record<string, unknown> {
  const { custom, prices, ...fields } = product;
  return {
    ...fields,
    // Unset text fields are empty strings, as in the spec's own product examples (`unit: ''`).
    code: product.code ?? '',
    description: product.description ?? '',
    unit: product.unit ?? '',
    prices: prices.map((price) => ({
      product_id: product.id,
      ...price,
      direct_cost: null,
      notes: '',
    })),
    add_time: v2Time(product.add_time),
    update_time: v2Time(product.update_time),
    custom_fields: renderCustomV2(company.fields.product, custom),
  };
}

export function renderPipelineV2(pipeline: PipelineRecord): Record<string, unknown> {
  return {
    ...pipeline,
    is_deleted: false,
    is_deal_probability_enabled: false,
    add_time: v2Time(pipeline.add_time),
    update_time: v2Time(pipeline.update_time),
  };
}

export function renderStageV2(stage: StageRecord): Record<string, unknown> {
  return {
    ...stage,
    is_deleted: false,
    is_deal_rot_enabled: false,
    days_to_rotten: null,
    add_time: v2Time(stage.add_time),
    update_time: v2Time(stage.update_time),
  };
}

export function renderActivityV2(activity: ActivityRecord): Record<string, unknown> {
  return {
    ...activity,
    creator_user_id: activity.owner_id,
    is_deleted: false,
    busy: false,
    add_time: v2Time(activity.add_time),
    update_time: v2Time(activity.update_time),
  };
}
