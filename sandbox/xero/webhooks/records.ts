import type { SandboxClock, ScheduledTask } from '../../common/clock.js';
import type { Deliver } from '../../common/http-delivery.js';
import type { XeroWebhookEvent } from './payload.js';

/** What the webhook sender keeps per subscription and per attempt, and what it shows (docs/vendors/xero.md §14). */

export interface XeroWebhooksDeps {
  clock: SandboxClock;
  /** Outbound HTTP; default httpDeliver (real fetch). */
  deliver?: Deliver;
  /** Delay (ms) before each retry; default immediately, then every 15 min for 24 h (§14). */
  retrySchedule?: number[];
  /** Accounting API root for `resourceUrl`; default https://api.xero.com/api.xro/2.0. */
  apiBaseUrl?: string;
  /** Virtual ms events collect before a batch is sent; default 1000. */
  batchWindowMs?: number;
  /** Receiver deadline in real ms; default 5000 (§14). */
  timeoutMs?: number;
  /** Xero notifies every app connected to the organisation; default: every subscription hears all. */
  isConnected?: (clientId: string, tenantId: string) => boolean;
  /** The app's webhook key when `configure` never saw the app (e.g. registered later). */
  webhookKeyOf?: (clientId: string) => string | undefined;
}

export interface XeroWebhookKnobs {
  /** Send every successfully delivered batch a second time. */
  duplicate: boolean;
  /** Hold batches and release them newest first (windows of OUT_OF_ORDER_WINDOW, or on flush). */
  outOfOrder: boolean;
}

export interface XeroDeliveryRecord {
  seq: number;
  kind: 'event' | 'duplicate' | 'intent-to-receive';
  clientId: string;
  url: string;
  at: string;
  attempt: number;
  status: number | null;
  error?: string;
  durationMs: number;
  signature: string;
  /** Whether `signature` is the correct HMAC of `body` under the subscription's key. */
  signatureValid: boolean;
  body: string;
  responseBody: string;
  firstEventSequence: number;
  lastEventSequence: number;
}

export interface XeroSubscriptionView {
  clientId: string;
  url: string;
  status: 'active' | 'disabled';
  intentToReceive: 'required' | 'OK' | 'failed';
  queuedBatches: number;
}

export interface Batch {
  body: string;
  first: number;
  last: number;
  failures: number;
  dueMs: number;
}

export interface Subscription {
  clientId: string;
  url: string;
  key: string;
  status: 'active' | 'disabled';
  intentToReceive: 'required' | 'OK' | 'failed';
  nextSequence: number;
  pending: XeroWebhookEvent[];
  batchTimer?: ScheduledTask | undefined;
  held: Batch[];
  outbox: Batch[];
  wake?: ScheduledTask | undefined;
  running?: Promise<void> | undefined;
}

export function subscriptionView(sub: Subscription): XeroSubscriptionView {
  return {
    clientId: sub.clientId,
    url: sub.url,
    status: sub.status,
    intentToReceive: sub.intentToReceive,
    queuedBatches: sub.outbox.length + sub.held.length,
  };
}
