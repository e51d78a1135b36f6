import { DEMO_XERO_USER } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A, DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import type { Call } from './control.js';
import {
  type CompanyPlan,
  customerOf,
  type CustomerPlan,
  type DealPlan,
  type TenantKey,
  type WorldPlan,
} from './world.js';

/**
 * Puts the planned world into the sandboxes through their control APIs, before the app is
 * installed (so no webhook announces it), and keeps the ground truth: every record's Pipedrive id
 * and contact number, each deal's trigger, and which Xero contacts were there before the app.
 */
export const TENANTS: Record<TenantKey, string> = {
  A: DEMO_TENANT_A,
  B: DEMO_TENANT_B,
  C: '9c4a5b6d-7e8f-4a01-b2c3-d4e5f6a7b8c9',
};
const PIPELINE = ['Qualified', 'Proposal', 'Negotiation', 'Won'];

export interface SeededCompany {
  plan: CompanyPlan;
  tenantId: string;
  pipelineId: number;
  stages: { qualified: number; proposal: number; negotiation: number; won: number };
}

export interface SeededCustomer {
  plan: CustomerPlan;
  pipedriveId: number;
  /** The contact number the app gives this record (src/sync/mapping/contact.ts). */
  number: string;
  personId: number;
}

export interface SeededDeal {
  plan: DealPlan;
  companyId: number;
  dealId: number;
  tenantId: string;
  /** The stage that fires the deal's trigger, and the app's trigger key for it. */
  triggerStage: number;
  triggerKey: string;
  customer: SeededCustomer;
}

export interface Truth {
  companies: SeededCompany[];
  customers: Map<string, SeededCustomer>;
  deals: SeededDeal[];
  /** Hand-made Xero contacts that legitimately are a customer (customer key → ContactIDs). */
  twins: Map<string, Set<string>>;
  /** Every contact made before the app ran, with the contact number it was made with. */
  preseeded: Map<string, string | null>;
}

export async function seedWorld(
  plan: WorldPlan,
  pipedrive: Call,
  xero: Call,
  parallel = 8,
): Promise<Truth> {
  // The demo login's third organisation, for the company that has one of its own.
  await xero('POST', '/__sandbox/xero/organisations', {
    tenantId: TENANTS.C,
    name: 'Campaign West Trading Ltd',
    shortCode: '!cWt4N',
    currencies: ['NZD', 'AUD'],
    users: [DEMO_XERO_USER.email],
  });
  const companies: SeededCompany[] = [];
  for (const company of plan.companies) {
    const created = await pipedrive('POST', '/__sandbox/pipedrive/companies', {
      id: company.id,
      name: company.name,
      domain: company.domain,
      idStart: company.idStart,
      admin: {
        id: company.adminId,
        name: 'Campaign Admin',
        email: `admin@${company.domain}.example`,
      },
      pipelines: [{ name: 'Sales', stages: PIPELINE }],
    });
    const pipeline = created.company.pipelines[0];
    const stage = (name: string) =>
      pipeline.stages.find((candidate: { name: string }) => candidate.name === name).id as number;
    companies.push({
      plan: company,
      tenantId: TENANTS[company.tenant],
      pipelineId: pipeline.id,
      stages: {
        qualified: stage('Qualified'),
        proposal: stage('Proposal'),
        negotiation: stage('Negotiation'),
        won: stage('Won'),
      },
    });
  }
  const base = (company: number) => `/__sandbox/pipedrive/companies/${plan.companies[company]!.id}`;

  const productIds = new Map<string, number>();
  await inBatches(plan.products, parallel, async (product) => {
    const created = await pipedrive('POST', `${base(product.company)}/products`, {
      name: product.name,
      code: product.code,
      tax: 15,
      prices: Object.entries(product.prices).map(([currency, price]) => ({ currency, price })),
    });
    productIds.set(product.key, created.data.id);
  });

  const customers = new Map<string, SeededCustomer>();
  await inBatches(plan.customers, parallel, async (customer) => {
    const path = base(customer.company);
    const emails = [{ value: customer.email, primary: true, label: 'work' }];
    if (customer.kind === 'person') {
      const person = await pipedrive('POST', `${path}/persons`, { name: customer.name, emails });
      customers.set(customer.key, seeded(customer, person.data.id, person.data.id));
      return;
    }
    const org = await pipedrive('POST', `${path}/organizations`, { name: customer.name });
    const person = await pipedrive('POST', `${path}/persons`, {
      name: customer.contactPerson,
      org_id: org.data.id,
      emails,
    });
    customers.set(customer.key, seeded(customer, org.data.id, person.data.id));
  });

  const twins = new Map<string, Set<string>>();
  const preseeded = new Map<string, string | null>();
  for (const contact of plan.xeroContacts) {
    const number = contact.numberOf ? customers.get(contact.numberOf)!.number : null;
    const created = await xero(
      'POST',
      `/__sandbox/xero/tenants/${TENANTS[contact.tenant]}/contacts`,
      {
        Name: contact.name,
        ...(contact.email && { EmailAddress: contact.email }),
        ...(number && { ContactNumber: number }),
        ...(contact.archived && { ContactStatus: 'ARCHIVED' }),
      },
    );
    const id = created.contact.ContactID as string;
    preseeded.set(id, number);
    if (contact.twinOf) twins.set(contact.twinOf, new Set([id]));
  }

  const deals: SeededDeal[] = [];
  await inBatches(plan.deals, parallel, async (deal) => {
    const company = companies[deal.company]!;
    const customer = customers.get(deal.customer)!;
    const organization = customer.plan.kind === 'organization';
    const created = await pipedrive('POST', `${base(deal.company)}/deals`, {
      title: `${customerOf(plan.customers, deal.customer).name} – ${deal.key}`,
      currency: deal.currency,
      pipeline_id: company.pipelineId,
      stage_id: company.stages.qualified,
      person_id: customer.personId,
      ...(organization && { org_id: customer.pipedriveId }),
    });
    const dealId = created.data.id as number;
    for (const line of deal.lines) {
      const product = plan.products.find((candidate) => candidate.key === line.product)!;
      await pipedrive('POST', `${base(deal.company)}/deals/${dealId}/products`, {
        product_id: productIds.get(line.product),
        item_price: product.prices[deal.currency],
        quantity: line.quantity,
        tax: 15,
      });
    }
    const triggerStage = deal.document === 'invoice' ? company.stages.won : company.stages.proposal;
    deals.push({
      plan: deal,
      companyId: company.plan.id,
      dealId,
      tenantId: company.tenantId,
      triggerStage,
      triggerKey: `stage:${company.pipelineId}:${triggerStage}`,
      customer,
    });
  });
  return { companies, customers, deals, twins, preseeded };
}

function seeded(plan: CustomerPlan, pipedriveId: number, personId: number): SeededCustomer {
  return {
    plan,
    pipedriveId,
    number: `${plan.kind === 'organization' ? 'PD-ORG' : 'PD-PER'}-${pipedriveId}`,
    personId,
  };
}

/** Runs `work` over `items`, `parallel` at a time. */
export async function inBatches<T>(
  items: readonly T[],
  parallel: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(parallel, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
