import { getContactLink } from '../../store/repos/links.js';
import type { XeroContact } from '../../xero/types.js';
import { buildContact, type ContactSource, isOwnContactNumber } from '../mapping/contact.js';
import { contactChanges, contactFields } from '../mapping/contact-diff.js';
import { decideContact, type MatchKey } from '../mapping/contact-match.js';
import type { XeroContactDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import {
  archivedStop,
  contactLinkKey,
  decisionStop,
  linkContact,
  pipedriveIdOf,
  toCandidate,
  writeContacts,
} from './contact-writes.js';
import { idempotencyKey } from './keys.js';
import type { Stop } from './stop.js';

/**
 * Re-syncs Pipedrive organizations/persons to Xero now, a batch at a time (the panel's Update is a
 * batch of one; the bulk sync pages of up to 50): each one's contact is created, or UPDATED with the
 * current mapped fields, and linked — never duplicated. Xero calls per batch: one GET for the linked
 * contacts (by ContactID), one GET matching the rest (ContactNumber, Name, email OR'ed, archived
 * included; a few more for a large batch, to keep URLs short), one PUT /Contacts for the new ones
 * and one POST /Contacts for the changed ones; an unchanged contact is not written at all.
 *
 * Decisions are ensureContact's (mapping/contact-match.ts decideContact), with two guards an update
 * needs: a contact carrying another Pipedrive record's code (PD-ORG-n/PD-PER-n) is never taken, and
 * a linked contact that was ARCHIVED is never replaced by a new one — unless an active contact
 * matches, the record waits for the user to restore it (contact_archived). An update leaves the
 * user's own contact code, and the name of a contact found by email, as they are (updateOf).
 */

export type ContactSyncResult =
  | { ok: true; contactId: string; created: boolean; changedFields: string[] }
  | { ok: false; stop: Stop };

interface Entry {
  source: ContactSource;
  draft: XeroContactDraft;
  linkedId: string | undefined;
  /** The linked contact, when Xero holds it ARCHIVED. */
  archivedLink?: XeroContact;
  /** The Xero contact to update (linked or matched); none → create. */
  target?: XeroContact;
  matchedBy?: MatchKey;
  result?: ContactSyncResult;
}

export async function syncContactSources(
  deps: SyncDeps,
  sources: readonly ContactSource[],
  keyParts: readonly (string | number)[],
  again = 'Replay',
): Promise<ContactSyncResult[]> {
  const entries: Entry[] = [];
  for (const source of sources) {
    const key = contactLinkKey(deps, source.kind, pipedriveIdOf(source));
    entries.push({
      source,
      draft: buildContact(source, deps.company.settings),
      linkedId: await getContactLink(deps.db, key),
    });
  }
  await useActiveLinks(deps, entries);
  await matchTheRest(deps, entries, again);

  const toCreate = entries.filter((entry) => !entry.result && !entry.target);
  const toUpdate = entries.flatMap((entry) => {
    if (entry.result || !entry.target?.ContactID) return [];
    const draft = updateOf(entry, entry.target);
    const changedFields = contactChanges(draft, entry.target);
    if (changedFields.length === 0) {
      entry.result = { ok: true, contactId: entry.target.ContactID, created: false, changedFields };
      return [];
    }
    return [{ entry, changedFields, body: { ...draft, ContactID: entry.target.ContactID } }];
  });
  const keyFor = (mode: string, body: unknown[]) =>
    idempotencyKey(
      `contacts-${mode}`,
      deps.company.id,
      deps.tenant.tenantId,
      ...keyParts,
      JSON.stringify(body),
    );
  const createBodies = toCreate.map((entry) => entry.draft);
  const created = await writeContacts(
    deps,
    'create',
    createBodies,
    keyFor('create', createBodies),
    again,
  );
  toCreate.forEach((entry, index) => {
    const written = created[index]!;
    entry.result = written.ok
      ? {
          ok: true,
          contactId: written.contactId,
          created: true,
          changedFields: contactFields(entry.draft),
        }
      : written;
  });
  const updateBodies = toUpdate.map((update) => update.body);
  const updated = await writeContacts(
    deps,
    'update',
    updateBodies,
    keyFor('update', updateBodies),
    again,
  );
  toUpdate.forEach(({ entry, changedFields }, index) => {
    const written = updated[index]!;
    entry.result = written.ok
      ? { ok: true, contactId: written.contactId, created: false, changedFields }
      : written;
  });

  for (const entry of entries) {
    if (entry.result?.ok)
      await linkContact(
        deps,
        contactLinkKey(deps, entry.source.kind, pipedriveIdOf(entry.source)),
        entry.result.contactId,
      );
  }
  return entries.map((entry) => entry.result!);
}

/**
 * What an update sends: the mapped fields, except what belongs to the user rather than to this
 * record — a contact code of their own stays (the link finds the contact from now on), and a
 * contact found by its email keeps its name (it may be a company's, reached through its accounts
 * address).
 */
function updateOf(entry: Entry, target: XeroContact): XeroContactDraft {
  const draft = { ...entry.draft };
  if (target.ContactNumber && isOwnContactNumber(draft.ContactNumber))
    draft.ContactNumber = target.ContactNumber;
  if (entry.matchedBy === 'email' && target.Name) draft.Name = target.Name;
  return draft;
}

/** Linked contacts in one GET; an ACTIVE one is the target, fresh from Xero (for the diff). */
async function useActiveLinks(deps: SyncDeps, entries: Entry[]): Promise<void> {
  const ids = entries.flatMap((entry) => (entry.linkedId ? [entry.linkedId] : []));
  if (ids.length === 0) return;
  const found = await deps.xero.findContactsByKeys(xeroRef(deps), { contactIds: ids });
  const byId = new Map(found.map((contact) => [contact.ContactID?.toLowerCase(), contact]));
  for (const entry of entries) {
    const contact = entry.linkedId ? byId.get(entry.linkedId.toLowerCase()) : undefined;
    if (contact?.ContactStatus === 'ACTIVE') entry.target = contact;
    else if (contact) entry.archivedLink = contact;
  }
}

/** Everything not linked to an active contact, matched in one lookup of every key in use. */
async function matchTheRest(deps: SyncDeps, entries: Entry[], again: string): Promise<void> {
  const pending = entries.filter((entry) => !entry.target);
  if (pending.length === 0) return;
  const order = deps.company.settings.contacts.matchOrder;
  const drafts = pending.map((entry) => entry.draft);
  const emails = drafts.flatMap((draft) => draft.EmailAddress?.trim() || []);
  const found = await deps.xero.findContactsByKeys(xeroRef(deps), {
    ...(order.includes('contact_number') && {
      contactNumbers: drafts.map((draft) => draft.ContactNumber),
    }),
    ...(order.includes('name') && { names: drafts.map((draft) => draft.Name) }),
    ...(order.includes('email') && { emailAddresses: emails }),
  });
  const all = found.flatMap(toCandidate);
  const byId = new Map(found.map((contact) => [contact.ContactID, contact]));
  for (const entry of pending) {
    // A contact carrying another record's code of ours is that record's, never this one's.
    const candidates = all.filter(
      (candidate) =>
        !candidate.ContactNumber ||
        candidate.ContactNumber === entry.draft.ContactNumber ||
        !isOwnContactNumber(candidate.ContactNumber),
    );
    const decision = decideContact(candidates, entry.draft, order);
    const stop = decisionStop(decision, entry.draft, again);
    const archived = entry.archivedLink;
    if (stop) entry.result = { ok: false, stop };
    // Candidates come from `found`, so the matched contact is there.
    else if (decision.kind === 'matched') {
      entry.target = byId.get(decision.contact.ContactID)!;
      entry.matchedBy = decision.by;
    } else if (archived)
      entry.result = {
        ok: false,
        stop: archivedStop(
          archived.Name ?? entry.draft.Name,
          archived.ContactNumber || entry.draft.ContactNumber,
          again,
        ),
      };
  }
}
