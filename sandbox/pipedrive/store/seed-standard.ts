import { Company } from './company.js';
import { CompanySeeder } from './seed-builders.js';

/**
 * What every sandbox company starts with: the currencies and the standard fields (with their API
 * names as keys). The demo seed builds on it, and so does a company added through the control API
 * (`POST /__sandbox/pipedrive/companies`), which gets an admin user and its pipelines too.
 */

export const CURRENCIES = [
  {
    code: 'NZD',
    name: 'New Zealand Dollar',
    decimal_points: 2,
    symbol: 'NZ$',
    is_custom_flag: false,
  },
  { code: 'USD', name: 'US Dollar', decimal_points: 2, symbol: '$', is_custom_flag: false },
  { code: 'EUR', name: 'Euro', decimal_points: 2, symbol: '€', is_custom_flag: false },
  {
    code: 'AUD',
    name: 'Australian Dollar',
    decimal_points: 2,
    symbol: 'A$',
    is_custom_flag: false,
  },
  { code: 'JPY', name: 'Japanese Yen', decimal_points: 0, symbol: '¥', is_custom_flag: false },
  // §3.12: custom currencies exist and have non-ISO codes.
  {
    code: 'KCP',
    name: 'Kauri Coast Points',
    decimal_points: 0,
    symbol: 'KCP',
    is_custom_flag: true,
  },
];

export function standardFields(seed: CompanySeeder): void {
  for (const [entity, fields] of Object.entries({
    deal: [
      ['title', 'Title', 'varchar'],
      ['value', 'Value', 'monetary'],
      ['org_id', 'Organization', 'org'],
      ['person_id', 'Contact person', 'people'],
      ['stage_id', 'Stage', 'stage'],
      ['status', 'Status', 'status'],
      ['owner_id', 'Owner', 'user'],
      ['expected_close_date', 'Expected close date', 'date'],
    ],
    organization: [
      ['name', 'Name', 'varchar'],
      ['address', 'Address', 'address'],
      ['website', 'Website', 'varchar'],
      ['owner_id', 'Owner', 'user'],
    ],
    person: [
      ['name', 'Name', 'varchar'],
      ['first_name', 'First name', 'varchar'],
      ['last_name', 'Last name', 'varchar'],
      ['org_id', 'Organization', 'org'],
      ['emails', 'Email', 'varchar'],
      ['phones', 'Phone', 'varchar'],
    ],
    product: [
      ['name', 'Name', 'varchar'],
      ['code', 'Product code', 'varchar'],
      ['tax', 'Tax', 'double'],
      ['unit', 'Unit', 'varchar'],
    ],
  } as const)) {
    for (const [key, name, type] of fields) seed.field(entity as 'deal', name, type, { key });
  }
}

export interface BlankCompanySeed {
  id: number;
  name: string;
  /** The company domain: its API lives under /c/<domain>. */
  domain: string;
  country: string;
  /** Where the company's record ids start, so they differ from other companies' (ids are global). */
  idStart: number;
  admin: { id: number; name: string; email: string; defaultCurrency: string };
  pipelines: { name: string; stages: string[] }[];
}

/** A company with an admin, currencies, standard fields and pipelines, and no records yet. */
export function seedBlankCompany(input: BlankCompanySeed, at: number): Company {
  const company = new Company(input.id, input.name, input.domain, input.country, at, input.idStart);
  company.users.set(input.admin.id, {
    id: input.admin.id,
    name: input.admin.name,
    email: input.admin.email,
    is_admin: true,
    default_currency: input.admin.defaultCurrency,
  });
  const seed = new CompanySeeder(company, at, input.idStart, input.admin.id);
  seed.currencies(CURRENCIES);
  standardFields(seed);
  for (const pipeline of input.pipelines) seed.pipeline(pipeline.name, pipeline.stages);
  return company;
}
