import { createNameSource } from './names.js';
import type { Random } from './random.js';

/**
 * The campaign's data, planned before anything runs (pure, seeded): three Pipedrive companies on
 * two Xero organisations (one company alone on A, two sharing B), their customers — most of them
 * plain, some of them traps that lead a careless contact match to the wrong customer — products,
 * deals, and the Xero contacts a user had typed in by hand before installing the app.
 *
 * Traps (each also says whether a valid deal of that customer must end with a document):
 * - shared_name: two organizations of one company with the same name;
 * - cross_company_name: the same, in two companies that share a Xero organisation;
 * - org_person_name: an organization and a B2C person with the same name;
 * - shared_email: a B2C person with the e-mail of an organization's contact person;
 * - foreign_number: a Xero contact with this organization's name that carries another record's
 *   contact number (PD-ORG-<id>); that other record is a `number_owner` and may use it;
 * - archived_number: an archived Xero contact holds this organization's contact number;
 * - archived_twin: an archived Xero contact has this organization's name (a new one may be made);
 * - legit_twin: an active Xero contact without a number has this organization's name and e-mail:
 *   the customer typed in by hand, which this organization's documents may go to.
 * Records caught in the first six may be stopped with an explanation; the others must succeed.
 */
export type TenantKey = 'A' | 'B';
export type Trap =
  | 'clean'
  | 'shared_name'
  | 'cross_company_name'
  | 'org_person_name'
  | 'shared_email'
  | 'foreign_number'
  | 'number_owner'
  | 'archived_number'
  | 'archived_twin'
  | 'legit_twin';

const MAY_STOP: ReadonlySet<Trap> = new Set([
  'shared_name',
  'cross_company_name',
  'org_person_name',
  'shared_email',
  'foreign_number',
  'archived_number',
]);

export interface CompanyPlan {
  index: number;
  id: number;
  name: string;
  domain: string;
  idStart: number;
  adminId: number;
  tenant: TenantKey;
}

export interface CustomerPlan {
  key: string;
  company: number;
  kind: 'organization' | 'person';
  name: string;
  /** The person's e-mail (B2C), or the e-mail of the organization's contact person. */
  email: string;
  /** An organization's contact person (on its deals, feeding the contact's e-mail). */
  contactPerson?: string;
  trap: Trap;
  /** A valid deal of this customer must end with a document (no trap may stop it). */
  mustSucceed: boolean;
}

export interface XeroContactPlan {
  tenant: TenantKey;
  name: string;
  email?: string;
  /** Carries this customer's contact number (PD-ORG-<id>/PD-PER-<id>, known once seeded). */
  numberOf?: string;
  archived: boolean;
  /** The customer this hand-made contact legitimately is. */
  twinOf?: string;
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

export const COMPANIES: readonly (Omit<CompanyPlan, 'index'> & { share: number })[] = [
  {
    id: 7101,
    name: 'Campaign North Ltd',
    domain: 'campaign-north',
    idStart: 100_001,
    adminId: 5101,
    tenant: 'A',
    share: 0.5,
  },
  {
    id: 7102,
    name: 'Campaign South Ltd',
    domain: 'campaign-south',
    idStart: 200_001,
    adminId: 5102,
    tenant: 'B',
    share: 0.25,
  },
  {
    id: 7103,
    name: 'Campaign East Ltd',
    domain: 'campaign-east',
    idStart: 300_001,
    adminId: 5103,
    tenant: 'B',
    share: 0.25,
  },
];

export const CURRENCIES_OF: Record<TenantKey, readonly string[]> = {
  A: ['NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'NZD', 'USD', 'AUD'],
  B: ['NZD'],
};
/** Enabled in neither organisation: a deal in it is refused with a clear reason. */
const MISSING_CURRENCY = 'EUR';

export function planWorld(dealCount: number, random: Random): WorldPlan {
  const names = createNameSource(random);
  const companies = COMPANIES.map(({ share: _share, ...company }, index) => ({
    ...company,
    index,
  }));
  const customers: CustomerPlan[] = [];
  const xeroContacts: XeroContactPlan[] = [];
  const addCustomer = (
    company: number,
    kind: CustomerPlan['kind'],
    trap: Trap,
    name = kind === 'organization' ? names.organization() : names.person(),
    email = names.email(name),
  ): CustomerPlan => {
    const customer: CustomerPlan = {
      key: `c${customers.length + 1}`,
      company,
      kind,
      name,
      email,
      ...(kind === 'organization' && { contactPerson: names.person() }),
      trap,
      mustSucceed: !MAY_STOP.has(trap),
    };
    customers.push(customer);
    return customer;
  };
  const tenantOf = (company: number) => companies[company]!.tenant;

  // Traps, spread over the companies; about one of each kind per 200 deals.
  const perKind = Math.max(1, Math.round(dealCount / 200));
  let turn = 0;
  const nextCompany = () => turn++ % companies.length;
  for (let i = 0; i < perKind; i++) {
    let company = nextCompany();
    const first = addCustomer(company, 'organization', 'shared_name');
    addCustomer(company, 'organization', 'shared_name', first.name);

    const [south, east] = [1, 2];
    const crossed = addCustomer(south, 'organization', 'cross_company_name');
    addCustomer(east, 'organization', 'cross_company_name', crossed.name);

    company = nextCompany();
    const sole = addCustomer(company, 'organization', 'org_person_name', names.person());
    addCustomer(company, 'person', 'org_person_name', sole.name);

    company = nextCompany();
    const mailed = addCustomer(company, 'organization', 'shared_email');
    addCustomer(company, 'person', 'shared_email', undefined, mailed.email);

    company = nextCompany();
    const named = addCustomer(company, 'organization', 'foreign_number');
    const owner = addCustomer(company, 'organization', 'number_owner');
    xeroContacts.push({
      tenant: tenantOf(company),
      name: named.name,
      numberOf: owner.key,
      archived: false,
    });

    company = nextCompany();
    const held = addCustomer(company, 'organization', 'archived_number');
    xeroContacts.push({
      tenant: tenantOf(company),
      name: held.name,
      numberOf: held.key,
      archived: true,
    });

    company = nextCompany();
    const gone = addCustomer(company, 'organization', 'archived_twin');
    xeroContacts.push({ tenant: tenantOf(company), name: gone.name, archived: true });

    company = nextCompany();
    const typed = addCustomer(company, 'organization', 'legit_twin');
    xeroContacts.push({
      tenant: tenantOf(company),
      name: typed.name,
      email: typed.email,
      archived: false,
      twinOf: typed.key,
    });
  }

  const dealsOf = COMPANIES.map((company) => Math.round(dealCount * company.share));
  dealsOf[0] = dealCount - dealsOf[1]! - dealsOf[2]!;
  for (const company of companies) {
    const plain = Math.max(1, Math.round(dealsOf[company.index]! / 10));
    for (let i = 0; i < plain; i++)
      addCustomer(company.index, random.chance(0.8) ? 'organization' : 'person', 'clean');
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
    const customer = addCustomer(random.int(0, companies.length - 1), 'organization', 'clean');
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
