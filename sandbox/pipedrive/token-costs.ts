/**
 * `x-token-cost` and OAuth scopes of every operation the sandbox serves, copied from the official
 * specs (openapi-v2.yaml / openapi.yaml, per operation; docs/vendors/pipedrive.md §3.13). Kept in code
 * because the spec folder may be absent at runtime; a unit test checks it against the specs when
 * they are present.
 */
export interface OperationCost {
  cost: number;
  /** Any one of these scopes grants the call. */
  scopes: readonly string[];
}

const DEALS_READ = ['deals:read', 'deals:full'];
const DEALS_FULL = ['deals:full'];
const PRODUCTS_READ = ['products:read', 'products:full'];
const CONTACTS_READ = ['contacts:read', 'contacts:full'];
const CONTACTS_FULL = ['contacts:full'];

/** Keyed `<version> <METHOD> <spec path>`. */
export const operationCosts: Readonly<Record<string, OperationCost>> = {
  'v2 GET /deals': { cost: 10, scopes: DEALS_READ },
  'v2 POST /deals': { cost: 5, scopes: DEALS_FULL },
  'v2 GET /deals/{id}': { cost: 1, scopes: DEALS_READ },
  'v2 PATCH /deals/{id}': { cost: 5, scopes: DEALS_FULL },
  'v2 DELETE /deals/{id}': { cost: 3, scopes: DEALS_FULL },
  'v2 GET /deals/products': { cost: 10, scopes: [...PRODUCTS_READ, ...DEALS_READ] },
  'v2 GET /deals/{id}/products': { cost: 10, scopes: [...PRODUCTS_READ, ...DEALS_READ] },
  'v2 POST /deals/{id}/products': { cost: 5, scopes: ['products:full', 'deals:full'] },
  'v2 PATCH /deals/{id}/products/{product_attachment_id}': {
    cost: 5,
    scopes: ['products:full', 'deals:full'],
  },
  'v2 DELETE /deals/{id}/products/{product_attachment_id}': {
    cost: 3,
    scopes: ['deals:full', 'products:full'],
  },
  'v2 GET /deals/{id}/discounts': { cost: 10, scopes: DEALS_READ },
  'v2 POST /deals/{id}/discounts': { cost: 5, scopes: DEALS_READ },
  'v2 PATCH /deals/{id}/discounts/{discount_id}': { cost: 5, scopes: DEALS_READ },
  'v2 DELETE /deals/{id}/discounts/{discount_id}': { cost: 3, scopes: DEALS_READ },
  'v2 GET /organizations': { cost: 10, scopes: CONTACTS_READ },
  'v2 POST /organizations': { cost: 5, scopes: CONTACTS_FULL },
  'v2 GET /organizations/{id}': { cost: 1, scopes: CONTACTS_READ },
  'v2 PATCH /organizations/{id}': { cost: 5, scopes: CONTACTS_FULL },
  'v2 GET /persons': { cost: 10, scopes: CONTACTS_READ },
  'v2 POST /persons': { cost: 5, scopes: CONTACTS_FULL },
  'v2 GET /persons/{id}': { cost: 1, scopes: CONTACTS_READ },
  'v2 PATCH /persons/{id}': { cost: 5, scopes: CONTACTS_FULL },
  'v2 GET /products': { cost: 10, scopes: PRODUCTS_READ },
  'v2 POST /products': { cost: 5, scopes: ['products:full'] },
  'v2 GET /products/search': { cost: 20, scopes: [...PRODUCTS_READ, 'search:read'] },
  'v2 GET /products/{id}': { cost: 1, scopes: PRODUCTS_READ },
  'v2 PATCH /products/{id}': { cost: 5, scopes: ['products:full'] },
  'v2 GET /pipelines': { cost: 5, scopes: [...DEALS_READ, 'admin'] },
  'v2 GET /pipelines/{id}': { cost: 1, scopes: [...DEALS_READ, 'admin'] },
  'v2 GET /stages': { cost: 5, scopes: [...DEALS_READ, 'admin'] },
  'v2 GET /stages/{id}': { cost: 1, scopes: [...DEALS_READ, 'admin'] },
  'v2 GET /activities': { cost: 10, scopes: ['activities:read', 'activities:full'] },
  'v2 POST /activities': { cost: 5, scopes: ['activities:full'] },
  'v2 GET /activities/{id}': { cost: 1, scopes: ['activities:read', 'activities:full'] },
  'v2 GET /dealFields': { cost: 10, scopes: [...DEALS_READ, 'admin', 'deal-fields:full'] },
  'v2 GET /organizationFields': {
    cost: 10,
    scopes: [...CONTACTS_READ, 'admin', 'contact-fields:full'],
  },
  'v2 GET /personFields': { cost: 10, scopes: [...CONTACTS_READ, 'admin', 'contact-fields:full'] },
  'v2 GET /productFields': { cost: 10, scopes: [...PRODUCTS_READ, 'product-fields:full'] },
  'v1 GET /notes': { cost: 20, scopes: [...DEALS_READ, ...CONTACTS_READ] },
  'v1 POST /notes': { cost: 10, scopes: ['deals:full', 'contacts:full'] },
  'v1 GET /users/me': { cost: 2, scopes: ['base'] },
  'v1 GET /users/{id}': { cost: 2, scopes: ['users:read'] },
  'v1 GET /currencies': { cost: 20, scopes: ['base'] },
  'v1 GET /dealFields': { cost: 20, scopes: [...DEALS_READ, 'deal-fields:full', 'admin'] },
  'v1 GET /organizationFields': {
    cost: 20,
    scopes: [...CONTACTS_READ, 'contact-fields:full', 'admin'],
  },
  'v1 GET /personFields': { cost: 20, scopes: [...CONTACTS_READ, 'contact-fields:full', 'admin'] },
  'v1 GET /productFields': { cost: 20, scopes: [...PRODUCTS_READ, 'product-fields:full'] },
  'v1 GET /webhooks': { cost: 10, scopes: ['admin'] },
  'v1 POST /webhooks': { cost: 10, scopes: ['admin'] },
  'v1 DELETE /webhooks/{id}': { cost: 6, scopes: ['admin'] },
};

export function operationCost(
  version: 'v1' | 'v2',
  method: string,
  specPath: string,
): OperationCost {
  const entry = operationCosts[`${version} ${method} ${specPath}`];
  if (!entry) throw new Error(`no token cost recorded for ${version} ${method} ${specPath}`);
  return entry;
}
