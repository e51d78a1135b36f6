import {
  deleteOrgItems,
  deleteOrgReference,
  getOrgReference,
  listOrgItems,
  type OrgKey,
  saveOrgItems,
  saveOrgReference,
} from '../../store/repos/org-reference.js';
import { currentXeroLane } from '../../xero/lane.js';
import type { XeroAccount, XeroItem, XeroTaxRate } from '../../xero/types.js';
import type { OrgAccount, OrgItem, OrgTaxRate } from '../mapping/types.js';
import {
  type FetchedReference,
  type OrgReference,
  OrgReferenceCache,
} from '../org-reference-cache.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { REFERENCE_LOCK, withCreationLocks } from './creation-lock.js';

/** The process's cache, used when SyncDeps names none. */
export const processOrgReferenceCache = new OrgReferenceCache();

export function referenceCacheOf(deps: Pick<SyncDeps, 'orgReference'>): OrgReferenceCache {
  return deps.orgReference ?? processOrgReferenceCache;
}

/**
 * The tenant's reference data through its two levels (org-reference-cache.ts): the process's cache,
 * then the store's copy if it was fetched within the cache's time (another process, or this one
 * before a restart, fetched it), else the organisation, tax rates, accounts and currencies in four
 * GETs in parallel, turned into the mapping's own shapes (toOrgTaxRate, toOrgAccount) and stored.
 * A job's fetch runs under the tenant's reference lock (creation-lock.ts), so processes that miss
 * the store together fetch once.
 */
export function loadOrgReference(deps: SyncDeps): Promise<OrgReference> {
  const cache = referenceCacheOf(deps);
  const nowMs = deps.clock.now().getTime();
  /** The store's copy, if it is still fresh at `atMs`. */
  const freshStored = async (atMs: number): Promise<FetchedReference | undefined> => {
    const stored = await getOrgReference(deps.db, orgKey(deps));
    if (!stored || !cache.isFresh(stored.fetchedAt.getTime(), atMs)) return undefined;
    // Written below from an OrgReference (store/repos/org-reference.ts keeps it as JSON).
    return { reference: stored.reference as OrgReference, fetchedAtMs: stored.fetchedAt.getTime() };
  };
  const fetchAndSave = async (): Promise<FetchedReference> => {
    const fetchedAtMs = deps.clock.now().getTime();
    const reference = await fetchOrgReference(deps);
    await saveOrgReference(deps.db, orgKey(deps), reference, new Date(fetchedAtMs));
    return { reference, fetchedAtMs };
  };
  return cache.reference(deps.tenant.tenantId, nowMs, async () => {
    const stored = await freshStored(nowMs);
    if (stored) return stored;
    // A person waiting (a panel) fetches in their own lane rather than queue behind a job's
    // fetch, which may wait for the organisation's pace.
    if (currentXeroLane() === 'interactive') return fetchAndSave();
    // One job fetches; the others, cold at the same moment (every worker at a month-end's first
    // jobs), wait for it and read its copy instead of spending four calls each of the
    // organisation's 60 a minute. The copy is judged at the time the claim is held: it may have
    // been fetched after this call began.
    return withCreationLocks(
      deps,
      [REFERENCE_LOCK],
      async () => (await freshStored(deps.clock.now().getTime())) ?? fetchAndSave(),
    );
  });
}

/**
 * Forgets what is known of the tenant, in the process and in the store, so the next attempt or a
 * replay, in whichever process it runs, reads afresh what the user fixed in Xero.
 */
export async function invalidateOrgReference(deps: SyncDeps): Promise<void> {
  referenceCacheOf(deps).invalidate(deps.tenant.tenantId);
  await deleteOrgReference(deps.db, orgKey(deps));
  await deleteOrgItems(deps.db, orgKey(deps));
}

/** Items read from or created in Xero: trusted by every process until Xero refuses one. */
export async function rememberItems(deps: SyncDeps, items: readonly OrgItem[]): Promise<void> {
  const cache = referenceCacheOf(deps);
  const nowMs = deps.clock.now().getTime();
  for (const item of items) cache.rememberItem(deps.tenant.tenantId, item, nowMs);
  // One row per code: PostgreSQL refuses an upsert that names a row twice.
  const byCode = new Map(items.map((item) => [item.Code, item]));
  await saveOrgItems(
    deps.db,
    orgKey(deps),
    [...byCode].map(([code, item]) => ({ code, item })),
  );
}

/** Brings the items other processes remembered into this process's cache (one read). */
export async function recallStoredItems(deps: SyncDeps): Promise<void> {
  const cache = referenceCacheOf(deps);
  const nowMs = deps.clock.now().getTime();
  for (const item of await listOrgItems(deps.db, orgKey(deps))) {
    // Written by rememberItems from an OrgItem.
    cache.rememberItem(deps.tenant.tenantId, item as OrgItem, nowMs);
  }
}

function orgKey(deps: SyncDeps): OrgKey {
  return { companyId: deps.company.id, tenantId: deps.tenant.tenantId };
}

async function fetchOrgReference(deps: SyncDeps): Promise<OrgReference> {
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
