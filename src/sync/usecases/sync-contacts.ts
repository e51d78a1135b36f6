import { getContactLink } from '../../store/repos/links.js';
import type { XeroContact } from '../../xero/types.js';
import { buildContact, type ContactSource, isOwnContactNumber } from '../mapping/contact.js';
import { contactChanges, contactFields } from '../mapping/contact-diff.js';
import {
  type ContactHow,
  howMatched,
  linkedContactState,
  ownContactNumbers,
} from '../mapping/contact-match.js';
import type { XeroContactDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { addToNewContactsGroup } from './contact-group.js';
import {
  contactLinkKey,
  decideInXero,
  decisionStop,
  linkContact,
  pipedriveIdOf,
  toCandidate,
  verified,
  writeContacts,
} from './contact-writes.js';
import { contactLockName, isAlreadyThere, withCreationLocks } from './creation-lock.js';
import { customerNumberOf } from './customer-number.js';
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
 * Decisions are ensureContact's (contact-writes.ts decideInXero, mapping/contact-match.ts): a linked
 * contact carrying another record's code is looked for afresh, one that was ARCHIVED is never
 * replaced by a new one — unless an active contact of this record's matches, the record waits for
 * the user to restore it (contact_archived). New contacts are created under their records' creation
 * locks (creation-lock.ts): one another job created meanwhile is linked and updated instead, as is
 * one Xero says already exists. An update leaves the user's own contact code, and the name of a
 * contact found by email, as they are (updateOf). The new ones join the settings' group for new
 * contacts in one more call (contact-group.ts). The customer number is kept and written back as a
 * document run does (customer-number.ts).
 */

export type ContactSyncResult =
  | {
      ok: true;
      contactId: string;
      /** The contact's name in Xero, and how it was found. */
      name: string;
      how: ContactHow;
      created: boolean;
      changedFields: string[];
      /** What is said of the customer number (customer-number.ts), when the settings name one. */
      customerNumber?: string;
      /** What to check although the sync went on (a group Xero refused). */
      warnings?: string[];
    }
  | { ok: false; stop: Stop };

interface Entry {
  source: ContactSource;
  draft: XeroContactDraft;
  linkedId: string | undefined;
  /** The linked contact, when Xero holds it ARCHIVED. */
  archivedLink?: XeroContact;
  /** The Xero contact to update (linked or matched) and how it was found; none → create. */
  target?: XeroContact;
  how?: ContactHow;
  result?: ContactSyncResult;
  /** The contact as Xero holds it after the sync, once it succeeded. */
  final?: XeroContact;
}

/** The result has the shape of the item sync's (sync-items.ts): a record's outcome, or its stop. */
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
  await useLinks(deps, entries);
  await matchInXero(
    deps,
    entries.filter((entry) => !entry.target),
    again,
  );
  await createTheRest(deps, entries, keyParts, again);
  await updateTargets(deps, entries, keyParts, again);

  // New contacts were linked under their locks (createTheRest).
  for (const entry of entries) if (entry.how !== 'created') await linkEntry(deps, entry);
  for (const entry of entries) await keepCustomerNumber(deps, entry);
  return entries.map((entry) => entry.result!);
}

/** The document run's customer number step (customer-number.ts) for a contact synced. */
async function keepCustomerNumber(deps: SyncDeps, entry: Entry): Promise<void> {
  const contact = entry.final && toCandidate(entry.final)[0];
  if (!entry.result?.ok || !contact) return;
  const said = await customerNumberOf(deps, entry.source, entry.draft, contact);
  if (said !== undefined) entry.result = { ...entry.result, customerNumber: said };
}

async function linkEntry(deps: SyncDeps, entry: Entry): Promise<void> {
  const contact = entry.final && toCandidate(entry.final)[0];
  if (entry.result?.ok && contact)
    await linkContact(
      deps,
      contactLinkKey(deps, entry.source.kind, pipedriveIdOf(entry.source)),
      verified(contact),
    );
}

/** Linked contacts in one GET; a usable one is the target, fresh from Xero (for the diff). */
async function useLinks(deps: SyncDeps, entries: Entry[]): Promise<void> {
  const ids = entries.flatMap((entry) => (entry.linkedId ? [entry.linkedId] : []));
  if (ids.length === 0) return;
  const found = await deps.xero.findContactsByKeys(xeroRef(deps), { contactIds: ids });
  const byId = new Map(found.map((contact) => [contact.ContactID?.toLowerCase(), contact]));
  for (const entry of entries) {
    const contact = entry.linkedId ? byId.get(entry.linkedId.toLowerCase()) : undefined;
    const candidate = contact && toCandidate(contact)[0];
    if (!contact || !candidate) continue;
    const { source, draft } = entry;
    const ownNumbers = ownContactNumbers(source.kind, pipedriveIdOf(source), draft);
    const state = linkedContactState(candidate, { ownNumbers });
    if (state === 'usable') {
      entry.target = contact;
      entry.how = 'linked';
    } else if (state === 'archived') entry.archivedLink = contact;
  }
}

