import { randomUUID } from 'node:crypto';

import type { DiscountType, TaxMethod } from '../money.js';
import type { ChangeContext, PipedriveCompanies } from './companies.js';
import type { Company } from './company.js';
import type {
  BillingFrequency,
  DealDiscountRecord,
  DealProductRecord,
  DealRecord,
} from './types.js';

/**
 * Deal operations that touch more than one record: products and discounts (which move the deal's
 * value), stage moves and wins (which stamp their times). Used by the API and the control API.
 */

export interface DealProductInput {
  product_id: number;
  item_price: number;
  quantity: number;
  discount?: number;
  discount_type?: DiscountType;
  tax?: number;
  tax_method?: TaxMethod;
  comments?: string;
  is_enabled?: boolean;
  billing_frequency?: BillingFrequency;
  billing_frequency_cycles?: number | null;
  billing_start_date?: string | null;
}

export class DealOps {
  constructor(
    private readonly store: PipedriveCompanies,
    private readonly now: () => number,
  ) {}

  addProduct(
    company: Company,
    deal: DealRecord,
    input: DealProductInput,
    context: ChangeContext,
  ): DealProductRecord {
    const product = company.products.get(input.product_id);
    const existing = company.productsOfDeal(deal.id);
    const at = this.now();
    const line: DealProductRecord = {
      id: company.nextId('dealProduct'),
      deal_id: deal.id,
      product_id: input.product_id,
      name: product?.name ?? '',
      order_nr: (existing.at(-1)?.order_nr ?? 0) + 1,
      item_price: input.item_price,
      quantity: input.quantity,
      discount: input.discount ?? 0,
      discount_type: input.discount_type ?? 'percentage',
      tax: input.tax ?? product?.tax ?? 0,
      tax_method: input.tax_method ?? company.taxMethodOf(deal.id),
      comments: input.comments ?? '',
      is_enabled: input.is_enabled ?? true,
      billing_frequency: input.billing_frequency ?? product?.billing_frequency ?? 'one-time',
      billing_frequency_cycles: input.billing_frequency_cycles ?? null,
      billing_start_date: input.billing_start_date ?? null,
      add_time: at,
      update_time: at,
    };
    company.dealProducts.set(line.id, line);
    this.alignTaxMethod(company, deal.id, line.tax_method);
    this.store.refreshDealValue(company, deal.id, context);
    return line;
  }

  updateProduct(
    company: Company,
    line: DealProductRecord,
    patch: Partial<DealProductInput>,
    context: ChangeContext,
  ): DealProductRecord {
    Object.assign(line, patch, { update_time: this.now() });
    if (patch.tax_method) this.alignTaxMethod(company, line.deal_id, patch.tax_method);
    this.store.refreshDealValue(company, line.deal_id, context);
    return line;
  }

  removeProduct(company: Company, line: DealProductRecord, context: ChangeContext): void {
    company.dealProducts.delete(line.id);
    this.store.refreshDealValue(company, line.deal_id, context);
  }

  addDiscount(
    company: Company,
    deal: DealRecord,
    input: { description: string; amount: number; type: DiscountType },
    context: ChangeContext,
  ): DealDiscountRecord {
    const at = this.now();
    const discount: DealDiscountRecord = {
      id: randomUUID(),
      deal_id: deal.id,
      ...input,
      created_at: at,
      created_by: context.userId,
      updated_at: at,
      updated_by: context.userId,
    };
    company.dealDiscounts.set(discount.id, discount);
    this.store.refreshDealValue(company, deal.id, context);
    return discount;
  }

  updateDiscount(
    company: Company,
    discount: DealDiscountRecord,
    patch: Partial<Pick<DealDiscountRecord, 'description' | 'amount' | 'type'>>,
    context: ChangeContext,
  ): DealDiscountRecord {
    Object.assign(discount, patch, { updated_at: this.now(), updated_by: context.userId });
    this.store.refreshDealValue(company, discount.deal_id, context);
    return discount;
  }

  removeDiscount(company: Company, discount: DealDiscountRecord, context: ChangeContext): void {
    company.dealDiscounts.delete(discount.id);
    this.store.refreshDealValue(company, discount.deal_id, context);
  }

  /** The deal-level patch implied by a stage or status change (times stamped, §3.1). */
  transitionPatch(deal: DealRecord, patch: Partial<DealRecord>): Partial<DealRecord> {
    const at = this.now();
    const extra: Partial<DealRecord> = {};
    if (patch.stage_id !== undefined && patch.stage_id !== deal.stage_id)
      extra.stage_change_time = at;
    if (patch.status !== undefined && patch.status !== deal.status) {
      extra.won_time = patch.status === 'won' ? at : null;
      extra.lost_time = patch.status === 'lost' ? at : null;
      extra.close_time = patch.status === 'open' ? null : at;
      if (patch.status !== 'lost') extra.lost_reason = null;
    }
    return { ...patch, ...extra };
  }

  /** One tax method per deal: "changing this in one product affects the rest" (§3.3). */
  private alignTaxMethod(company: Company, dealId: number, method: TaxMethod): void {
    for (const line of company.productsOfDeal(dealId)) line.tax_method = method;
  }
}
