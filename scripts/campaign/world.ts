import {
  createCustomerBook,
  type CustomerPlan,
  planTraps,
  type TenantKey,
  type XeroContactPlan,
} from './customers.js';
import { createNameSource } from './names.js';
import type { Random } from './random.js';

export type { CustomerPlan, TenantKey, Trap, XeroContactPlan } from './customers.js';

/**
 * The campaign's data, planned before anything runs (pure, seeded): four Pipedrive companies on
 * three Xero organisations (two sharing organisation B), their customers — most of them
 * plain, some of them traps (customers.ts) — products, deals, and the Xero contacts a user had typed
 * in by hand before installing the app.
 */
export interface CompanyPlan {
  index: number;
  id: number;
  name: string;
  domain: string;
  idStart: number;
  adminId: number;
  tenant: TenantKey;
}

export interface ProductPlan {
  key: string;
  company: number;
  code: string;
  name: string;
  prices: Record<string, number>;
}

export interface DealPlan {
  key: string;
  company: number;
  customer: string;
  currency: string;
  lines: { product: string; quantity: number }[];
  document: 'invoice' | 'quote';
  /** False when the deal is refused on purpose (no products, a currency Xero does not have). */
  valid: boolean;
  /** Moved out of the trigger stage and back in: the same trigger, which must not make a second document. */
  bounce: boolean;
}

export interface WorldPlan {
  companies: CompanyPlan[];
  customers: CustomerPlan[];
  products: ProductPlan[];
  deals: DealPlan[];
  xeroContacts: XeroContactPlan[];
  /** Deals moved together: a burst is a new customer's first deals, at the same moment. */
  shots: string[][];
}

/** North and West each have an organisation of their own; South and East share organisation B. */
export const COMPANIES: readonly (Omit<CompanyPlan, 'index'> & { share: number })[] = [
  {
    id: 7101,
    name: 'Campaign North Ltd',
    domain: 'campaign-north',
    idStart: 100_001,
    adminId: 5101,
    tenant: 'A',
    share: 0.35,
  },
  {
    id: 7102,
    name: 'Campaign South Ltd',
    domain: 'campaign-south',
    idStart: 200_001,
    adminId: 5102,
    tenant: 'B',
    share: 0.15,
  },
  {
    id: 7103,
    name: 'Campaign East Ltd',
    domain: 'campaign-east',
    idStart: 300_001,
    adminId: 5103,
    tenant: 'B',
    share: 0.15,
  },
  {
    id: 7104,
    name: 'Campaign West Ltd',
    domain: 'campaign-west',
    idStart: 400_001,
    adminId: 5104,
    tenant: 'C',
    share: 0.35,
  },
];

