import type { ContactSource } from '../mapping/contact.js';
import { buildDocument, type BuiltDocument } from '../mapping/document.js';
import type { OrgReference } from '../org-reference-cache.js';
import type { DocumentJob, SyncDeps } from '../ports.js';
import { contactSourceOf } from './ensure-contact.js';
import { type ItemPlan, planItems } from './ensure-items.js';
import { loadOrgReference } from './load-org-reference.js';
import { organisationToday } from './org-date.js';
import { type DealSnapshot, readDeal } from './read-deal.js';
import { type Stop, stopFromRefusal } from './stop.js';

/**
 * Everything before the first write to Xero: read the deal, find its customer, load the
 * organisation's reference data, look the items up and build the document (pure mapping). Any
 * refusal here stops the run with NOTHING created in Xero (invariant 8) — which is why the contact
 * and the planned items are created only after the document has been built.
 */
export interface PreparedDocument {
  snapshot: DealSnapshot;
  source: ContactSource;
  reference: OrgReference;
  plan: ItemPlan;
  built: BuiltDocument;
  today: string;
}

export type Preparation =
  | { kind: 'ready'; prepared: PreparedDocument }
  | { kind: 'stop'; stop: Stop }
  | { kind: 'deal_gone' };

/** Stands in for the contact while building; replaced before the document is sent. */
const PENDING_CONTACT = '00000000-0000-0000-0000-000000000000';

export async function prepareDocument(deps: SyncDeps, job: DocumentJob): Promise<Preparation> {
  const snapshot = await readDeal(deps, job.dealId);
  if (snapshot === undefined) return { kind: 'deal_gone' };
  const source = contactSourceOf(snapshot);
  if (source === undefined) {
    return {
      kind: 'stop',
      stop: {
        code: 'deal_has_no_customer',
        message: `Deal ${job.dealId} has no organization and no person`,
        note: 'The deal has no organization and no contact person, so Xero would not know whom to bill. Link an organization or a person to the deal, then Replay.',
      },
    };
  }
  const reference = await loadOrgReference(deps);
  const plan = await planItems(deps, snapshot, snapshot.deal.currency);
  if ('note' in plan) return { kind: 'stop', stop: plan };
  const today = organisationToday(deps.clock.now(), reference.timezone);
  const built = buildDocument({
    kind: job.kind,
    deal: snapshot.deal,
    dealProducts: snapshot.dealProducts,
    dealDiscounts: snapshot.dealDiscounts,
    contactId: PENDING_CONTACT,
    items: plan.items,
    settings: deps.company.settings,
    org: reference.facts,
    today,
    dealUrl: deps.links.dealUrl(deps.company.domain, job.dealId),
    triggerKey: job.triggerKey,
    customer: {
      organization: snapshot.org,
      person: snapshot.person,
      fieldDefinitions: snapshot.fieldDefinitions,
    },
  });
  if (!built.ok) return { kind: 'stop', stop: stopFromRefusal(built.refusal) };
  return { kind: 'ready', prepared: { snapshot, source, reference, plan, built, today } };
}
