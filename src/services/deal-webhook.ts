import type { PipedriveClient } from '../pipedrive/client.js';
import type { PipedriveWebhookSubscription } from '../pipedrive/types.js';
import type { WebhookCredentials } from '../store/repos/companies.js';

/**
 * The one Pipedrive webhook each company needs: `change` of `deal`, at
 * PUBLIC_URL/webhooks/pipedrive/<company>, active, with the company's Basic credentials. Made at
 * install and checked by every catch-up. Pipedrive bans a webhook for 30 minutes after 10 failed
 * first attempts (its list then shows `is_active` 0, and events meanwhile are lost) and deletes one
 * with no successful delivery for 3 days (https://pipedrive.readme.io/docs/webhooks-for-apps,
 * "Webhooks policy"). Either way, and when it points at another URL, it is made again: ours that
 * are not the good one are deleted first, so nothing is delivered twice.
 */
export const WEBHOOK_NAME = 'pipedrive-xero: deal changes';

export function webhookUrl(publicUrl: string, companyId: number): string {
  return `${publicUrl}/webhooks/pipedrive/${companyId}`;
}

export type WebhookProblem = 'missing' | 'inactive' | 'elsewhere';

export interface WebhookJudgement {
  keep: PipedriveWebhookSubscription | undefined;
  remove: PipedriveWebhookSubscription[];
  problem: WebhookProblem | null;
}

/** Pure: which of the listed webhooks are ours, which one to keep, and what is wrong. */
export function judgeWebhooks(
  listed: PipedriveWebhookSubscription[],
  url: string,
): WebhookJudgement {
  const ours = listed.filter(
    (webhook) => webhook.name === WEBHOOK_NAME || webhook.subscription_url === url,
  );
  const fitting = ours.filter(
    (webhook) =>
      webhook.subscription_url === url &&
      webhook.event_action === 'change' &&
      webhook.event_object === 'deal',
  );
  const keep = fitting.find(isActive);
  const remove = ours.filter((webhook) => webhook !== keep);
  if (keep !== undefined) return { keep, remove, problem: null };
  const problem = fitting.length > 0 ? 'inactive' : ours.length > 0 ? 'elsewhere' : 'missing';
  return { keep, remove, problem };
}

export function describeProblem(problem: WebhookProblem): string {
  return {
    missing: 'the webhook was gone from Pipedrive (deleted)',
    inactive: 'Pipedrive had deactivated the webhook (banned after failed deliveries)',
    elsewhere: 'the webhook pointed at another address',
  }[problem];
}

export interface EnsuredWebhook {
  webhook: PipedriveWebhookSubscription;
  /** What was wrong before it was made again; null when the existing one was kept. */
  problem: WebhookProblem | null;
  created: boolean;
}

/**
 * Keeps the good webhook or makes it again. With `renew` (new credentials, which an existing
 * webhook would not send) every one of ours is replaced.
 */
export async function ensureDealWebhook(
  client: PipedriveClient,
  url: string,
  credentials: WebhookCredentials,
  options: { renew?: boolean } = {},
): Promise<EnsuredWebhook> {
  const judged = judgeWebhooks(await client.listWebhooks(), url);
  const keep = options.renew ? undefined : judged.keep;
  for (const webhook of judged.remove) await client.deleteWebhook(webhook.id);
  if (keep !== undefined) return { webhook: keep, problem: null, created: false };
  if (judged.keep !== undefined) await client.deleteWebhook(judged.keep.id);
  const webhook = await client.createWebhook({
    subscriptionUrl: url,
    eventAction: 'change',
    eventObject: 'deal',
    name: WEBHOOK_NAME,
    httpAuthUser: credentials.user,
    httpAuthPassword: credentials.password,
  });
  return { webhook, problem: judged.problem, created: true };
}

function isActive(webhook: PipedriveWebhookSubscription): boolean {
  return webhook.is_active === true || webhook.is_active === 1;
}
