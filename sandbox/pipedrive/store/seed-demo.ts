import type { PipedriveAppSeed } from '../world.js';
import { Company } from './company.js';
import { CompanySeeder, nzAddress } from './seed-builders.js';
import { CURRENCIES, standardFields } from './seed-standard.js';
import type { ProductRecord as P } from './types.js';

/** The demo data both sandboxes agree on (docs/helpers/DEMO.md). */

export const DEMO_COMPANY_ID = 7001;
export const DEMO_USER_ID = 1001;
export const OTHER_COMPANY_ID = 7002;

export const demoApp: PipedriveAppSeed = {
  clientId: 'sandbox-pipedrive-client',
  clientSecret: 'sandbox-pipedrive-secret',
  name: 'Pipedrive → Xero (sandbox)',
  callbackUrl: 'http://localhost:3000/oauth/pipedrive/callback',
  scopes: ['base', 'deals:full', 'products:read', 'contacts:full', 'admin', 'users:read'],
};

export function seedDemoCompanies(at: number): Company[] {
  return [seedKauriCoast(at), seedOtherCompany(at)];
}

function seedKauriCoast(at: number): Company {
  const company = new Company(DEMO_COMPANY_ID, 'Kauri Coast Trading', 'kauricoast', 'NZ', at);
  company.users.set(DEMO_USER_ID, {
    id: DEMO_USER_ID,
    name: 'Sam Admin',
    email: 'sam@kauricoast.example',
    is_admin: true,
    default_currency: 'NZD',
  });
  company.users.set(1002, {
    id: 1002,
    name: 'Rangi Sales',
    email: 'rangi@kauricoast.example',
    is_admin: false,
    default_currency: 'NZD',
  });
  const seed = new CompanySeeder(company, at, 1, DEMO_USER_ID);
  seed.currencies(CURRENCIES);
  standardFields(seed);
  const billing = seed.field('organization', 'Billing address', 'address');
  const xeroAccount = seed.field('organization', 'Xero account number', 'varchar');
  const poNumber = seed.field('deal', 'Purchase order number', 'varchar');
  const documentType = seed.field('deal', 'Document type', 'enum', {
    options: ['Invoice', 'Quote'],
  });

  const [qualified, proposal, negotiation, won] = seed.pipeline('Sales', [
    'Qualified',
    'Proposal',
    'Negotiation',
    'Won',
  ]) as [number, number, number, number];
  const [due, , renewed] = seed.pipeline('Renewals', ['Due', 'Quote sent', 'Renewed']) as [
    number,
    number,
    number,
  ];

  const orgSpecs: [string, string, string, string, string, string, string][] = [
    [
      'Kauri Digital Ltd',
      'Queen Street',
      '120',
      'Auckland',
      'Auckland',
      '1010',
      'accounts@kauridigital.example',
    ],
    [
      'Harbour Freight Co',
      'Quay Street',
      '45',
      'Auckland',
      'Auckland',
      '1010',
      'ops@harbourfreight.example',
    ],
    [
      'Tui Analytics',
      'Lambton Quay',
      '200',
      'Wellington',
      'Wellington',
      '6011',
      'finance@tuianalytics.example',
    ],
    [
      'Pohutukawa Health',
      'Victoria Street',
      '18',
      'Hamilton',
      'Waikato',
      '3204',
      'admin@pohutukawa.example',
    ],
    [
      'Southern Lights Energy',
      'George Street',
      '77',
      'Dunedin',
      'Otago',
      '9016',
      'billing@southernlights.example',
    ],
    [
      'Fernleaf Architects',
      'Colombo Street',
      '310',
      'Christchurch',
      'Canterbury',
      '8011',
      'studio@fernleaf.example',
    ],
    [
      'Manuka Foods Ltd',
      'Devonport Road',
      '9',
      'Tauranga',
      'Bay of Plenty',
      '3110',
      'orders@manukafoods.example',
    ],
    [
      'Kea Robotics',
      'Trafalgar Street',
      '56',
      'Nelson',
      'Nelson',
      '7010',
      'hello@kearobotics.example',
    ],
    [
      'Rimu Logistics',
      'Emerson Street',
      '101',
      'Napier',
      "Hawke's Bay",
      '4110',
      'accounts@rimulogistics.example',
    ],
    [
      'Aroha Travel',
      'Shotover Street',
      '33',
      'Queenstown',
      'Otago',
      '9300',
      'bookings@arohatravel.example',
    ],
    [
      'Wētā Workshop Supplies',
      'Camperdown Road',
      '1',
      'Wellington',
      'Wellington',
      '6022',
      'supplies@weta.example',
    ],
    [
      'Takahe Legal',
      'Dee Street',
      '64',
      'Invercargill',
      'Southland',
      '9810',
      'office@takahelegal.example',
    ],
  ];
  const people = [
    'Aroha Ngata',
    'Tane Walker',
    'Mei Chen',
    'Hemi Rawiri',
    'Sophie Clarke',
    'Liam Brown',
    'Ana Tupou',
    'Jack Wilson',
    'Ruby Martin',
    'Nikau Hohepa',
    'Olivia Smith',
    'Wiremu Tait',
  ];
  const orgs = orgSpecs.map(([name, street, number, city, region, postcode, email], index) => {
    const custom: Record<string, unknown> = {};
    if (index === 0) {
      custom[billing] = { ...nzAddress('PO Box', '4521', 'Auckland', 'Auckland', '1140') };
      custom[xeroAccount] = 'KD-0001';
    }
    if (index === 3) {
      custom[billing] = { ...nzAddress('Anglesea Street', '500', 'Hamilton', 'Waikato', '3204') };
      custom[xeroAccount] = 'PH-0042';
    }
    const org = seed.organization(name, nzAddress(street, number, city, region, postcode), custom);
    const person = seed.person(
      people[index] ?? name,
      org.id,
      email,
      `+64 9 555 ${String(1000 + index)}`,
    );
    return { org, person };
  });
  const mere = seed.person('Mere Parata', null, 'mere.parata@example.nz', '+64 21 555 0199');

  const catalogue = [
    seed.product('CONS-HR', 'Consulting hour', { NZD: 180, USD: 110, EUR: 100 }, 15, 'one-time'),
    seed.product(
      'IMPL-PKG',
      'Implementation package',
      { NZD: 4500, USD: 2700, EUR: 2500 },
      15,
      'one-time',
    ),
    seed.product('LIC-STD', 'Standard licence', { NZD: 1200, USD: 720, EUR: 660 }, 15, 'annually'),
    seed.product('LIC-PRO', 'Pro licence', { NZD: 149, USD: 89, EUR: 82 }, 15, 'monthly'),
    seed.product('TRAIN-DAY', 'Training day', { NZD: 1450, USD: 880, EUR: 800 }, 15, 'one-time'),
    seed.product(
      'HW-ROUTER',
      'Router X200',
      { NZD: 349.99, USD: 215.5, EUR: 199.95 },
      15,
      'one-time',
    ),
    seed.product(
      'PREMIUM-SUPPORT-24X7-EXTENDED-COVER',
      'Premium support 24x7',
      { NZD: 99.5, USD: 60, EUR: 55 },
      15,
      'monthly',
    ),
    seed.product(
      'EXPORT-SVC',
      'Export documentation',
      { NZD: 500, USD: 300, EUR: 280 },
      0,
      'one-time',
    ),
    seed.product(null, 'Travel expenses', { NZD: 250, USD: 150, EUR: 140 }, 15, 'one-time'),
    seed.product(
      'SETUP-9',
      'Setup fee (9 % tax)',
      { NZD: 333.33, USD: 200, EUR: 185 },
      9,
      'one-time',
    ),
  ];
  const [cons, impl, licStd, licPro, train, router, premium, exportSvc, travel, setup] =
    catalogue as [P, P, P, P, P, P, P, P, P, P];
  const party = (index: number) => ({
    org_id: orgs[index]!.org.id,
    person_id: orgs[index]!.person.id,
  });

  const d1 = seed.deal({
    title: 'Kauri Digital – implementation',
    stage_id: proposal,
    currency: 'NZD',
    ...party(0),
    custom: { [poNumber]: 'PO-7781', [documentType]: 1 },
  });
  seed.line(d1, impl, 1, { discount: 10 });
  seed.line(d1, cons, 10);
  const d2 = seed.deal({
    title: 'Harbour Freight – licences (inclusive)',
    stage_id: negotiation,
    currency: 'NZD',
    ...party(1),
  });
  seed.line(d2, licStd, 3, { tax_method: 'inclusive', discount: 100, discount_type: 'amount' });
  seed.line(d2, train, 1, { tax_method: 'inclusive' });
  const d3 = seed.deal({
    title: 'Tui Analytics – US rollout',
    stage_id: qualified,
    currency: 'USD',
    ...party(2),
  });
  seed.line(d3, cons, 20, { tax_method: 'none' });
  seed.line(d3, router, 2, { tax_method: 'none' });
  const d4 = seed.deal({
    title: 'Pohutukawa Health – rollout with deal discounts',
    stage_id: proposal,
    currency: 'NZD',
    ...party(3),
  });
  seed.line(d4, impl, 1);
  seed.line(d4, train, 2);
  seed.line(d4, licPro, 5);
  seed.discount(d4, 'Launch partner 10 %', 'percentage', 10);
  seed.discount(d4, 'Loyalty credit', 'amount', 200);
  const d5 = seed.deal({
    title: 'Southern Lights – consulting (one line disabled)',
    stage_id: proposal,
    currency: 'NZD',
    ...party(4),
  });
  seed.line(d5, cons, 5);
  seed.line(d5, router, 1, { is_enabled: false });
  const d6 = seed.deal({
    title: 'Fernleaf – fractional hours',
    stage_id: negotiation,
    currency: 'NZD',
    ...party(5),
  });
  seed.line(d6, cons, 2.5);
  seed.line(d6, cons, 1.3333);
  const d7 = seed.deal({
    title: 'Mere Parata – home office router',
    stage_id: proposal,
    currency: 'NZD',
    person_id: mere.id,
  });
  seed.line(d7, router, 1, { tax_method: 'inclusive' });
  seed.line(d7, travel, 1, { tax_method: 'inclusive' });
  const d8 = seed.deal({
    title: 'Manuka Foods – EU export (EUR)',
    stage_id: proposal,
    currency: 'EUR',
    ...party(6),
  });
  seed.line(d8, exportSvc, 1);
  seed.line(d8, cons, 3);
  const d9 = seed.deal({
    title: 'Kea Robotics – premium support',
    stage_id: negotiation,
    currency: 'NZD',
    ...party(7),
  });
  seed.line(d9, premium, 1);
  seed.line(d9, setup, 1);
  seed.deal({
    title: 'Rimu Logistics – scoping (no products)',
    stage_id: qualified,
    currency: 'NZD',
    manual_value: 5000,
    value: 5000,
    ...party(8),
  });
  const d11 = seed.deal({
    title: 'Aroha Travel – Pro licences (monthly × 12)',
    stage_id: due,
    currency: 'NZD',
    ...party(9),
  });
  seed.line(d11, licPro, 4, { billing_frequency_cycles: 12 });
  const d12 = seed.deal({
    title: 'Takahe Legal – training (won)',
    stage_id: won,
    currency: 'NZD',
    status: 'won',
    won_time: at,
    close_time: at,
    ...party(11),
  });
  seed.line(d12, train, 1);
  const d13 = seed.deal({
    title: 'Wētā Workshop – licence renewal',
    stage_id: renewed,
    currency: 'NZD',
    ...party(10),
  });
  seed.line(d13, licStd, 2);
  return company;
}

