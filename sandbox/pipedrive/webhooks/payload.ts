import type { PipedriveChange } from '../world.js';
import type { PipedriveWebhook } from './subscription.js';

/** Identity of one event delivery; `id` and `correlationId` stay the same across retries. */
export interface PipedriveEventIds {
  /** meta.id: UUID per event per webhook; receivers dedupe on it (§5.2). */
  id: string;
  /** meta.correlation_id: UUID per change, shared by every webhook that hears it. */
  correlationId: string;
  /** meta.host: `<company domain>.pipedrive.com`. */
  host: string;
  /** meta.attempt: 1 for the first try … 4 for the third retry. */
  attempt: number;
}

/**
 * The webhooks v2 body (docs/vendors/pipedrive.md §5.3). Pure. Ids in `meta` are strings; `data`/`previous` come
 * from the change as the API part produced them (previous = only changed fields on change, null on
 * create; data = null on delete).
 */
export function buildV2Payload(
  change: PipedriveChange,
  webhook: PipedriveWebhook,
  ids: PipedriveEventIds,
) {
  return {
    meta: {
      action: change.action,
      entity: change.entity,
      company_id: String(change.companyId),
      correlation_id: ids.correlationId,
      entity_id: String(change.entityId),
      id: ids.id,
      is_bulk_edit: false,
      timestamp: new Date(change.atMs).toISOString(),
      type: webhook.type,
      user_id: String(change.userId),
      version: '2.0',
      webhook_id: String(webhook.id),
      webhook_owner_id: String(webhook.ownerId),
      change_source: change.changeSource,
      attempt: ids.attempt,
      host: ids.host,
      permitted_user_ids: [String(webhook.userId)],
    },
    data: change.action === 'delete' ? null : change.data,
    previous: change.action === 'create' ? null : change.previous,
  };
}
