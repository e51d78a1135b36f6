import type {
  DealInput,
  DealProductInput,
  DocumentInput,
  OrgFacts,
} from '../../src/sync/mapping/types.js';
import { defaultSettings, type Settings } from '../../src/sync/settings.js';

/** Builders for mapping tests: the demo organisation of docs/helpers/DEMO.md (NZ, GST 15 %). */

export function product(overrides: Partial<DealProductInput> = {}): DealProductInput {
  return {
    id: 1,
    product_id: 101,
    name: 'Consulting hour',
    item_price: 100,
    quantity: 1,
    discount: 0,
    discount_type: 'percentage',
    tax: 15,
    tax_method: 'exclusive',
    comments: '',
    is_enabled: true,
    billing_frequency: 'one-time',
    billing_frequency_cycles: null,
    billing_start_date: null,
    ...overrides,
  };
}

export function deal(overrides: Partial<DealInput> = {}): DealInput {
  return {
    id: 42,
    title: 'Website rebuild',
    value: 0,
    currency: 'NZD',
    pipeline_id: 1,
    stage_id: 7,
    org_id: 5,
    person_id: 9,
    ...overrides,
  };
}

export function demoOrg(overrides: Partial<OrgFacts> = {}): OrgFacts {
  return {
    name: 'Kauri Coast Trading Ltd',
    baseCurrency: 'NZD',
    enabledCurrencies: ['NZD', 'AUD', 'USD'],
    taxRates: [
      { TaxType: 'OUTPUT2', rate: 15, Status: 'ACTIVE', CanApplyToRevenue: true },
      { TaxType: 'INPUT2', rate: 15, Status: 'ACTIVE', CanApplyToRevenue: false },
      { TaxType: 'NONE', rate: 0, Status: 'ACTIVE', CanApplyToRevenue: true },
      { TaxType: 'ZERORATED', rate: 0, Status: 'ACTIVE', CanApplyToRevenue: true },
      { TaxType: 'TAX001', rate: 9, Status: 'ACTIVE', CanApplyToRevenue: true },
      { TaxType: 'GSTONIMPORTSOLD', rate: 15, Status: 'DELETED', CanApplyToRevenue: true },
    ],
    accounts: [
      { Code: '200', Status: 'ACTIVE', SystemAccount: null },
      { Code: '260', Status: 'ACTIVE', SystemAccount: null },
      { Code: '860', Status: 'ACTIVE', SystemAccount: 'ROUNDING' },
      { Code: '205', Status: 'ARCHIVED', SystemAccount: null },
    ],
    ...overrides,
  };
}

export function withSettings(change: (settings: Settings) => void): Settings {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

export function documentInput(overrides: Partial<DocumentInput> = {}): DocumentInput {
  const products = overrides.dealProducts ?? [product()];
  return {
    kind: 'invoice',
    deal: deal(),
    dealProducts: products,
    dealDiscounts: [],
    contactId: '430fa14a-0000-4000-8000-000000000001',
    items: new Map(products.map((p) => [p.product_id, { Code: `ITEM-${p.product_id}` }])),
    settings: defaultSettings(),
    org: demoOrg(),
    today: '2026-11-25',
    dealUrl: 'https://kauri.pipedrive.com/deal/42',
    triggerKey: 'stage-7',
    ...overrides,
  };
}
