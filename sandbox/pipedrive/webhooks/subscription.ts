import type { WebhookAction, WebhookObject } from './validation.js';

/** One webhook subscription as the sandbox keeps it (docs/vendors/pipedrive.md §5.1, §5.2). */
export interface PipedriveWebhook {
  id: number;
  companyId: number;
  /** Who created it; the 40-per-user limit counts per owner (and per app for app tokens). */
  ownerId: number;
  /** Whose permissions filter the events (body `user_id`, default the creator). */
  userId: number;
  /** The app whose OAuth token created it; null for API-token ("general") webhooks. */
  clientId: string | null;
  type: 'general' | 'application';
  eventAction: WebhookAction;
  eventObject: WebhookObject;
  subscriptionUrl: string;
  name: string;
  httpAuthUser: string | null;
  httpAuthPassword: string | null;
  version: '2.0';
  addTimeMs: number;
  lastDeliveryTimeMs: number | null;
  lastHttpStatus: number | null;
  /** Last 2xx; with addTimeMs, decides the 3-day deletion (§5.2). */
  lastSuccessMs: number | null;
  /** First-attempt failures since the last ban; 10 → banned for 30 min (§5.2). */
  firstAttemptFailures: number;
  bannedUntilMs: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The `data` object of `POST/GET /api/v1/webhooks` (SPEC-V1 `BaseWebhook`). */
export function toWebhookData(webhook: PipedriveWebhook, nowMs: number) {
  return {
    id: webhook.id,
    company_id: webhook.companyId,
    owner_id: webhook.ownerId,
    user_id: webhook.userId,
    event_action: webhook.eventAction,
    event_object: webhook.eventObject,
    subscription_url: webhook.subscriptionUrl,
    version: webhook.version,
    // A banned webhook reads as inactive until its ban ends (§5.2).
    is_active: webhook.bannedUntilMs !== null && nowMs < webhook.bannedUntilMs ? 0 : 1,
    add_time: iso(webhook.addTimeMs),
    remove_time: null,
    type: webhook.type,
    http_auth_user: webhook.httpAuthUser,
    http_auth_password: webhook.httpAuthPassword,
    remove_reason: null,
    last_delivery_time: iso(webhook.lastDeliveryTimeMs),
    last_http_status: webhook.lastHttpStatus,
    admin_id: webhook.ownerId,
    name: webhook.name,
  };
}
