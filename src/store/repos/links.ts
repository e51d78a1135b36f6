import { type Db, toDbTime } from '../db.js';
import type { PipedriveContactKind } from '../tables.js';

/**
 * What a Pipedrive organisation/person and product are called in the connected Xero organisation.
 * Links are per tenant: reconnecting another organisation must not reuse the old one's ids.
 */
export interface ContactLinkKey {
  companyId: number;
  tenantId: string;
  kind: PipedriveContactKind;
  pipedriveId: number;
}

export interface ItemLinkKey {
  companyId: number;
  tenantId: string;
  productId: number;
}

export interface ItemLink {
  xeroItemCode: string;
  xeroItemId: string;
}

export async function getContactLink(db: Db, key: ContactLinkKey): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_links')
    .select('xero_contact_id')
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .where('pipedrive_kind', '=', key.kind)
    .where('pipedrive_id', '=', key.pipedriveId)
    .executeTakeFirst();
  return row?.xero_contact_id;
}

export async function saveContactLink(
  db: Db,
  key: ContactLinkKey,
  xeroContactId: string,
  at: Date,
): Promise<void> {
  const changes = { xero_contact_id: xeroContactId, updated_at: toDbTime(at) };
  await db
    .insertInto('contact_links')
    .values({
      company_id: key.companyId,
      tenant_id: key.tenantId,
      pipedrive_kind: key.kind,
      pipedrive_id: key.pipedriveId,
      ...changes,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'tenant_id', 'pipedrive_kind', 'pipedrive_id'])
        .doUpdateSet(changes),
    )
    .execute();
}

export async function getItemLink(db: Db, key: ItemLinkKey): Promise<ItemLink | undefined> {
  const row = await db
    .selectFrom('item_links')
    .select(['xero_item_code', 'xero_item_id'])
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .where('product_id', '=', key.productId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { xeroItemCode: row.xero_item_code, xeroItemId: row.xero_item_id };
}

export async function saveItemLink(
  db: Db,
  key: ItemLinkKey,
  link: ItemLink,
  at: Date,
): Promise<void> {
  const changes = {
    xero_item_code: link.xeroItemCode,
    xero_item_id: link.xeroItemId,
    updated_at: toDbTime(at),
  };
  await db
    .insertInto('item_links')
    .values({
      company_id: key.companyId,
      tenant_id: key.tenantId,
      product_id: key.productId,
      ...changes,
    })
    .onConflict((oc) => oc.columns(['company_id', 'tenant_id', 'product_id']).doUpdateSet(changes))
    .execute();
}

/** Which Pipedrive records of a company link to each of these Xero contacts in one organisation. */
export async function listContactLinksTo(
  db: Db,
  scope: { companyId: number; tenantId: string },
  xeroContactIds: readonly string[],
): Promise<(ContactLinkKey & { xeroContactId: string })[]> {
  if (xeroContactIds.length === 0) return [];
  const rows = await db
    .selectFrom('contact_links')
    .select(['pipedrive_kind', 'pipedrive_id', 'xero_contact_id'])
    .where('company_id', '=', scope.companyId)
    .where('tenant_id', '=', scope.tenantId)
    .where('xero_contact_id', 'in', [...xeroContactIds])
    .execute();
  return rows.map((row) => ({
    ...scope,
    kind: row.pipedrive_kind,
    pipedriveId: row.pipedrive_id,
    xeroContactId: row.xero_contact_id,
  }));
}

/** The links of these products written at or after `since` (e.g. by a job that just created the item). */
export async function listItemLinksSince(
  db: Db,
  scope: { companyId: number; tenantId: string },
  productIds: readonly number[],
  since: Date,
): Promise<(ItemLinkKey & ItemLink)[]> {
  if (productIds.length === 0) return [];
  const rows = await db
    .selectFrom('item_links')
    .select(['product_id', 'xero_item_code', 'xero_item_id'])
    .where('company_id', '=', scope.companyId)
    .where('tenant_id', '=', scope.tenantId)
    .where('product_id', 'in', [...productIds])
    .where('updated_at', '>=', toDbTime(since))
    .execute();
  return rows.map((row) => ({
    ...scope,
    productId: row.product_id,
    xeroItemCode: row.xero_item_code,
    xeroItemId: row.xero_item_id,
  }));
}
