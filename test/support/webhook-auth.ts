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
