import { type Db, fromDbTime, fromDbTimeOrNull, toDbTime } from '../db.js';
import type { CatchUpStateRow, CatchUpStatus, WebhookHealthStatus } from '../tables.js';

/**
 * A company's periodic catch-up (services/catch-up.ts): how far it has looked, the lease that
 * lets one check run at a time across processes, the webhook's health and the last result. The row
 * is made on first use (or by migration 0006 for companies installed before it).
 */
export interface WebhookHealth {
  status: WebhookHealthStatus;
  reason: string | null;
  webhookId: number | null;
  checkedAt: Date;
  /** Pipedrive's `last_delivery_time` / `last_http_status` of the webhook as last read. */
  lastDeliveryAt: Date | null;
  lastHttpStatus: number | null;
  /** The last time it was found banned, deleted or pointing elsewhere and made again. */
  recreatedAt: Date | null;
}

export interface CatchUpResult {
  at: Date;
  status: CatchUpStatus;
  error: string | null;
  dealsExamined: number;
  runsStarted: number;
}

export interface CatchUpState {
  companyId: number;
  /** Deals updated before this have been reconciled; null: from the install. */
  checkedUntil: Date | null;
  webhook: WebhookHealth | null;
  last: CatchUpResult | null;
}

function rowToState(row: CatchUpStateRow): CatchUpState {
  const webhookCheckedAt = fromDbTimeOrNull(row.webhook_checked_at);
  const lastRunAt = fromDbTimeOrNull(row.last_run_at);
  return {
    companyId: row.company_id,
    checkedUntil: fromDbTimeOrNull(row.checked_until),
    webhook:
      row.webhook_status === null || webhookCheckedAt === null
        ? null
        : {
            status: row.webhook_status,
            reason: row.webhook_reason,
            webhookId: row.webhook_id,
            checkedAt: webhookCheckedAt,
            lastDeliveryAt: fromDbTimeOrNull(row.webhook_last_delivery_at),
            lastHttpStatus: row.webhook_last_http_status,
            recreatedAt: fromDbTimeOrNull(row.webhook_recreated_at),
          },
    last:
      row.last_status === null || lastRunAt === null
        ? null
        : {
            at: lastRunAt,
            status: row.last_status,
            error: row.last_error,
            dealsExamined: row.deals_examined,
            runsStarted: row.runs_started,
          },
  };
}

export async function getCatchUpState(
  db: Db,
  companyId: number,
): Promise<CatchUpState | undefined> {
  const row = await db
    .selectFrom('catch_up_state')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToState(row);
}

/** Every installed company with when it was installed and last checked, to schedule the checks. */
export async function listCatchUpTimes(
  db: Db,
): Promise<{ companyId: number; installedAt: Date; lastRunAt: Date | null }[]> {
  const rows = await db
    .selectFrom('companies')
    .leftJoin('catch_up_state', 'catch_up_state.company_id', 'companies.id')
    .select(['companies.id', 'companies.installed_at', 'catch_up_state.last_run_at'])
    .orderBy('companies.id')
    .execute();
  return rows.map((row) => ({
    companyId: row.id,
    installedAt: fromDbTime(row.installed_at),
    lastRunAt: fromDbTimeOrNull(row.last_run_at),
  }));
}

/**
 * Takes the company's lease until `until` if no other check holds it (compare-and-set): false when
 * another check is running. A lease left by a crashed process runs out by itself.
 */
export async function takeCatchUpLease(
  db: Db,
  companyId: number,
  now: Date,
  until: Date,
): Promise<boolean> {
  await db
    .insertInto('catch_up_state')
    .values({ company_id: companyId })
    .onConflict((oc) => oc.column('company_id').doNothing())
    .execute();
  const result = await db
    .updateTable('catch_up_state')
    .set({ lease_until: toDbTime(until) })
    .where('company_id', '=', companyId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', toDbTime(now))]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves the lease's end of a check that is still running (a crashed one is not here to renew). */
export async function renewCatchUpLease(db: Db, companyId: number, until: Date): Promise<void> {
  await db
    .updateTable('catch_up_state')
    .set({ lease_until: toDbTime(until) })
    .where('company_id', '=', companyId)
    .where('lease_until', 'is not', null)
    .execute();
}

export async function recordWebhookHealth(
  db: Db,
  companyId: number,
  health: Omit<WebhookHealth, 'recreatedAt'>,
): Promise<void> {
  await db
    .updateTable('catch_up_state')
    .set({
      webhook_status: health.status,
      webhook_reason: health.reason,
      webhook_id: health.webhookId,
      webhook_checked_at: toDbTime(health.checkedAt),
      webhook_last_delivery_at: health.lastDeliveryAt && toDbTime(health.lastDeliveryAt),
      webhook_last_http_status: health.lastHttpStatus,
      ...(health.status === 're-created' && {
        webhook_recreated_at: toDbTime(health.checkedAt),
      }),
    })
    .where('company_id', '=', companyId)
    .execute();
}

/**
 * Records the check's result and gives the lease back; `checkedUntil` moves forward only after a
 * check that completed (a failed one is looked at again, whole, by the next).
 */
export async function finishCatchUp(
  db: Db,
  companyId: number,
  result: CatchUpResult & { checkedUntil: Date | null },
): Promise<void> {
  await db
    .updateTable('catch_up_state')
    .set({
      last_run_at: toDbTime(result.at),
      last_status: result.status,
      last_error: result.error,
      deals_examined: result.dealsExamined,
      runs_started: result.runsStarted,
      lease_until: null,
      ...(result.checkedUntil !== null && { checked_until: toDbTime(result.checkedUntil) }),
    })
    .where('company_id', '=', companyId)
    .execute();
}
