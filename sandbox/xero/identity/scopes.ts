/**
 * Which OAuth scopes exist and which ones open which Accounting API resource (docs/vendors/xero.md §1.3).
 * Broad scopes (`accounting.transactions`, …) and the 2026 granular ones (`accounting.invoices`, …)
 * are both accepted; `.read` variants open GETs only. Pure: no Fastify, no clock.
 */

const IDENTITY_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/** The sales and purchase documents (and Items), which granular `accounting.invoices` opens. */
const INVOICE_RESOURCES = [
  'invoices',
  'creditnotes',
  'quotes',
  'purchaseorders',
  'repeatinginvoices',
  'linkedtransactions',
  'items',
];

/** Scope family (without `.read`) → resources it opens. */
const FAMILIES: Record<string, readonly string[]> = {
  'accounting.transactions': [
    ...INVOICE_RESOURCES,
    'payments',
    'batchpayments',
    'banktransactions',
    'banktransfers',
    'manualjournals',
    'overpayments',
    'prepayments',
    'invoicereminders',
    'expenseclaims',
    'receipts',
  ],
  // docs/vendors/xero.md §1.3: Items are reachable via accounting.invoices or accounting.settings.
  'accounting.invoices': INVOICE_RESOURCES,
  'accounting.payments': ['payments', 'batchpayments', 'overpayments', 'prepayments'],
  'accounting.banktransactions': ['banktransactions', 'banktransfers'],
  'accounting.manualjournals': ['manualjournals'],
  'accounting.contacts': ['contacts', 'contactgroups'],
  'accounting.settings': [
    'organisation',
    'accounts',
    'taxrates',
    'currencies',
    'brandingthemes',
    'trackingcategories',
    'users',
    'items',
    'invoicereminders',
  ],
  'accounting.attachments': ['attachments'],
  'accounting.journals': ['journals'],
  'accounting.reports': ['reports'],
  'accounting.budgets': ['budgets'],
};

/** Families that only exist as `.read` (docs/vendors/xero.md §1.3). */
const READ_ONLY_FAMILIES = new Set([
  'accounting.journals',
  'accounting.reports',
  'accounting.budgets',
]);

export function isKnownScope(scope: string): boolean {
  if (IDENTITY_SCOPES.includes(scope)) return true;
  const family = scope.endsWith('.read') ? scope.slice(0, -'.read'.length) : scope;
  if (!(family in FAMILIES)) return false;
  return scope.endsWith('.read') || !READ_ONLY_FAMILIES.has(family);
}

/** Splits a space-separated scope parameter, dropping duplicates and keeping the order. */
export function parseScopes(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(/\s+/).filter((scope) => scope.length > 0))];
}

/** Adds `extra` to `scopes` (consents are additive, docs/vendors/xero.md §1.3). */
export function mergeScopes(scopes: readonly string[], extra: readonly string[]): string[] {
  return [...new Set([...scopes, ...extra])];
}

/**
 * Whether `scopes` allow `method` on the Accounting resource `resource` (the first path segment
 * after /api.xro/2.0, any case). Resources no scope names need any accounting scope at all.
 */
export function scopesAllow(scopes: readonly string[], method: string, resource: string): boolean {
  const wanted = resource.toLowerCase();
  const reading = method === 'GET' || method === 'HEAD';
  const accounting = scopes.filter((scope) => scope.startsWith('accounting.'));
  const known = Object.values(FAMILIES).some((resources) => resources.includes(wanted));
  if (!known) return accounting.length > 0;
  return accounting.some((scope) => {
    const isRead = scope.endsWith('.read');
    if (isRead && !reading) return false;
    const family = isRead ? scope.slice(0, -'.read'.length) : scope;
    return FAMILIES[family]?.includes(wanted) ?? false;
  });
}
