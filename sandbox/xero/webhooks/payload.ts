import { createHmac, randomBytes } from 'node:crypto';

import type { XeroChangeEvent } from '../world.js';

/**
 * The bytes Xero posts to a webhook receiver (docs/vendors/xero.md §14, specs/xero/xero-webhooks.yaml
 * `WebhookEvent`). Pure: no clock, no I/O.
 */
export interface XeroWebhookEvent {
  resourceUrl: string;
  resourceId: string;
  eventDateUtc: string;
  eventType: 'CREATE' | 'UPDATE';
  eventCategory: 'INVOICE' | 'CONTACT';
  tenantId: string;
  tenantType: 'ORGANISATION';
}

export interface XeroWebhookPayload {
  events: XeroWebhookEvent[];
  firstEventSequence: number;
  lastEventSequence: number;
  entropy: string;
}

const COLLECTION: Record<XeroChangeEvent['category'], string> = {
  INVOICE: 'Invoices',
  CONTACT: 'Contacts',
};

/** `2024-06-21T01:15:39.902` — UTC with milliseconds and, unlike most of Xero, no `Z` (§14). */
export function formatEventDateUtc(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, -1);
}

/** `apiBaseUrl` is the Accounting API root, e.g. `https://api.xero.com/api.xro/2.0`. */
export function toWebhookEvent(change: XeroChangeEvent, apiBaseUrl: string): XeroWebhookEvent {
  return {
    resourceUrl: `${apiBaseUrl.replace(/\/+$/, '')}/${COLLECTION[change.category]}/${change.resourceId}`,
    resourceId: change.resourceId,
    eventDateUtc: formatEventDateUtc(change.atMs),
    eventType: change.type,
    eventCategory: change.category,
    tenantId: change.tenantId,
    tenantType: 'ORGANISATION',
  };
}

/** Twenty upper-case letters, like the spec's example `FXNGWLCCGVANWHKILRUB`. */
export function randomEntropy(): string {
  return Array.from(randomBytes(20), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** `x-xero-signature`: base64 HMAC-SHA256 of the exact body bytes, keyed with the webhook key (§14). */
export function signBody(webhookKey: string, body: string): string {
  return createHmac('sha256', webhookKey).update(body, 'utf8').digest('base64');
}
