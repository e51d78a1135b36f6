import type { Db } from '../db.js';

/** The usage month of a moment: 'YYYY-MM' in UTC. */
export function usageMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * Counts one created document. Call it only in the transaction that records the document
 * (documents.ts recordCreatedDocument), so it happens exactly once per document (invariant 4).
 */
export async function incrementUsage(db: Db, companyId: number, month: string): Promise<void> {
  await db
    .insertInto('usage')
    .values({ company_id: companyId, month, documents_created: 1 })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'month'])
        .doUpdateSet((eb) => ({ documents_created: eb('usage.documents_created', '+', 1) })),
    )
    .execute();
}

export async function getUsage(db: Db, companyId: number, month: string): Promise<number> {
  const row = await db
    .selectFrom('usage')
    .select('documents_created')
    .where('company_id', '=', companyId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row?.documents_created ?? 0;
}
