import type { ContactSource } from '../mapping/contact.js';
import type { ContactHow } from '../mapping/contact-match.js';
import type { SyncDeps } from '../ports.js';
import { plainStop } from './contact-writes.js';
import { type EntityOutcome, runEntitySync } from './entity-run.js';
import { customFieldDefinitions, unlessDeleted } from './read-deal.js';
import { syncContactSources } from './sync-contacts.js';

/**
 * The panel's "Update" on a Pipedrive organization or person (job sync-contact): read
 * it from Pipedrive now and bring its Xero contact up to date — the linked one, else a matched one,
 * else a new one — storing the link; never a duplicate. Runs as a run of kind `contact` (entity-run.ts:
 * retryable failures are thrown for the queue). Xero calls: 2 at most (one GET, one write), 1 when
 * nothing changed, and one more to put a new contact in the group for new contacts.
 */

export interface ContactSyncInput {
  kind: 'organization' | 'person';
  id: number;
  runId: string;
}

export type ContactSyncOutcome = EntityOutcome<{
  contactId: string;
  /** Which Xero contact (its name) and how it was found. */
  name: string;
  how: ContactHow;
  created: boolean;
  changedFields: string[];
  /** What is said of the customer number (customer-number.ts), when the settings name one. */
  customerNumber?: string;
  /** What to check although the sync went on (a group Xero refused). */
  warnings?: string[];
}>;

const AGAIN = 'Update again';

export function syncContact(deps: SyncDeps, input: ContactSyncInput): Promise<ContactSyncOutcome> {
  return runEntitySync(
    deps,
    { runId: input.runId, kind: 'contact', request: { kind: input.kind, id: input.id } },
    async () => {
      const source = await readContactSource(deps, input.kind, input.id);
      if (!source) {
        const what = input.kind === 'organization' ? 'organization' : 'person';
        return {
          ok: false,
          stop: plainStop(
            'contact_not_found',
            `The Pipedrive ${what} ${input.id} no longer exists, so there is nothing to send to Xero.`,
          ),
        };
      }
      // One result per source.
      const result = (await syncContactSources(deps, [source], ['update', input.runId], AGAIN))[0]!;
      if (!result.ok) return result;
      const { ok: _ok, ...value } = result;
      return { ok: true, value };
    },
  );
}

/** The organization or person as Pipedrive holds it now; undefined once it is deleted. */
async function readContactSource(
  deps: SyncDeps,
  kind: ContactSource['kind'],
  id: number,
): Promise<ContactSource | undefined> {
  const fieldDefinitions = await customFieldDefinitions(deps, kind === 'organization');
  if (kind === 'organization') {
    const org = await unlessDeleted(deps.pipedrive.getOrganization(id));
    return org && { kind, org, fieldDefinitions };
  }
  const person = await unlessDeleted(deps.pipedrive.getPerson(id));
  return person && { kind, person, fieldDefinitions };
}
