import type { PipedriveWebhook } from './subscription.js';
import type { WebhookCreateInput } from './validation.js';

/** docs/vendors/pipedrive.md §5.1: 40 webhooks per user (for apps: per app user) → 422 "Webhooks limit reached". */
export const WEBHOOKS_PER_USER = 40;

export interface WebhookCaller {
  companyId: number;
  userId: number;
  /** Set when the call came with an app's OAuth token. */
  clientId?: string | undefined;
}

export interface RemovedWebhook {
  webhook: PipedriveWebhook;
  removeTimeMs: number;
  removeReason: string;
}

/**
 * Webhook subscriptions of every company. App-created webhooks (type "application") are visible
 * and deletable only by that app (§5.1, D-WHAPP); API-token callers see the general ones.
 */
export class WebhookRegistry {
  private webhooks = new Map<number, PipedriveWebhook>();
  private removedList: RemovedWebhook[] = [];
  private nextId = 1;

  create(
    caller: WebhookCaller,
    input: WebhookCreateInput,
    nowMs: number,
  ): PipedriveWebhook | 'limit-reached' {
    const clientId = caller.clientId ?? null;
    const owned = [...this.webhooks.values()].filter(
      (webhook) =>
        webhook.companyId === caller.companyId &&
        webhook.ownerId === caller.userId &&
        webhook.clientId === clientId,
    );
    if (owned.length >= WEBHOOKS_PER_USER) return 'limit-reached';
    const webhook: PipedriveWebhook = {
      id: this.nextId++,
      companyId: caller.companyId,
      ownerId: caller.userId,
      userId: input.userId ?? caller.userId,
      clientId,
      type: clientId === null ? 'general' : 'application',
      eventAction: input.eventAction,
      eventObject: input.eventObject,
      subscriptionUrl: input.subscriptionUrl,
      name: input.name,
      httpAuthUser: input.httpAuthUser,
      httpAuthPassword: input.httpAuthPassword,
      version: input.version,
      addTimeMs: nowMs,
      lastDeliveryTimeMs: null,
      lastHttpStatus: null,
      lastSuccessMs: null,
      firstAttemptFailures: 0,
      bannedUntilMs: null,
    };
    this.webhooks.set(webhook.id, webhook);
    return webhook;
  }

  visibleTo(caller: WebhookCaller): PipedriveWebhook[] {
    const clientId = caller.clientId ?? null;
    return [...this.webhooks.values()].filter(
      (webhook) =>
        webhook.companyId === caller.companyId &&
        (webhook.clientId === null || webhook.clientId === clientId),
    );
  }

  /** Every live webhook of a company, for delivery. */
  ofCompany(companyId: number): PipedriveWebhook[] {
    return [...this.webhooks.values()].filter((webhook) => webhook.companyId === companyId);
  }

  all(): PipedriveWebhook[] {
    return [...this.webhooks.values()];
  }

  isLive(webhook: PipedriveWebhook): boolean {
    return this.webhooks.get(webhook.id) === webhook;
  }

  remove(id: number, reason: string, nowMs: number): boolean {
    const webhook = this.webhooks.get(id);
    if (!webhook) return false;
    this.webhooks.delete(id);
    this.removedList.push({ webhook, removeTimeMs: nowMs, removeReason: reason });
    return true;
  }

  /** Uninstall (§1.9, D-WHAPP): the app's webhooks in that company go, optionally only one user's. */
  removeForApp(companyId: number, clientId: string, nowMs: number, userId?: number): number {
    const doomed = [...this.webhooks.values()].filter(
      (webhook) =>
        webhook.companyId === companyId &&
        webhook.clientId === clientId &&
        (userId === undefined || webhook.ownerId === userId),
    );
    for (const webhook of doomed) this.remove(webhook.id, 'app uninstalled', nowMs);
    return doomed.length;
  }

  removed(): RemovedWebhook[] {
    return [...this.removedList];
  }

  clear(): void {
    this.webhooks.clear();
    this.removedList = [];
    this.nextId = 1;
  }
}
