import { createHmac, timingSafeEqual } from 'node:crypto';

import { z } from 'zod';

import { zodProblems } from '../zod-problems.js';

/**
 * Xero webhooks (docs/vendors/xero.md §14): a thin payload naming what changed, signed with the app's webhook key.
 * Pure: the HTTP route reads the raw body, checks the signature first, then parses.
 */

/**
 * `x-xero-signature` = base64(HMAC-SHA256(webhook key, raw body bytes)) — over the exact bytes
 * received, never a re-serialised JSON (docs/vendors/xero.md §14). Constant-time compare; a missing, empty or
 * wrong-length header is simply false.
 */
export function verifyXeroSignature(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  webhookKey: string,
): boolean {
  if (signatureHeader === undefined || signatureHeader === '' || webhookKey === '') return false;
  const expected = createHmac('sha256', webhookKey).update(rawBody).digest();
  const given = Buffer.from(signatureHeader, 'base64');
  // Length first: timingSafeEqual throws on unequal lengths, and the length is not a secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The spec's enums are uppercase, some docs show "Update" (docs/vendors/xero.md §14): both are normalised to
 * uppercase. Types and categories we do not handle (PREPAYMENT, …) still parse — refusing them would
 * make Xero retry and finally disable the webhook — and are ignored downstream.
 */
const upperCase = z
  .string()
  .min(1)
  .transform((value) => value.toUpperCase());

const xeroEvent = z.object({
  resourceUrl: z.string().min(1),
  resourceId: z.string().min(1),
  // docs/vendors/xero.md §14: "2024-06-21T01:15:39.902" — UTC without the Z.
  eventDateUtc: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/, 'must be a UTC date-time'),
  eventType: upperCase,
  eventCategory: upperCase,
  tenantId: z.string().min(1),
  tenantType: z.string().min(1),
});

const xeroWebhookPayload = z.object({
  // Empty on Intent to Receive (docs/vendors/xero.md §14).
  events: z.array(xeroEvent),
  firstEventSequence: z.number().int(),
  lastEventSequence: z.number().int(),
  entropy: z.string(),
});

export type XeroWebhookEvent = z.infer<typeof xeroEvent>;
export type XeroWebhookPayload = z.infer<typeof xeroWebhookPayload>;

export type ParsedXeroWebhook =
  { ok: true; payload: XeroWebhookPayload } | { ok: false; errors: string[] };

/** Validates a (signature-checked) body; every problem as "path: message". */
export function parseXeroWebhook(body: unknown): ParsedXeroWebhook {
  const result = xeroWebhookPayload.safeParse(body);
  if (result.success) return { ok: true, payload: result.data };
  return { ok: false, errors: zodProblems(result.error) };
}

/** Intent to Receive: no events; the answer is 200 for a good signature, 401 otherwise (§14). */
export function isIntentToReceive(payload: XeroWebhookPayload): boolean {
  return payload.events.length === 0;
}

/** `eventDateUtc` as a Date (it has no Z, but it is UTC). */
export function eventDate(event: Pick<XeroWebhookEvent, 'eventDateUtc'>): Date {
  const text = event.eventDateUtc;
  return new Date(text.endsWith('Z') ? text : `${text}Z`);
}
