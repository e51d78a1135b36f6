import { listUnprocessedInboxEvents } from '../store/repos/inbox.js';
import { type IntakeDeps, processPipedriveEvent } from './pipedrive-intake.js';
import { processXeroEvent } from './xero-intake.js';

/**
 * Crash recovery (invariant 2): events stored but never processed — the process died between the
 * insert and the enqueue — are processed now, whichever vendor sent them. Run by a worker when it
 * starts.
 */
export async function sweepInbox(deps: IntakeDeps): Promise<number> {
  const seen = new Set<string>();
  let processed = 0;
  for (;;) {
    const batch = (await listUnprocessedInboxEvents(deps.db, deps.clock.now(), 100)).filter(
      (event) => !seen.has(event.id),
    );
    if (batch.length === 0) return processed;
    for (const event of batch) {
      seen.add(event.id);
      try {
        if (event.source === 'pipedrive') await processPipedriveEvent(deps, event);
        else await processXeroEvent(deps, event);
        processed += 1;
      } catch (error) {
        deps.logger.error({ err: error, eventId: event.eventKey }, 'inbox sweep: event failed');
      }
    }
  }
}
