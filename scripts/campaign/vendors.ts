import type { Call } from './control.js';
import type { VendorState, XeroContactFact, XeroDocumentFact } from './oracle.js';
import { inBatches, TENANTS, type Truth } from './seed.js';

/**
 * What the vendors hold at the end, read through the sandboxes' control APIs: every invoice and
 * quote and every contact of the campaign's Xero organisations, the notes on every campaign deal, and which
 * deals had a webhook delivery dropped because the app's webhook was banned.
 */
export async function readVendors(
  truth: Truth,
  pipedrive: Call,
  xero: Call,
): Promise<VendorState & { bannedWebhooks: number }> {
  const documents: XeroDocumentFact[] = [];
  const contacts = new Map<string, XeroContactFact[]>();
  for (const tenantId of Object.values(TENANTS)) {
    const books = await xero('GET', `/__sandbox/xero/tenants/${tenantId}/documents`);
    for (const invoice of books.invoices)
      documents.push(fact(tenantId, invoice.InvoiceID, invoice));
    for (const quote of books.quotes) documents.push(fact(tenantId, quote.QuoteID, quote));
    contacts.set(
      tenantId,
      (await xero('GET', `/__sandbox/xero/tenants/${tenantId}/contacts`)).contacts,
    );
  }

  const notes = new Map<number, string[]>();
  await inBatches(truth.deals, 16, async (deal) => {
    const { data } = await pipedrive(
      'GET',
      `/__sandbox/pipedrive/companies/${deal.companyId}/deals/${deal.dealId}/notes`,
    );
    notes.set(
      deal.dealId,
      (data as { content: string }[]).map((note) => note.content),
    );
  });

  const { deliveries } = await pipedrive('GET', '/__sandbox/pipedrive/webhooks/deliveries');
  const dropped = (deliveries as { outcome: string; webhookId: number; payload: any }[]).filter(
    (delivery) => delivery.outcome === 'dropped (webhook banned)',
  );
  const droppedByBan = new Set<number>(
    dropped.map((delivery) =>
      Number(delivery.payload?.data?.id ?? delivery.payload?.meta?.entity_id),
    ),
  );
  return {
    documents,
    contacts,
    notes,
    droppedByBan,
    bannedWebhooks: new Set(dropped.map((delivery) => delivery.webhookId)).size,
  };
}

function fact(tenantId: string, id: string, document: any): XeroDocumentFact {
  return {
    tenantId,
    id,
    reference: String(document.Reference ?? ''),
    contactId: String(document.Contact?.ContactID ?? ''),
  };
}

/**
 * Pipedrive retries a failed webhook delivery 3 s, 30 s and 150 s later
 * (https://pipedrive.readme.io/docs/guide-for-webhooks-v2).
 */
const RETRY_DELAYS_MS = [3_000, 30_000, 150_000];

/**
 * How long Pipedrive may still take to retry a failed webhook delivery to the app (0: no retry is
 * owed): the latest attempt of some event failed and was not the last. The settle waits that long
 * before calling anything lost.
 */
export async function webhookRetriesOwedMs(pipedrive: Call): Promise<number> {
  const { deliveries } = await pipedrive('GET', '/__sandbox/pipedrive/webhooks/deliveries');
  const { now } = await pipedrive('GET', '/__sandbox/clock');
  const latest = new Map<string, { attempt: number; outcome: string; at: string }>();
  for (const delivery of deliveries as {
    eventId: string;
    attempt: number;
    outcome: string;
    at: string;
  }[]) {
    const seen = latest.get(delivery.eventId);
    if (!seen || delivery.attempt >= seen.attempt) latest.set(delivery.eventId, delivery);
  }
  const nowMs = Date.parse(now);
  let owed = 0;
  for (const last of latest.values()) {
    const delay = RETRY_DELAYS_MS[last.attempt - 1];
    if (last.outcome !== 'failed' || delay === undefined) continue;
    owed = Math.max(owed, Date.parse(last.at) + delay + 5_000 - nowMs);
  }
  return owed;
}
