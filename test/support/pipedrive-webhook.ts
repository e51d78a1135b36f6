import type { AppKit } from './app-kit.js';
import { COMPANY } from './app-kit.js';

/** The demo company's own webhook credentials, as Pipedrive sends them. */
export async function webhookAuthorization(kit: AppKit): Promise<string> {
  const { webhooks } = await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks');
  const hook = (webhooks as any[]).find((candidate) =>
    candidate.subscription_url.endsWith(`/webhooks/pipedrive/${COMPANY}`),
  );
  return `Basic ${Buffer.from(`${hook.http_auth_user}:${hook.http_auth_password}`).toString('base64')}`;
}

/** A webhooks v2 body of a deal moved from one stage to another, as Pipedrive sends it. */
export function stageChangeEvent(
  companyId: number,
  eventId: string,
  deal: { id: number; from: number; to: number; bulkEdit?: boolean },
): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    meta: {
      action: 'change',
      entity: 'deal',
      company_id: String(companyId),
      entity_id: String(deal.id),
      id: eventId,
      is_bulk_edit: deal.bulkEdit ?? false,
      timestamp: now,
      type: 'general',
      user_id: '1',
      version: '2.0',
      change_source: 'app',
      attempt: 1,
    },
    data: {
      id: deal.id,
      pipeline_id: 1,
      stage_id: deal.to,
      status: 'open',
      stage_change_time: now,
    },
    previous: { stage_id: deal.from },
  });
}
