/**
 * The PostgreSQL burst's world, put into the sandboxes through their control APIs before the app
 * is installed (so no webhook announces it): `companies` Pipedrive companies, each with a Xero
 * organisation of its own that the demo Xero login may connect, two products, a few customers
 * (an organisation and its person each) and `dealsPerCompany` deals with both products, waiting in
 * "Qualified". Month-end: several customers per company, so contacts are looked up and made by
 * jobs of different worker processes at once.
 */
import { randomUUID } from 'node:crypto';

import { DEMO_XERO_USER } from '../../sandbox/xero/apps.js';
import type { InstallTarget } from '../../scripts/campaign/app-setup.js';
import type { Call } from '../../scripts/campaign/control.js';
import { inBatches } from '../../scripts/campaign/seed.js';

export interface BurstCompany extends InstallTarget {
  domain: string;
  dealIds: number[];
}

const CUSTOMERS_PER_COMPANY = 5;
const PRODUCTS = [
  { name: 'Consulting hour', price: 180, quantity: 3 },
  { name: 'Licence', price: 1200, quantity: 1 },
];

export async function seedBurstWorld(
  pipedrive: Call,
  xero: Call,
  size: { companies: number; dealsPerCompany: number },
): Promise<BurstCompany[]> {
  const indexes = Array.from({ length: size.companies }, (_, index) => index);
  const companies: BurstCompany[] = [];
  await inBatches(indexes, 4, async (index) => {
    companies.push(await seedCompany(pipedrive, xero, index, size.dealsPerCompany));
  });
  return companies.sort((a, b) => a.plan.id - b.plan.id);
}

async function seedCompany(
  pipedrive: Call,
  xero: Call,
  index: number,
  deals: number,
): Promise<BurstCompany> {
  const n = index + 1;
  const id = 7200 + n;
  const domain = `bench-co-${n}`;
  const tenantId = randomUUID();
  await xero('POST', '/__sandbox/xero/organisations', {
    tenantId,
    name: `Bench Co ${n} Books Ltd`,
    shortCode: `!bC${n}`,
    currencies: ['NZD'],
    users: [DEMO_XERO_USER.email],
  });
  const created = await pipedrive('POST', '/__sandbox/pipedrive/companies', {
    id,
    name: `Bench Co ${n} Ltd`,
    domain,
    // Ids of different companies never meet: a Xero reference names its deal alone.
    idStart: n * 100_000 + 1,
    admin: { id: 5200 + n, name: 'Bench Admin', email: `admin@${domain}.example` },
    pipelines: [{ name: 'Sales', stages: ['Qualified', 'Proposal', 'Negotiation', 'Won'] }],
  });
  const pipeline = created.company.pipelines[0] as {
    id: number;
    stages: { id: number; name: string }[];
  };
  const stage = (name: string) => pipeline.stages.find((candidate) => candidate.name === name)!.id;
  const base = `/__sandbox/pipedrive/companies/${id}`;

  const products: { id: number; price: number; quantity: number }[] = [];
  for (const [at, product] of PRODUCTS.entries()) {
    const made = await pipedrive('POST', `${base}/products`, {
      name: `${product.name} (Bench Co ${n})`,
      code: `BC${n}-${at + 1}`,
      tax: 15,
      prices: [{ currency: 'NZD', price: product.price }],
    });
    products.push({ id: made.data.id as number, price: product.price, quantity: product.quantity });
  }
  const customers: { orgId: number; personId: number }[] = [];
  for (let c = 1; c <= CUSTOMERS_PER_COMPANY; c++) {
    const org = await pipedrive('POST', `${base}/organizations`, {
      name: `Customer ${c} of Bench Co ${n}`,
    });
    const person = await pipedrive('POST', `${base}/persons`, {
      name: `Buyer ${c} of Bench Co ${n}`,
      org_id: org.data.id,
      emails: [{ value: `buyer${c}@customer${c}-co${n}.example`, primary: true, label: 'work' }],
    });
    customers.push({ orgId: org.data.id as number, personId: person.data.id as number });
  }

  const dealIds: number[] = [];
  for (let d = 0; d < deals; d++) {
    const customer = customers[d % customers.length]!;
    const deal = await pipedrive('POST', `${base}/deals`, {
      title: `Month-end ${d + 1}`,
      currency: 'NZD',
      pipeline_id: pipeline.id,
      stage_id: stage('Qualified'),
      org_id: customer.orgId,
      person_id: customer.personId,
    });
    const dealId = deal.data.id as number;
    for (const product of products)
      await pipedrive('POST', `${base}/deals/${dealId}/products`, {
        product_id: product.id,
        item_price: product.price,
        quantity: product.quantity,
        tax: 15,
      });
    dealIds.push(dealId);
  }
  return {
    plan: { id, adminId: 5200 + n },
    domain,
    tenantId,
    pipelineId: pipeline.id,
    stages: { won: stage('Won'), proposal: stage('Proposal') },
    dealIds,
  };
}
