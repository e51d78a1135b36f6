import { dealValue, lineSum, type MoneyLine, type TaxMethod } from '../money.js';
import type { FieldDefinition, FieldEntity } from './fields.js';
import type {
  ActivityRecord,
  CurrencyRecord,
  DealDiscountRecord,
  DealProductRecord,
  DealRecord,
  NoteRecord,
  OrganizationRecord,
  PersonRecord,
  PipelineRecord,
  ProductRecord,
  StageRecord,
  UserRecord,
} from './types.js';

/**
 * One Pipedrive company account and all of its data. Ids are per company, from `firstId` upwards
 * (1 unless the company was given a range of its own).
 */
export class Company {
  readonly users = new Map<number, UserRecord>();
  readonly currencies: CurrencyRecord[] = [];
  readonly pipelines = new Map<number, PipelineRecord>();
  readonly stages = new Map<number, StageRecord>();
  readonly organizations = new Map<number, OrganizationRecord>();
  readonly persons = new Map<number, PersonRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly deals = new Map<number, DealRecord>();
  readonly dealProducts = new Map<number, DealProductRecord>();
  readonly dealDiscounts = new Map<string, DealDiscountRecord>();
  readonly notes = new Map<number, NoteRecord>();
  readonly activities = new Map<number, ActivityRecord>();
  readonly fields: Record<FieldEntity, FieldDefinition[]> = {
    deal: [],
    organization: [],
    person: [],
    product: [],
  };
  private readonly counters = new Map<string, number>();

  constructor(
    readonly id: number,
    readonly name: string,
    readonly domain: string,
    readonly country: string,
    readonly createdAtMs: number,
    readonly firstId = 1,
  ) {}

  /** The next id of a table; `start` lets a seed pick distinct ranges per company. */
  nextId(table: string, start = this.firstId): number {
    const next = Math.max(this.counters.get(table) ?? start, start);
    this.counters.set(table, next + 1);
    return next;
  }

  decimalsOf(currency: string): number {
    return this.currencies.find((candidate) => candidate.code === currency)?.decimal_points ?? 2;
  }

  productsOfDeal(dealId: number): DealProductRecord[] {
    return [...this.dealProducts.values()]
      .filter((line) => line.deal_id === dealId)
      .sort((a, b) => a.order_nr - b.order_nr || a.id - b.id);
  }

  discountsOfDeal(dealId: number): DealDiscountRecord[] {
    return [...this.dealDiscounts.values()]
      .filter((discount) => discount.deal_id === dealId)
      .sort((a, b) => a.created_at - b.created_at);
  }

  /** The deal's tax method: one per deal (§3.3), taken from its products; exclusive by default. */
  taxMethodOf(dealId: number): TaxMethod {
    return this.productsOfDeal(dealId)[0]?.tax_method ?? 'exclusive';
  }

  lineSum(line: DealProductRecord, currency: string): number {
    return lineSum(toMoneyLine(line), this.decimalsOf(currency));
  }

  /** The deal's value: the products' total by docs/vendors/money.md's stance, or the hand-entered value. */
  computeDealValue(deal: DealRecord): number {
    const lines = this.productsOfDeal(deal.id);
    if (lines.length === 0) return deal.manual_value;
    return dealValue(
      lines.map(toMoneyLine),
      this.discountsOfDeal(deal.id).map((discount) => ({
        type: discount.type,
        amount: discount.amount,
      })),
      this.taxMethodOf(deal.id),
      this.decimalsOf(deal.currency),
    );
  }
}

function toMoneyLine(line: DealProductRecord): MoneyLine {
  return {
    itemPrice: line.item_price,
    quantity: line.quantity,
    discount: line.discount,
    discountType: line.discount_type,
    tax: line.tax,
    isEnabled: line.is_enabled,
    isOneTime: line.billing_frequency === 'one-time',
  };
}
