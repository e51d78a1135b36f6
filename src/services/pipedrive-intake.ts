import { eventKey, parseWebhook, type PipedriveWebhookEvent } from '../pipedrive/webhook.js';
import type { Db } from '../store/db.js';
import { createGroupCommit, type GroupCommit } from '../store/group-commit.js';
import { getCompany } from '../store/repos/companies.js';
import {
  type InboxEvent,
  markInboxEventProcessed,
  type NewInboxEvent,
  type RecordedInboxEvent,
  recordInboxEvents,
} from '../store/repos/inbox.js';
import {
  matchEvent,
  startRunForEvent,
  startRunForMatch,
} from '../sync/usecases/start-trigger-run.js';
import { type CompanyIntakeView, companyIntakeView } from './company-intake-view.js';
import type { AppContext } from './context.js';

/**
 * Pipedrive's webhooks v2 after the route has checked them (docs/vendors/pipedrive.md §5): a delivery is stored
 * in the inbox, deduplicated on meta.id, and only then answered (invariant 2), with what the event
 * leads to (sync/usecases/start-trigger-run.ts: a queued or joined run, or an "ignored" outcome)
 * recorded on it. If starting a run fails, the event stays unprocessed and the worker's startup
 * sweep (inbox-sweep.ts) does it again, which is harmless: the run of a firing is made once.
 */
export type IntakeDeps = Pick<AppContext, 'db' | 'clock' | 'logger' | 'queue'>;

/**
 * The company a delivery is for, if it carries the company's own Basic credentials (checked before
 * the body is read); undefined otherwise.
 */
export async function authorisedPipedriveCompany(
  deps: Pick<AppContext, 'db' | 'box'>,
  companyId: number,
  authorization: string | undefined,
): Promise<CompanyIntakeView | undefined> {
  const view = await companyIntakeView(deps, companyId);
  return view?.acceptsAuthorization?.(authorization) ? view : undefined;
}

export type PipedriveReceipt = { status: 'duplicate' } | { status: 'accepted'; outcome?: string };

// One group commit of inbox events per store handle (store/group-commit.ts).
const inboxWriters = new WeakMap<Db, GroupCommit<NewInboxEvent, RecordedInboxEvent>>();

function inboxWriter(db: Db): GroupCommit<NewInboxEvent, RecordedInboxEvent> {
  let writer = inboxWriters.get(db);
  if (writer === undefined)
    inboxWriters.set(db, (writer = createGroupCommit((events) => recordInboxEvents(db, events))));
  return writer;
}

/**
 * Stores a delivery of the company's event (`body` as received) and handles it. Which trigger the
 * event fires is decided first, from the company's cached settings: most events fire none (any
 * other edit of a deal), and those are stored with their outcome in one write, committed with the
 * events that arrived alongside (group commit). An event that fires a trigger is stored, then its
 * run started, then marked processed, so that a crash in between leaves it to the sweep.
 * A redelivery does nothing more: the first delivery is handling the event, or — if the process
 * died in between — the worker's startup sweep will; handling it here too could race the first
 * into a second run. A failure after the insert is logged and left to the sweep: the delivery is
 * still accepted.
 */
export async function receivePipedriveEvent(
  deps: IntakeDeps,
  company: { id: number; view: CompanyIntakeView },
  event: PipedriveWebhookEvent,
  body: unknown,
): Promise<PipedriveReceipt> {
  const match = matchEvent(company.view.settings, event);
  const receivedAt = deps.clock.now();
  const stored = await inboxWriter(deps.db)({
    companyId: company.id,
    source: 'pipedrive',
    eventKey: eventKey(event),
    payload: body,
    receivedAt,
    ...(!match.matched && { processed: { at: receivedAt, outcome: match.outcome } }),
  });
  if (stored.duplicate) return { status: 'duplicate' };
  if (!match.matched) {
    deps.logger.debug(
      { companyId: company.id, eventId: stored.event.eventKey, outcome: match.outcome },
      'pipedrive event',
    );
    return { status: 'accepted', outcome: match.outcome };
  }
  try {
    const outcome = await startRunForMatch(deps, company.id, event, match);
    await finish(deps, stored.event, outcome);
    return { status: 'accepted', outcome };
  } catch (error) {
    deps.logger.error(
      { err: error, companyId: company.id },
      'pipedrive event stored but not processed; the sweep will retry',
    );
    return { status: 'accepted' };
  }
}

/** The sweep's path (inbox-sweep.ts): an event stored but never processed, read back. */
export async function processPipedriveEvent(deps: IntakeDeps, stored: InboxEvent): Promise<string> {
  const company = await getCompany(deps.db, stored.companyId);
  if (company === undefined) return 'ignored: company not installed';
  // Stored as received, and checked then: parsed again for its typed values (times as Dates).
  const parsed = parseWebhook(stored.payload);
  const outcome = parsed.ok
    ? await startRunForEvent(deps, company, parsed.event)
    : `ignored: ${parsed.errors.join('; ')}`;
  await finish(deps, stored, outcome);
  return outcome;
}

async function finish(deps: IntakeDeps, stored: InboxEvent, outcome: string): Promise<void> {
  await markInboxEventProcessed(deps.db, stored.companyId, stored.id, outcome, deps.clock.now());
  deps.logger.info(
    { companyId: stored.companyId, eventId: stored.eventKey, outcome },
    'pipedrive event',
  );
}
