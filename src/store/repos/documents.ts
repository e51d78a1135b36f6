import { AppError } from '../../errors.js';
import type { DocumentKind } from '../../sync/document-kinds.js';
import { type Db, fromDbTime, fromDbTimeOrNull, toDbTime, withTransaction } from '../db.js';
import type { DocumentRow } from '../tables.js';
import { incrementUsage, usageMonth } from './usage.js';

/**
 * The Xero document made for a (company, deal, trigger) — at most one, ever (invariant 1; the
 * primary key enforces it). Lifecycle: `claimDocument` reserves the key with our Reference before
 * Xero is called (xeroId null), `recordCreatedDocument` fills in Xero's answer and counts usage.
 * The fields are the `documents` row's (tables.ts) in the domain's names; rowToDocument maps them.
 */
export interface XeroDocument {
  companyId: number;
  dealId: number;
  triggerKey: string;
  xeroId: string | null;
  number: string | null;
  type: DocumentKind;
  status: string;
  reference: string;
  currency: string;
  subtotal: string | null;
  totalTax: string | null;
  total: string | null;
  url: string | null;
  tenantId: string;
  createdAt: Date;
  updatedAt: Date;
  /** What Xero told us after creation (refreshDocument); null until it did. */
  amountDue: string | null;
  dueDate: string | null;
  fullyPaidOn: string | null;
  xeroUpdatedAt: Date | null;
  paidNotedAt: Date | null;
}

export interface DocumentKey {
  companyId: number;
  dealId: number;
  triggerKey: string;
}

export interface DocumentClaim extends DocumentKey {
  type: DocumentKind;
  reference: string;
  currency: string;
  tenantId: string;
}

export interface CreatedDocument extends DocumentClaim {
  xeroId: string;
  number: string | null;
  status: string;
  subtotal: string | null;
  totalTax: string | null;
  total: string | null;
  url: string | null;
}

export type DocumentUpdate = Partial<
  Pick<CreatedDocument, 'number' | 'status' | 'subtotal' | 'totalTax' | 'total' | 'url'> &
    Pick<XeroDocument, 'amountDue' | 'dueDate' | 'fullyPaidOn'> & {
      /** Xero's UpdatedDateUTC of this read; when given, an older read than ours is not applied. */
      xeroUpdatedAt: Date;
    }
>;

// Only a concurrent uninstall (company deleted) removes a document row between two statements.
function vanished(key: DocumentKey): AppError {
  return new AppError(
    'store_conflict',
    `Document for deal ${key.dealId} (${key.triggerKey}) was removed concurrently`,
    { retryable: true },
  );
}

function rowToDocument(row: DocumentRow): XeroDocument {
  return {
    companyId: row.company_id,
    dealId: row.deal_id,
    triggerKey: row.trigger_key,
    xeroId: row.xero_id,
    number: row.number,
    type: row.type,
    status: row.status,
    reference: row.reference,
    currency: row.currency,
    subtotal: row.subtotal,
    totalTax: row.total_tax,
    total: row.total,
    url: row.url,
    tenantId: row.tenant_id,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
    amountDue: row.amount_due,
    dueDate: row.due_date,
    fullyPaidOn: row.fully_paid_on,
    xeroUpdatedAt: fromDbTimeOrNull(row.xero_updated_at),
    paidNotedAt: fromDbTimeOrNull(row.paid_noted_at),
  };
}

export async function getDocument(db: Db, key: DocumentKey): Promise<XeroDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .selectAll()
    .where('company_id', '=', key.companyId)
    .where('deal_id', '=', key.dealId)
    .where('trigger_key', '=', key.triggerKey)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToDocument(row);
}

/**
 * Reserves the trigger's document before calling Xero. `claimed: false` returns what is already
 * there: a finished document (stop, nothing to do) or an earlier claim (a crash or a concurrent
 * attempt — reconcile by its reference before creating, invariant 1).
 */