/** A second company with a little data in its own id range, to catch wrong-company bugs. */
function seedOtherCompany(at: number): Company {
  const company = new Company(OTHER_COMPANY_ID, 'Other Company Ltd', 'othercompany', 'AU', at);
  company.users.set(2001, {
    id: 2001,
    name: 'Olive Other',
    email: 'olive@other.example',
    is_admin: true,
    default_currency: 'AUD',
  });
  const seed = new CompanySeeder(company, at, 9001, 2001);
  seed.currencies(CURRENCIES);
  standardFields(seed);
  seed.field('organization', 'Billing address', 'address');
  const [stage] = seed.pipeline('Pipeline', ['Lead in', 'Won']) as [number, number];
  const org = seed.organization(
    'Other Customer Pty',
    nzAddress('George Street', '1', 'Sydney', 'NSW', '2000'),
  );
  const person = seed.person(
    'Oscar Other',
    org.id,
    'oscar@othercustomer.example',
    '+61 2 5550 1000',
  );
  const product = seed.product('CONS-HR', 'Consulting hour (other)', { AUD: 200 }, 10, 'one-time');
  const deal = seed.deal({
    title: 'Other company deal',
    stage_id: stage,
    currency: 'AUD',
    org_id: org.id,
    person_id: person.id,
  });
  seed.line(deal, product, 3);
  return company;
}
