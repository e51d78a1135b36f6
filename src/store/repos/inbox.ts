import { compiledQuery } from '../compiled-query.js';
import { type Db, fromDbTime, fromDbTimeOrNull, toDbTime, withTransaction } from '../db.js';
import type { EventSource, InboxEventRow } from '../tables.js';
import { timeOrderedId } from '../time-ordered-id.js';

/**
 * Accepted webhooks, stored before we answer 2xx (invariant 2) and deduplicated by
 * (company, source, event key) so a redelivered event is recognised, not processed twice.
 */
export interface InboxEvent {
  id: string;
  companyId: number;
  source: EventSource;
  eventKey: string;
  payload: unknown;
  receivedAt: Date;
  processedAt: Date | null;
  outcome: string | null;
}

export interface NewInboxEvent {
  companyId: number;
  source: EventSource;
  eventKey: string;
  payload: unknown;
  receivedAt: Date;
  /** What it led to, when that is known before it is stored (an event no trigger is waiting for). */
  processed?: { at: Date; outcome: string };
}

export type RecordedInboxEvent = { duplicate: boolean; event: InboxEvent };

function rowToEvent(row: InboxEventRow): InboxEvent {
  return {
    id: row.id,
    companyId: row.company_id,
    source: row.source,
    eventKey: row.event_key,
    payload: JSON.parse(row.payload) as unknown,
    receivedAt: fromDbTime(row.received_at),
    processedAt: fromDbTimeOrNull(row.processed_at),
    outcome: row.outcome,
  };
}

/** Stores the event once; a repeat of the same key returns the stored one with `duplicate: true`. */
export async function recordInboxEvent(db: Db, event: NewInboxEvent): Promise<RecordedInboxEvent> {
  const [recorded] = await insertInboxEvents(db, [event]);
  return recorded!;
}

/**
 * recordInboxEvent for several events in one transaction (one commit, one fsync on SQLite) and one
 * multi-row insert: one statement to build and run instead of one per event.
 */
export async function recordInboxEvents(
  db: Db,
  events: NewInboxEvent[],
): Promise<RecordedInboxEvent[]> {
  if (events.length === 0) return [];
  return withTransaction(db, (trx) => insertInboxEvents(trx, events));
}

/**
 * A new row is answered from what was given rather than read back: its payload is the value given
 * (intake stores parsed JSON, which the stored text gives back equal), so an event costs no parse
 * of its own payload. Only a duplicate — or a key repeated within the batch, whose first row is the
 * stored one — is read.
 */
async function insertInboxEvents(db: Db, events: NewInboxEvent[]): Promise<RecordedInboxEvent[]> {
  // Time-ordered: a batch's rows go at the end of the primary key's index, not one page each.
  const ids = events.map(() => timeOrderedId());
  const { rows } = await insertInboxRows(
    db,
    events.flatMap((event, index) => [
      ids[index],
      event.companyId,
      event.source,
      event.eventKey,
      JSON.stringify(event.payload),
      toDbTime(event.receivedAt),
      event.processed ? toDbTime(event.processed.at) : null,
      event.processed?.outcome ?? null,
    ]),
  );
  const inserted = new Set(rows.map((row) => row.id));
  const recorded: RecordedInboxEvent[] = [];
  for (const [index, event] of events.entries()) {
    const id = ids[index]!;
    recorded.push(
      inserted.has(id)
        ? {
            duplicate: false,
            event: {
              id,
              companyId: event.companyId,
              source: event.source,
              eventKey: event.eventKey,
              payload: event.payload,
              receivedAt: event.receivedAt,
              processedAt: event.processed?.at ?? null,
              outcome: event.processed?.outcome ?? null,
            },
          }
        : { duplicate: true, event: await storedInboxEvent(db, event) },
    );
  }
  return recorded;
}

/** One row's stand-ins, in the order insertInboxEvents gives each row's values. */
const INBOX_ROW = {
  id: '',
  company_id: 0,
  source: 'pipedrive',
  event_key: '',
  payload: '',
  received_at: '',
  processed_at: null,
  outcome: null,
} as const;

// Run for every batch of webhook deliveries (store/compiled-query.ts); a form per batch size, the
// sizes a steady intake makes kept.
const insertInboxRows = compiledQuery(
  (db, parameterCount) =>
    db
      .insertInto('inbox_events')
      .values(
        Array.from({ length: parameterCount / Object.keys(INBOX_ROW).length }, () => INBOX_ROW),
      )
      .onConflict((oc) => oc.columns(['company_id', 'source', 'event_key']).doNothing())
      .returning('id')
      .compile(),
  32,
);

async function storedInboxEvent(db: Db, event: NewInboxEvent): Promise<InboxEvent> {
  const row = await db
    .selectFrom('inbox_events')
    .selectAll()
    .where('company_id', '=', event.companyId)
    .where('source', '=', event.source)
    .where('event_key', '=', event.eventKey)
    .executeTakeFirstOrThrow();
  return rowToEvent(row);
}

export async function markInboxEventProcessed(
  db: Db,
  companyId: number,
  eventId: string,
  outcome: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('inbox_events')
    .set({ processed_at: toDbTime(at), outcome })
    .where('company_id', '=', companyId)
    .where('id', '=', eventId)
    .execute();
}

/**
 * Events stored but never processed, oldest first, received before `receivedBefore` — what a
 * restart re-enqueues after a crash between storing and enqueueing. Spans companies: it is for the
 * worker's recovery sweep, never for a request.
 */
export async function listUnprocessedInboxEvents(
  db: Db,
  receivedBefore: Date,
  limit = 100,
): Promise<InboxEvent[]> {
  const rows = await db
    .selectFrom('inbox_events')
    .selectAll()
    .where('processed_at', 'is', null)
    .where('received_at', '<', toDbTime(receivedBefore))
    .orderBy('received_at')
    .limit(limit)
    .execute();
  return rows.map(rowToEvent);
}

/**
 * Deletes the company's processed events received before `receivedBefore`; returns how many. An
 * event never processed is kept for the recovery sweep, whatever its age. Its dedupe key goes with
 * it, so `receivedBefore` must be older than any redelivery (services/catch-up.ts
 * INBOX_RETENTION_MS).
 */
export async function pruneInboxEvents(
  db: Db,
  companyId: number,
  receivedBefore: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('inbox_events')
    .where('company_id', '=', companyId)
    .where('received_at', '<', toDbTime(receivedBefore))
    .where('processed_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