export async function claimDocument(
  db: Db,
  claim: DocumentClaim,
  at: Date,
): Promise<{ claimed: boolean; document: XeroDocument }> {
  const row = await db
    .insertInto('documents')
    .values({
      company_id: claim.companyId,
      deal_id: claim.dealId,
      trigger_key: claim.triggerKey,
      type: claim.type,
      status: 'PENDING',
      reference: claim.reference,
      currency: claim.currency,
      tenant_id: claim.tenantId,
      created_at: toDbTime(at),
      updated_at: toDbTime(at),
    })
    .onConflict((oc) => oc.columns(['company_id', 'deal_id', 'trigger_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined) return { claimed: true, document: rowToDocument(row) };
  const existing = await getDocument(db, claim);
  if (existing === undefined) throw vanished(claim);
  return { claimed: false, document: existing };
}

/**
 * Records the document Xero created and counts it in this month's usage, in one transaction, so a
 * document is counted exactly once (invariant 4). Writes over a claim or inserts fresh; if the key
 * already holds a created document, nothing changes and `recorded: false` returns it.
 */
export async function recordCreatedDocument(
  db: Db,
  document: CreatedDocument,
  at: Date,
): Promise<{ recorded: boolean; document: XeroDocument }> {
  return withTransaction(db, async (trx) => {
    const details = {
      xero_id: document.xeroId,
      number: document.number,
      type: document.type,
      status: document.status,
      reference: document.reference,
      currency: document.currency,
      subtotal: document.subtotal,
      total_tax: document.totalTax,
      total: document.total,
      url: document.url,
      tenant_id: document.tenantId,
      updated_at: toDbTime(at),
    };
    const row = await trx
      .insertInto('documents')
      .values({
        company_id: document.companyId,
        deal_id: document.dealId,
        trigger_key: document.triggerKey,
        created_at: toDbTime(at),
        ...details,
      })
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'deal_id', 'trigger_key'])
          .doUpdateSet(details)
          .where('documents.xero_id', 'is', null),
      )
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) {
      const existing = await getDocument(trx, document);
      if (existing === undefined) throw vanished(document);
      return { recorded: false, document: existing };
    }
    await incrementUsage(trx, document.companyId, usageMonth(at));
    return { recorded: true, document: rowToDocument(row) };
  });
}

export async function findDocumentByXeroId(
  db: Db,
  companyId: number,
  xeroId: string,
): Promise<XeroDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('xero_id', '=', xeroId)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToDocument(row);
}

/**
 * Refreshes our copy from Xero (webhook: invoice updated/paid). Never touches usage. With
 * `xeroUpdatedAt`, a read older than the one we hold changes nothing and returns undefined (two
 * refreshes of one document may finish in either order).
 */
export async function updateDocumentFromXero(
  db: Db,
  companyId: number,
  xeroId: string,
  update: DocumentUpdate,
  at: Date,
): Promise<XeroDocument | undefined> {
  let query = db
    .updateTable('documents')
    .set({
      updated_at: toDbTime(at),
      ...(update.number !== undefined && { number: update.number }),
      ...(update.status !== undefined && { status: update.status }),
      ...(update.subtotal !== undefined && { subtotal: update.subtotal }),
      ...(update.totalTax !== undefined && { total_tax: update.totalTax }),
      ...(update.total !== undefined && { total: update.total }),
      ...(update.url !== undefined && { url: update.url }),
      ...(update.amountDue !== undefined && { amount_due: update.amountDue }),
      ...(update.dueDate !== undefined && { due_date: update.dueDate }),
      ...(update.fullyPaidOn !== undefined && { fully_paid_on: update.fullyPaidOn }),
      ...(update.xeroUpdatedAt !== undefined && {
        xero_updated_at: toDbTime(update.xeroUpdatedAt),
      }),
    })
    .where('company_id', '=', companyId)
    .where('xero_id', '=', xeroId);
  if (update.xeroUpdatedAt !== undefined) {
    const seen = toDbTime(update.xeroUpdatedAt);
    // ISO-8601 UTC text orders like time (tables.ts).
    query = query.where((eb) =>
      eb.or([eb('xero_updated_at', 'is', null), eb('xero_updated_at', '<=', seen)]),
    );
  }
  const row = await query.returningAll().executeTakeFirst();
  return row === undefined ? undefined : rowToDocument(row);
}

/**
 * Claims the one "paid in full" note of a document: true for exactly one caller, however many
 * webhook deliveries race (a conditional update, so it holds across processes). The caller stores
 * the note in the notes outbox in the same transaction.
 */
export async function claimPaidNote(
  db: Db,
  companyId: number,
  xeroId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set({ paid_noted_at: toDbTime(at) })
    .where('company_id', '=', companyId)
    .where('xero_id', '=', xeroId)
    .where('paid_noted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listDocumentsForDeal(
  db: Db,
  companyId: number,
  dealId: number,
): Promise<XeroDocument[]> {
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('deal_id', '=', dealId)
    .orderBy('created_at')
    .execute();
  return rows.map(rowToDocument);
}