/** Entries not yet decided, matched in one lookup: a target, a stop, or nothing (create). */
async function matchInXero(deps: SyncDeps, entries: Entry[], again: string): Promise<void> {
  const { decisions, found } = await decideInXero(
    deps,
    entries.map(({ source, draft, archivedLink }) => ({
      source,
      draft,
      ...(archivedLink && { archivedLink: toCandidate(archivedLink)[0]! }),
    })),
  );
  entries.forEach((entry, index) => {
    const decision = decisions[index]!;
    const stop = decisionStop(decision, entry.draft, again);
    if (stop) entry.result = { ok: false, stop };
    else if (decision.kind === 'matched') {
      // Decisions are made among `found`, so the matched contact is there.
      entry.target = found.get(decision.contact.ContactID)!;
      entry.how = howMatched(decision.by);
    }
  });
}

/**
 * Creates the undecided ones in one PUT under their creation locks, and links them: an entry
 * another job linked while we waited, or whose contact Xero says exists already, gets that contact
 * as its target instead.
 */
async function createTheRest(
  deps: SyncDeps,
  entries: Entry[],
  keyParts: readonly (string | number)[],
  again: string,
): Promise<void> {
  const pending = entries.filter((entry) => !entry.result && !entry.target);
  if (pending.length === 0) return;
  const locks = pending.map((entry) =>
    contactLockName(entry.source.kind, pipedriveIdOf(entry.source)),
  );
  await withCreationLocks(deps, locks, async () => {
    const relinked: Entry[] = [];
    for (const entry of pending) {
      const key = contactLinkKey(deps, entry.source.kind, pipedriveIdOf(entry.source));
      const linkedNow = await getContactLink(deps.db, key);
      if (linkedNow === undefined || linkedNow === entry.linkedId) continue;
      entry.linkedId = linkedNow;
      relinked.push(entry);
    }
    await useLinks(deps, relinked);

    const toCreate = pending.filter((entry) => !entry.target);
    const bodies = toCreate.map((entry) => entry.draft);
    const created = await writeBatch(deps, 'create', bodies, keyParts, again);
    const refusals = new Map<Entry, Stop>();
    toCreate.forEach((entry, index) => {
      const written = created[index]!;
      if (written.ok) {
        entry.how = 'created';
        const contact = { ...entry.draft, ...written.contact, ContactID: written.contactId };
        entry.result = succeeded(entry, contact, true, contactFields(entry.draft));
      } else if (isAlreadyThere(written.messages)) refusals.set(entry, written.stop);
      else entry.result = { ok: false, stop: written.stop };
    });
    // Linked before the locks are freed, so the next holder finds them.
    const made = toCreate.filter((entry) => entry.how === 'created');
    for (const entry of made) await linkEntry(deps, entry);
    const warning = await addToNewContactsGroup(
      deps,
      made.flatMap((entry) => entry.final?.ContactID ?? []),
    );
    if (warning)
      for (const entry of made)
        if (entry.result?.ok) entry.result = { ...entry.result, warnings: [warning] };
    const conflicted = [...refusals.keys()];
    if (conflicted.length > 0) await matchInXero(deps, conflicted, again);
    for (const [entry, stop] of refusals)
      if (!entry.result && !entry.target) entry.result = { ok: false, stop };
  });
}

/** Brings every target up to date in one POST; an unchanged one is not written. */
async function updateTargets(
  deps: SyncDeps,
  entries: Entry[],
  keyParts: readonly (string | number)[],
  again: string,
): Promise<void> {
  const toUpdate = entries.flatMap((entry) => {
    const target = entry.target;
    if (entry.result || !target?.ContactID) return [];
    const draft = updateOf(entry, target);
    const changedFields = contactChanges(draft, target);
    if (changedFields.length === 0) {
      entry.result = succeeded(entry, target, false, changedFields);
      return [];
    }
    return [{ entry, changedFields, body: { ...draft, ContactID: target.ContactID } }];
  });
  const bodies = toUpdate.map((update) => update.body);
  const updated = await writeBatch(deps, 'update', bodies, keyParts, again);
  toUpdate.forEach(({ entry, changedFields }, index) => {
    const written = updated[index]!;
    entry.result = written.ok
      ? succeeded(
          entry,
          { ...entry.target, ...written.contact, ContactID: written.contactId },
          false,
          changedFields,
        )
      : { ok: false, stop: written.stop };
  });
}

function succeeded(
  entry: Entry,
  contact: XeroContact,
  created: boolean,
  changedFields: string[],
): ContactSyncResult {
  entry.final = contact;
  return {
    ok: true,
    contactId: contact.ContactID ?? '',
    name: contact.Name ?? entry.draft.Name,
    how: entry.how ?? 'linked',
    created,
    changedFields,
  };
}

/**
 * One write of the batch, under a key made of the batch and its bodies: a retried page sends the
 * same key and Xero replays its answer.
 */
function writeBatch(
  deps: SyncDeps,
  mode: 'create' | 'update',
  bodies: (XeroContactDraft & { ContactID?: string })[],
  keyParts: readonly (string | number)[],
  again: string,
) {
  const key = idempotencyKey(
    `contacts-${mode}`,
    deps.company.id,
    deps.tenant.tenantId,
    ...keyParts,
    JSON.stringify(bodies),
  );
  return writeContacts(deps, mode, bodies, key, again);
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
  if (entry.how === 'by email' && target.Name) draft.Name = target.Name;
  return draft;
}
