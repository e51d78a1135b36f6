import { randomUUID } from 'node:crypto';

import type { SandboxClock } from '../../common/clock.js';
import { basicAuth, type Deliver, httpDeliver } from '../../common/http-delivery.js';
import type { PipedriveChange, PipedriveChangeListener } from '../world.js';
import { buildV2Payload } from './payload.js';
import { WebhookRegistry } from './registry.js';
import type { PipedriveWebhook } from './subscription.js';
import { subscriptionMatches } from './validation.js';

/**
 * Webhooks v2 delivery (docs/vendors/pipedrive.md §5.2, §9 items 15–16).
 *
 * Each change becomes one event per matching live webhook; each event is a chain of up to four
 * attempts (meta.attempt 1–4), retried 3 s, 30 s and 150 s after the previous attempt was due, so
 * advancing the clock past a retry runs it. Per webhook: every failed first attempt counts; at 10
 * the webhook is banned for 30 min and events arriving meanwhile are dropped (logged as such); the
 * count restarts with the ban. A webhook whose last success (or creation) is 3 days old when an
 * attempt fails is deleted. Knobs: `duplicates` sends each event N times with the same meta.id;
 * `outOfOrder` holds events until `outOfOrderWindow` are waiting (or flush) and sends them newest first.
 */
export interface PipedriveWebhooksDeps {
  clock: SandboxClock;
  /** meta.host for a company: `<company domain>.pipedrive.com`. */
  hostFor: (companyId: number) => string;
  /** Outbound HTTP; default httpDeliver. */
  deliver?: Deliver;
  /** Receiver deadline in real ms; default 10000 (§5.2). */
  timeoutMs?: number;
}

export interface PipedriveWebhookKnobs {
  duplicates: number;
  outOfOrder: boolean;
  outOfOrderWindow: number;
}

export interface PipedriveDeliveryRecord {
  seq: number;
  webhookId: number;
  companyId: number;
  url: string;
  at: string;
  eventId: string;
  attempt: number;
  outcome: 'delivered' | 'failed' | 'dropped (webhook banned)';
  status: number | null;
  error?: string;
  durationMs: number;
  authorization: string | null;
  payload: unknown;
  responseBody: string;
}

export const RETRY_DELAYS_MS: readonly number[] = [3_000, 30_000, 150_000];
export const BAN_AFTER_FIRST_ATTEMPT_FAILURES = 10;
export const BAN_MS = 30 * 60_000;
export const DELETE_AFTER_MS = 3 * 24 * 60 * 60_000;

interface PendingEvent {
  webhook: PipedriveWebhook;
  change: PipedriveChange;
  id: string;
  correlationId: string;
  attempt: number;
  dueMs: number;
}

export class PipedriveWebhooks {
  readonly registry = new WebhookRegistry();
  private readonly clock: SandboxClock;
  private readonly deliver: Deliver;
  private readonly timeoutMs: number;
  private readonly hostFor: (companyId: number) => string;
  private knobs: PipedriveWebhookKnobs = { duplicates: 1, outOfOrder: false, outOfOrderWindow: 2 };
  private held: PendingEvent[] = [];
  private inFlight = new Set<Promise<void>>();
  private log: PipedriveDeliveryRecord[] = [];

  constructor(deps: PipedriveWebhooksDeps) {
    this.clock = deps.clock;
    this.deliver = deps.deliver ?? httpDeliver;
    this.timeoutMs = deps.timeoutMs ?? 10_000;
    this.hostFor = deps.hostFor;
  }

  readonly listener: PipedriveChangeListener = (change) => {
    const now = this.clock.now();
    const correlationId = randomUUID();
    for (const webhook of this.registry.ofCompany(change.companyId)) {
      if (!subscriptionMatches(webhook, change)) continue;
      const event: PendingEvent = {
        webhook,
        change,
        id: randomUUID(),
        correlationId,
        attempt: 1,
        dueMs: now,
      };
      if (this.isBanned(webhook, now)) {
        this.record(event, 'dropped (webhook banned)', null);
        continue;
      }
      for (let copy = 0; copy < this.knobs.duplicates; copy++) this.enqueue({ ...event });
    }
  };

  /** Uninstall: drops the app's webhooks in the company (all users', or one user's). */
  removeForApp(companyId: number, clientId: string, userId?: number): number {
    return this.registry.removeForApp(companyId, clientId, this.clock.now(), userId);
  }

  setKnobs(change: Partial<PipedriveWebhookKnobs>): PipedriveWebhookKnobs {
    this.knobs = { ...this.knobs, ...change };
    if (!this.knobs.outOfOrder) this.release();
    return { ...this.knobs };
  }

