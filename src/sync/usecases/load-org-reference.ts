import type { XeroAccount, XeroItem, XeroTaxRate } from '../../xero/types.js';
import type { OrgAccount, OrgItem, OrgTaxRate } from '../mapping/types.js';
import { type OrgReference, OrgReferenceCache } from '../org-reference-cache.js';
import { type SyncDeps, xeroRef } from '../ports.js';

/** The process's cache, used when SyncDeps names none. */
export const processOrgReferenceCache = new OrgReferenceCache();

export function referenceCacheOf(deps: Pick<SyncDeps, 'orgReference'>): OrgReferenceCache {
  return deps.orgReference ?? processOrgReferenceCache;
}

/**
 * The tenant's reference data through its cache (org-reference-cache.ts): the organisation, tax
 * rates, accounts and currencies, four GETs in parallel when the tenant is cold, turned into the
 * mapping's own shapes (toOrgTaxRate, toOrgAccount).
 */
export function loadOrgReference(deps: SyncDeps): Promise<OrgReference> {
  const cache = referenceCacheOf(deps);
  return cache.reference(deps.tenant.tenantId, deps.clock.now().getTime(), async () => {
    const ref = xeroRef(deps);
    const [organisation, taxRates, accounts, currencies] = await Promise.all([
      deps.xero.getOrganisation(ref),
      deps.xero.getTaxRates(ref),
      deps.xero.getAccounts(ref),
      deps.xero.getCurrencies(ref),
    ]);
    const baseCurrency = organisation?.BaseCurrency ?? '';
    return {
      facts: {
        ...(organisation?.Name !== undefined && { name: organisation.Name }),
        baseCurrency,
        enabledCurrencies: currencies.flatMap((currency) => (currency.Code ? [currency.Code] : [])),
        taxRates: taxRates.flatMap(toOrgTaxRate),
        accounts: accounts.flatMap(toOrgAccount),
      },
      shortCode: organisation?.ShortCode ?? deps.tenant.shortCode,
      timezone: organisation?.Timezone ?? null,
    };
  });
}

function toOrgTaxRate(rate: XeroTaxRate): OrgTaxRate[] {
  if (rate.TaxType === undefined) return [];
  return [
    {
      TaxType: rate.TaxType,
      ...(rate.Name !== undefined && { Name: rate.Name }),
      // docs/vendors/xero.md §12: EffectiveRate is the rate applied (compound components included).
      rate: rate.EffectiveRate ?? rate.DisplayTaxRate ?? 0,
      Status: rate.Status ?? 'ACTIVE',
      CanApplyToRevenue: rate.CanApplyToRevenue ?? false,
    },
  ];
}

function toOrgAccount(account: XeroAccount): OrgAccount[] {
  if (account.Code === undefined) return [];
  return [
    {
      Code: account.Code,
      ...(account.Name !== undefined && { Name: account.Name }),
      Status: account.Status ?? 'ACTIVE',
      SystemAccount: account.SystemAccount ?? null,
    },
  ];
}

/** A Xero item as the mapping reads it (code, name, sales details). */
export function toOrgItem(item: XeroItem): OrgItem | undefined {
  if (item.Code === undefined) return undefined;
  const sales = item.SalesDetails;
  return {
    Code: item.Code,
    ...(item.Name !== undefined && { Name: item.Name }),
    ...(sales && {
      SalesDetails: {
        ...(sales.UnitPrice !== undefined && { UnitPrice: sales.UnitPrice }),
        ...(sales.AccountCode !== undefined && { AccountCode: sales.AccountCode }),
        ...(sales.TaxType !== undefined && { TaxType: sales.TaxType }),
      },
    }),
  };
}
