import type { DiscountType } from '../money.js';
import type { Company } from './company.js';
import {
  customFieldKey,
  type FieldDefinition,
  type FieldEntity,
  type FieldType,
} from './fields.js';
import type {
  Address,
  BillingFrequency,
  CurrencyRecord,
  DealProductRecord,
  DealRecord,
  OrganizationRecord,
  PersonRecord,
  ProductRecord,
} from './types.js';

/**
 * Helpers that put seed data straight into a company (no change events: a seed is the state the
 * sandbox starts from, not a change). `idStart` keeps each company's ids in its own range, as
 * Pipedrive's ids are unique across companies and a wrong-company lookup must miss.
 */
export class CompanySeeder {
  constructor(
    readonly company: Company,
    private readonly at: number,
    private readonly idStart: number,
    private readonly ownerId: number,
  ) {}

  id(table: string): number {
    return this.company.nextId(table, this.idStart);
  }

  currencies(list: Omit<CurrencyRecord, 'id'>[]): void {
    list.forEach((currency, index) => this.company.currencies.push({ id: index + 1, ...currency }));
  }

  /** Standard fields take their API name as key; custom ones get a company-specific 40-hex key. */
  field(
    entity: FieldEntity,
    name: string,
    type: FieldType,
    custom: { key?: string; options?: string[] } = {},
  ): string {
    const isCustom = custom.key === undefined;
    const key = custom.key ?? customFieldKey(this.company.id, entity, name);
    const list = this.company.fields[entity];
    const def: FieldDefinition = {
      id: this.id('field') + 12_000,
      key,
      name,
      field_type: type,
      options: custom.options
        ? custom.options.map((label, index) => ({ id: index + 1, label }))
        : null,
      is_custom: isCustom,
      order_nr: list.length,
    };
    list.push(def);
    return key;
  }

  pipeline(name: string, stageNames: string[]): number[] {
    const id = this.id('pipeline');
    this.company.pipelines.set(id, {
      id,
      name,
      order_nr: this.company.pipelines.size,
      add_time: this.at,
      update_time: this.at,
    });
    return stageNames.map((stageName, index) => {
      const stageId = this.id('stage');
      this.company.stages.set(stageId, {
        id: stageId,
        pipeline_id: id,
        name: stageName,
        order_nr: index + 1,
        deal_probability: Math.round(((index + 1) / stageNames.length) * 100),
        add_time: this.at,
        update_time: this.at,
      });
      return stageId;
    });
  }

  organization(
    name: string,
    address: Address,
    custom: Record<string, unknown> = {},
  ): OrganizationRecord {
    const org: OrganizationRecord = {
      id: this.id('organization'),
      name,
      owner_id: this.ownerId,
      address,
      website: null,
      label_ids: [],
      visible_to: 3,
      is_deleted: false,
      add_time: this.at,
      update_time: this.at,
      custom,
    };
    this.company.organizations.set(org.id, org);
    return org;
  }

  person(name: string, orgId: number | null, email: string, phone: string): PersonRecord {
    const [first = name, ...rest] = name.split(' ');
    const person: PersonRecord = {
      id: this.id('person'),
      name,
      first_name: first,
      last_name: rest.join(' '),
      owner_id: this.ownerId,
      org_id: orgId,
      emails: [{ value: email, primary: true, label: 'work' }],
      phones: [{ value: phone, primary: true, label: 'work' }],
      label_ids: [],
      visible_to: 3,
      is_deleted: false,
      add_time: this.at,
      update_time: this.at,
      custom: {},
    };
    this.company.persons.set(person.id, person);
    return person;
  }

  product(
    code: string | null,
    name: string,
    prices: Record<string, number>,
    tax: number,
    billing: BillingFrequency,
  ): ProductRecord {
    const product: ProductRecord = {
      id: this.id('product'),
      name,
      code,
      description: null,
      unit: null,
      tax,
      category: null,
      owner_id: this.ownerId,
      is_linkable: true,
      is_deleted: false,
      visible_to: 3,
      billing_frequency: billing,
      billing_frequency_cycles: null,
      prices: Object.entries(prices).map(([currency, price]) => ({ currency, price, cost: 0 })),
      add_time: this.at,
      update_time: this.at,
      custom: {},
    };
    this.company.products.set(product.id, product);
    return product;
  }

  deal(
    fields: Pick<DealRecord, 'title' | 'stage_id' | 'currency'> & Partial<DealRecord>,
  ): DealRecord {
    const stage = this.company.stages.get(fields.stage_id);
    const deal: DealRecord = {
      id: this.id('deal'),
      creator_user_id: this.ownerId,
      owner_id: this.ownerId,
      person_id: null,
      org_id: null,
      pipeline_id: stage?.pipeline_id ?? 1,
      manual_value: 0,
      value: 0,
      status: 'open',
      probability: null,
      lost_reason: null,
      visible_to: 3,
      expected_close_date: null,
      label_ids: [],
      origin: 'ManuallyCreated',
      is_deleted: false,
      is_archived: false,
      add_time: this.at,
      update_time: this.at,
      stage_change_time: null,
      won_time: null,
      lost_time: null,
      close_time: null,
      archive_time: null,
      custom: {},
      ...fields,
    };
    this.company.deals.set(deal.id, deal);
    return deal;
  }

  /** Attaches a product at its price in the deal's currency; the deal's value follows. */
  line(
    deal: DealRecord,
    product: ProductRecord,
    quantity: number,
    options: Partial<DealProductRecord> = {},
  ): void {
    const price =
      product.prices.find((candidate) => candidate.currency === deal.currency)?.price ?? 0;
    const line: DealProductRecord = {
      id: this.id('dealProduct'),
      deal_id: deal.id,
      product_id: product.id,
      name: product.name,
      order_nr: this.company.productsOfDeal(deal.id).length + 1,
      item_price: price,
      quantity,
      discount: 0,
      discount_type: 'percentage',
      tax: product.tax,
      tax_method: 'exclusive',
      comments: '',
      is_enabled: true,
      billing_frequency: product.billing_frequency,
      billing_frequency_cycles: product.billing_frequency === 'one-time' ? null : 12,
      billing_start_date: null,
      add_time: this.at,
      update_time: this.at,
      ...options,
    };
    this.company.dealProducts.set(line.id, line);
    deal.value = this.company.computeDealValue(deal);
  }

  discount(deal: DealRecord, description: string, type: DiscountType, amount: number): void {
    const id = `00000000-0000-4000-8000-${String(this.id('discount')).padStart(12, '0')}`;
    this.company.dealDiscounts.set(id, {
      id,
      deal_id: deal.id,
      description,
      type,
      amount,
      created_at: this.at + this.company.dealDiscounts.size,
      created_by: this.ownerId,
      updated_at: this.at,
      updated_by: this.ownerId,
    });
    deal.value = this.company.computeDealValue(deal);
  }
}

export function nzAddress(
  street: string,
  number: string,
  city: string,
  region: string,
  postcode: string,
): Address {
  const formatted = `${number} ${street}, ${city} ${postcode}, New Zealand`;
  return {
    value: formatted,
    street_number: number,
    route: street,
    subpremise: null,
    sublocality: null,
    locality: city,
    admin_area_level_1: region,
    admin_area_level_2: null,
    country: 'New Zealand',
    postal_code: postcode,
    formatted_address: formatted,
  };
}
