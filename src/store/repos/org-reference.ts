import { type Db, fromDbTime, toDbTime } from '../db.js';

/**
 * The second level of the Xero reference cache (migration 0010): an organisation's reference data
 * stamped with when it was fetched, and the items read from it. The values are the domain's own
 * shapes (sync/org-reference-cache.ts OrgReference, sync/mapping OrgItem) as JSON, which the store
 * keeps without reading; a change of those shapes needs a migration that empties these tables.
 */
export interface OrgKey {
  companyId: number;
  tenantId: string;
}

export interface StoredOrgReference {
  reference: unknown;
  fetchedAt: Date;
}

export async function getOrgReference(
  db: Db,
  key: OrgKey,
): Promise<StoredOrgReference | undefined> {
  const row = await db
    .selectFrom('xero_org_references')
    .select(['reference', 'fetched_at'])
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .executeTakeFirst();
  return (
    row && {
      reference: JSON.parse(row.reference) as unknown,
      fetchedAt: fromDbTime(row.fetched_at),
    }
  );
}

export async function saveOrgReference(
  db: Db,
  key: OrgKey,
  reference: unknown,
  fetchedAt: Date,
): Promise<void> {
  const changes = { reference: JSON.stringify(reference), fetched_at: toDbTime(fetchedAt) };
  await db
    .insertInto('xero_org_references')
    .values({ company_id: key.companyId, tenant_id: key.tenantId, ...changes })
    .onConflict((oc) => oc.columns(['company_id', 'tenant_id']).doUpdateSet(changes))
    .execute();
}

export async function deleteOrgReference(db: Db, key: OrgKey): Promise<void> {
  await db
    .deleteFrom('xero_org_references')
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .execute();
}

/** Every item remembered for the organisation, as stored. */
export async function listOrgItems(db: Db, key: OrgKey): Promise<unknown[]> {
  const rows = await db
    .selectFrom('xero_org_items')
    .select('item')
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .execute();
  return rows.map((row) => JSON.parse(row.item) as unknown);
}

/** Remembers items by their code, replacing what was stored under the same code. */
export async function saveOrgItems(
  db: Db,
  key: OrgKey,
  items: readonly { code: string; item: unknown }[],
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('xero_org_items')
    .values(
      items.map(({ code, item }) => ({
        company_id: key.companyId,
        tenant_id: key.tenantId,
        code,
        item: JSON.stringify(item),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'tenant_id', 'code'])
        .doUpdateSet((eb) => ({ item: eb.ref('excluded.item') })),
    )
    .execute();
}

export async function deleteOrgItems(db: Db, key: OrgKey): Promise<void> {
  await db
    .deleteFrom('xero_org_items')
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .execute();
}
