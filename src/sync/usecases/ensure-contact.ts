import { buildContact, type ContactSource } from '../mapping/contact.js';
import { type ContactDecision, decideContact, type MatchKey } from '../mapping/contact-match.js';
import type { XeroContactDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { getContactLink } from '../../store/repos/links.js';
import {
  contactLinkKey,
  decisionStop,
  linkContact,
  pipedriveIdOf,
  toCandidate,
  writeContacts,
} from './contact-writes.js';
import { idempotencyKey } from './keys.js';
import { referenceCacheOf } from './load-org-reference.js';
import type { DealSnapshot } from './read-deal.js';
import type { Stop } from './stop.js';

/**
 * The Xero contact a deal's document goes to (DESIGN.md §1 "ensure Xero contact"):
 * 1. the stored link (per tenant), if that contact still exists and is ACTIVE in Xero;
 * 2. else a match in the configured order — ContactNumber (PD-ORG-<id>/PD-PER-<id>), exact Name among
 *    active contacts, email — one lookup per key, stopping at the first that decides;
 * 3. else a new contact built from the organization (or, B2C, the person).
 * The link is stored whichever way it was found. Xero's refusal to create (e.g. a name already used by
 * another active contact, xero.md §8) comes back as a value in plain words, never as "Name 1".
 * The panel's Update and the bulk sync decide the same way (sync-contacts.ts, with one lookup per batch).
 */

export type ContactResult =
  | { ok: true; contactId: string; how: 'linked' | 'matched' | 'created'; draft: XeroContactDraft }
  | { ok: false; stop: Stop };

export function contactSourceOf(snapshot: DealSnapshot): ContactSource | undefined {
  const { org, person, fieldDefinitions } = snapshot;
  if (org) return { kind: 'organization', org, ...(person && { person }), fieldDefinitions };
  if (person) return { kind: 'person', person, fieldDefinitions };
  return undefined;
}

export async function ensureContact(
  deps: SyncDeps,
  source: ContactSource,
  runId: string,
): Promise<ContactResult> {
  const draft = buildContact(source, deps.company.settings);
  const pipedriveId = pipedriveIdOf(source);
  const linkKey = contactLinkKey(deps, source.kind, pipedriveId);
  const linked = await getContactLink(deps.db, linkKey);
  if (linked !== undefined && (await isActiveContact(deps, linked))) {
    return { ok: true, contactId: linked, how: 'linked', draft };
  }

  const found = await matchInXero(deps, draft);
  const stop = decisionStop(found, draft);
  if (stop) return { ok: false, stop };
  let contactId: string;
  let how: 'matched' | 'created';
  if (found.kind === 'matched') {
    contactId = found.contact.ContactID;
    how = 'matched';
  } else {
    const key = idempotencyKey(
      'contact',
      deps.company.id,
      deps.tenant.tenantId,
      source.kind,
      pipedriveId,
      runId,
    );
    // One result per draft (writeContacts).
    const created = (await writeContacts(deps, 'create', [draft], key))[0]!;
    if (!created.ok) return { ok: false, stop: created.stop };
    contactId = created.contactId;
    how = 'created';
  }
  await linkContact(deps, linkKey, contactId);
  return { ok: true, contactId, how, draft };
}

/** A linked contact is used only while it exists and is ACTIVE (xero.md §8: never archived ones). */
async function isActiveContact(deps: SyncDeps, contactId: string): Promise<boolean> {
  const cache = referenceCacheOf(deps);
  const nowMs = deps.clock.now().getTime();
  if (cache.isContactVerified(deps.tenant.tenantId, contactId, nowMs)) return true;
  const contact = await deps.xero.getContact(xeroRef(deps), contactId);
  if (contact?.ContactStatus !== 'ACTIVE') return false;
  cache.rememberContact(deps.tenant.tenantId, contactId, nowMs);
  return true;
}

/** One lookup per key, in the configured order, until one decides. */
async function matchInXero(deps: SyncDeps, draft: XeroContactDraft): Promise<ContactDecision> {
  const ref = xeroRef(deps);
  for (const by of deps.company.settings.contacts.matchOrder) {
    const query = queryFor(by, draft);
    if (query === undefined) continue;
    // Archived contacts are read for the contact code only, to explain them; they are never billed.
    const candidates = (
      await deps.xero.findContacts(ref, { ...query, includeArchived: by === 'contact_number' })
    ).flatMap(toCandidate);
    const decision = decideContact(candidates, draft, [by]);
    if (decision.kind !== 'none') return decision;
  }
  return { kind: 'none' };
}

function queryFor(by: MatchKey, draft: XeroContactDraft) {
  if (by === 'contact_number') return { contactNumber: draft.ContactNumber };
  if (by === 'name') return { name: draft.Name };
  const email = draft.EmailAddress?.trim();
  return email ? { emailAddress: email } : undefined;
}