export const CURRENCIES_OF: Record<TenantKey, readonly string[]> = {
  A: ['NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'USD', 'AUD'],
  B: ['NZD'],
  C: ['NZD', 'NZD', 'NZD', 'AUD'],
};
/** Enabled in neither organisation: a deal in it is refused with a clear reason. */
const MISSING_CURRENCY = 'EUR';

export function planWorld(dealCount: number, random: Random): WorldPlan {
  const names = createNameSource(random);
  const companies = COMPANIES.map(({ share: _share, ...company }, index) => ({
    ...company,
    index,
  }));
  const book = createCustomerBook(names);
  const { customers, xeroContacts } = book;
  const tenantOf = (company: number) => companies[company]!.tenant;
  // About one of each trap per 200 deals.
  planTraps(
    book,
    names,
    companies.map((company) => company.tenant),
    Math.max(1, Math.round(dealCount / 200)),
  );

  const dealsOf = COMPANIES.map((company) => Math.round(dealCount * company.share));
  dealsOf[0] = dealCount - dealsOf.slice(1).reduce((sum, count) => sum + count, 0);
  for (const company of companies) {
    const plain = Math.max(1, Math.round(dealsOf[company.index]! / 10));
    for (let i = 0; i < plain; i++)
      book.add(company.index, random.chance(0.8) ? 'organization' : 'person', 'clean');
  }

  const products = companies.flatMap((company) =>
    planProducts(
      company,
      Math.min(6, Math.max(3, Math.round(dealsOf[company.index]! / 40))),
      random,
    ),
  );
  const deals: DealPlan[] = [];
  const shots: string[][] = [];
  const addDeal = (customer: CustomerPlan): DealPlan => {
    const tenant = tenantOf(customer.company);
    const own = products.filter((product) => product.company === customer.company);
    const lines = random
      .shuffle(own)
      .slice(0, random.int(1, 3))
      .map((product) => ({ product: product.key, quantity: random.pick([1, 1, 2, 3, 5, 2.5]) }));
    const deal: DealPlan = {
      key: `d${deals.length + 1}`,
      company: customer.company,
      customer: customer.key,
      currency: random.pick(CURRENCIES_OF[tenant]),
      lines,
      document: random.chance(0.3) ? 'quote' : 'invoice',
      valid: true,
      bounce: false,
    };
    deals.push(deal);
    return deal;
  };

  // Every customer gets a deal; bursts of new customers' first deals; the rest at random.
  for (const customer of customers) shots.push([addDeal(customer).key]);
  const bursting = new Set<string>();
  const bursts = Math.max(1, Math.round(dealCount * 0.03));
  for (let i = 0; i < bursts; i++) {
    const customer = book.add(random.int(0, companies.length - 1), 'organization', 'clean');
    bursting.add(customer.key);
    shots.push(Array.from({ length: random.int(2, 3) }, () => addDeal(customer).key));
  }
  for (const company of companies) {
    const own = customers.filter(
      (customer) => customer.company === company.index && !bursting.has(customer.key),
    );
    let planned = deals.filter((deal) => deal.company === company.index).length;
    for (; planned < dealsOf[company.index]!; planned++)
      shots.push([addDeal(random.pick(own)).key]);
  }

  // Refused on purpose, among plain customers' single deals: no products, a missing currency.
  const single = new Set(shots.filter((shot) => shot.length === 1).map((shot) => shot[0]!));
  const plainDeals = random.shuffle(
    deals.filter(
      (deal) => single.has(deal.key) && customerOf(customers, deal.customer).trap === 'clean',
    ),
  );
  const refused = Math.max(1, Math.round(dealCount * 0.03));
  for (const deal of plainDeals.slice(0, refused)) {
    deal.lines = [];
    deal.valid = false;
  }
  const foreign = Math.max(1, Math.round(dealCount * 0.02));
  for (const deal of plainDeals.slice(refused, refused + foreign)) {
    deal.currency = MISSING_CURRENCY;
    deal.valid = false;
  }
  const bounces = Math.max(1, Math.round(dealCount * 0.04));
  for (const deal of plainDeals.slice(refused + foreign, refused + foreign + bounces))
    deal.bounce = true;

  return { companies, customers, products, deals, xeroContacts, shots: random.shuffle(shots) };
}

export function customerOf(customers: readonly CustomerPlan[], key: string): CustomerPlan {
  const customer = customers.find((candidate) => candidate.key === key);
  if (!customer) throw new Error(`no customer ${key}`);
  return customer;
}

/** Up to six products per company, plus one code both companies of organisation B sell (one Xero item). */
function planProducts(company: CompanyPlan, count: number, random: Random): ProductPlan[] {
  const prefix = company.domain.split('-')[1]!.slice(0, 3).toUpperCase();
  const catalogue = [
    'Consulting hour',
    'Licence',
    'Training day',
    'Support plan',
    'Setup',
    'Audit',
  ];
  const plans = catalogue.slice(0, count).map((name, index) => ({
    key: `p${company.index}-${index}`,
    company: company.index,
    code: `${prefix}-${index + 1}`,
    name: `${name} (${company.name})`,
    prices: priced(random.int(50, 2000)),
  }));
  if (company.tenant === 'B')
    plans.push({
      key: `p${company.index}-shared`,
      company: company.index,
      code: 'SHARED-SVC',
      name: 'Shared service',
      prices: priced(250),
    });
  return plans;
}

function priced(nzd: number): Record<string, number> {
  return {
    NZD: nzd,
    USD: Math.round(nzd * 0.6),
    AUD: Math.round(nzd * 0.9),
    EUR: Math.round(nzd * 0.55),
  };
}
