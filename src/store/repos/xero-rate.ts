import { sql } from 'kysely';

import { type Db, toDbTime } from '../db.js';

/**
 * Statements of the Xero rate budgets shared through PostgreSQL (services/xero-shared-limiter.ts).
 * The store keeps a budget's state as text; what it means is xero/rate-budget.ts's business.
 */

/**
 * Locks the budgets named (made empty, `initial`, if new) until the transaction ends, and returns
 * their states. Rows are locked in key order, so two transactions never wait on each other in a
 * cycle. PostgreSQL only (SELECT … FOR UPDATE); call inside a transaction. The rows exist after a
 * tenant's first call, so the insert is tried only when one is missing: one statement, not two.
 */
export async function lockRateBudgets(
  trx: Db,
  keys: string[],
  initial: string,
): Promise<Map<string, string>> {
  const lock = () =>
    trx
      .selectFrom('xero_rate_budgets')
      .select(['budget_key', 'state'])
      .where('budget_key', 'in', keys)
      .orderBy('budget_key')
      .forUpdate()
      .execute();
  let rows = await lock();
  if (rows.length < keys.length) {
    await trx
      .insertInto('xero_rate_budgets')
      .values(keys.map((key) => ({ budget_key: key, state: initial })))
      .onConflict((oc) => oc.column('budget_key').doNothing())
      .execute();
    rows = await lock();
  }
  return new Map(rows.map((row) => [row.budget_key, row.state]));
}

/** Saves the budgets' states, in one statement. */
export async function saveRateBudgets(trx: Db, states: Map<string, string>): Promise<void> {
  const choices = [...states].map(([key, state]) => sql`when ${key} then ${state}`);
  await trx
    .updateTable('xero_rate_budgets')
    .set({ state: sql<string>`case budget_key ${sql.join(choices, sql` `)} end` })
    .where('budget_key', 'in', [...states.keys()])
    .execute();
}

/** Calls of the budget in flight: slots whose lease has not run out. */
export async function countRateSlots(trx: Db, key: string, now: Date): Promise<number> {
  const row = await trx
    .selectFrom('xero_rate_slots')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('budget_key', '=', key)
    .where('lease_until', '>', toDbTime(now))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function takeRateSlot(
  trx: Db,
  slot: { id: string; key: string; leaseUntil: Date },
): Promise<void> {
  await trx
    .insertInto('xero_rate_slots')
    .values({ id: slot.id, budget_key: slot.key, lease_until: toDbTime(slot.leaseUntil) })
    .execute();
}

/** Frees a slot, and those of the budget whose lease ran out (their holders died). */
export async function freeRateSlot(trx: Db, id: string, key: string, now: Date): Promise<void> {
  await trx
    .deleteFrom('xero_rate_slots')
    .where((eb) =>
      eb.or([
        eb('id', '=', id),
        eb.and([eb('budget_key', '=', key), eb('lease_until', '<=', toDbTime(now))]),
      ]),
    )
    .execute();
}