  deliveries(): PipedriveDeliveryRecord[] {
    return this.log.map((record) => ({ ...record }));
  }

  /** Sends held events now and waits for in-flight attempts (scheduled retries still wait on the clock). */
  async flush(): Promise<void> {
    this.release();
    await this.settled();
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  reset(): void {
    this.registry.clear();
    this.held = [];
    this.log = [];
    this.knobs = { duplicates: 1, outOfOrder: false, outOfOrderWindow: 2 };
  }

  private enqueue(event: PendingEvent): void {
    if (!this.knobs.outOfOrder) return this.run(event);
    this.held.push(event);
    if (this.held.length >= this.knobs.outOfOrderWindow) this.release();
  }

  private release(): void {
    const batch = this.held.reverse();
    this.held = [];
    for (const event of batch) this.run(event);
  }

  private run(event: PendingEvent): void {
    const chain = this.attempts(event).finally(() => this.inFlight.delete(chain));
    this.inFlight.add(chain);
  }

  private async attempts(event: PendingEvent): Promise<void> {
    const { webhook } = event;
    while (this.registry.isLive(webhook)) {
      const now = this.clock.now();
      if (event.dueMs > now) {
        this.clock.after(event.dueMs - now, () => this.run(event));
        return;
      }
      if (await this.attempt(event)) return;
      const failedAt = this.clock.now();
      if (
        event.attempt === 1 &&
        ++webhook.firstAttemptFailures >= BAN_AFTER_FIRST_ATTEMPT_FAILURES
      ) {
        webhook.bannedUntilMs = failedAt + BAN_MS;
        webhook.firstAttemptFailures = 0;
      }
      if (failedAt - (webhook.lastSuccessMs ?? webhook.addTimeMs) >= DELETE_AFTER_MS) {
        this.registry.remove(webhook.id, 'no successful delivery for 3 days', failedAt);
        return;
      }
      const delay = RETRY_DELAYS_MS[event.attempt - 1];
      if (delay === undefined) return;
      event.attempt += 1;
      event.dueMs += delay;
    }
  }

  /** One POST; true on 2xx within the deadline. */
  private async attempt(event: PendingEvent): Promise<boolean> {
    const { webhook } = event;
    const payload = this.payloadOf(event);
    const authorization =
      webhook.httpAuthUser !== null
        ? basicAuth(webhook.httpAuthUser, webhook.httpAuthPassword ?? '')
        : null;
    const at = this.clock.now();
    const result = await this.deliver({
      method: 'POST',
      url: webhook.subscriptionUrl,
      headers: {
        'content-type': 'application/json',
        ...(authorization !== null && { authorization }),
      },
      body: JSON.stringify(payload),
      timeoutMs: this.timeoutMs,
    });
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    webhook.lastDeliveryTimeMs = at;
    webhook.lastHttpStatus = result.status;
    if (ok) webhook.lastSuccessMs = at;
    this.record(event, ok ? 'delivered' : 'failed', { ...result, at, authorization, payload });
    return ok;
  }

  private isBanned(webhook: PipedriveWebhook, now: number): boolean {
    if (webhook.bannedUntilMs !== null && now >= webhook.bannedUntilMs)
      webhook.bannedUntilMs = null;
    return webhook.bannedUntilMs !== null;
  }

  private payloadOf(event: PendingEvent) {
    return buildV2Payload(event.change, event.webhook, {
      id: event.id,
      correlationId: event.correlationId,
      host: this.hostFor(event.change.companyId),
      attempt: event.attempt,
    });
  }

  private record(
    event: PendingEvent,
    outcome: PipedriveDeliveryRecord['outcome'],
    sent: {
      at: number;
      status: number | null;
      error?: string;
      durationMs: number;
      body: string;
      authorization: string | null;
      payload: unknown;
    } | null,
  ): void {
    this.log.push({
      seq: this.log.length + 1,
      webhookId: event.webhook.id,
      companyId: event.webhook.companyId,
      url: event.webhook.subscriptionUrl,
      at: new Date(sent?.at ?? this.clock.now()).toISOString(),
      eventId: event.id,
      attempt: event.attempt,
      outcome,
      status: sent?.status ?? null,
      ...(sent?.error !== undefined && { error: sent.error }),
      durationMs: sent?.durationMs ?? 0,
      authorization: sent?.authorization ?? null,
      payload: sent?.payload ?? this.payloadOf(event),
      responseBody: sent?.body ?? '',
    });
  }
}
