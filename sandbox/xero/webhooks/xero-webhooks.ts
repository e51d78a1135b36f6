import type { SandboxClock } from '../../common/clock.js';
import { type Deliver, httpDeliver, type OutboundResult } from '../../common/http-delivery.js';
import type { XeroAppSeed, XeroChangeEvent, XeroChangeListener } from '../world.js';
import {
  INTENT_TO_RECEIVE_PATTERN,
  intentToReceiveRequest,
  type IntentToReceiveResult,
  judgeIntentToReceive,
} from './intent-to-receive.js';
import { randomEntropy, signBody, toWebhookEvent } from './payload.js';
import type {
  Batch,
  Subscription,
  XeroDeliveryRecord,
  XeroSubscriptionView,
  XeroWebhookKnobs,
  XeroWebhooksDeps,
} from './records.js';
import { subscriptionView } from './records.js';

export type {
  XeroDeliveryRecord,
  XeroSubscriptionView,
  XeroWebhookKnobs,
  XeroWebhooksDeps,
} from './records.js';

const FIFTEEN_MINUTES = 15 * 60_000;
export const DEFAULT_XERO_RETRY_SCHEDULE: readonly number[] = [
  0,
  ...Array<number>(96).fill(FIFTEEN_MINUTES),
];
export const OUT_OF_ORDER_WINDOW = 2;

/**
 * Xero webhook delivery for every subscribed app (docs/vendors/xero.md §14, §17 "Webhooks").
 *
 * Per subscription: change events collect in `pending` for `batchWindowMs`, then become one batch
 * with the next sequence numbers. Batches wait in `outbox` and are sent one at a time, head first,
 * so a failing batch holds back later ones (Xero replays in order). A failed attempt is retried
 * after the next delay of the schedule, counted from when the failed attempt was due — so jumping
 * the clock 24 h replays every attempt Xero would have made. When the schedule is used up the
 * subscription becomes `disabled`; its batches stay queued and are replayed when it is subscribed
 * again. States: active ⇄ disabled; intentToReceive: required → OK | failed (informational: the
 * sandbox delivers either way so demo mode works without an ITR step).
 */
export class XeroWebhooks {
  private readonly clock: SandboxClock;
  private readonly deliver: Deliver;
  private readonly retrySchedule: readonly number[];
  private readonly batchWindowMs: number;
  private readonly timeoutMs: number;
  private readonly isConnected: (clientId: string, tenantId: string) => boolean;
  private readonly webhookKeyOf: (clientId: string) => string | undefined;
  private apiBaseUrl: string;
  private keys = new Map<string, string>();
  private subs = new Map<string, Subscription>();
  private log: XeroDeliveryRecord[] = [];
  private knobs: XeroWebhookKnobs = { duplicate: false, outOfOrder: false };

  constructor(deps: XeroWebhooksDeps) {
    this.clock = deps.clock;
    this.deliver = deps.deliver ?? httpDeliver;
    this.retrySchedule = deps.retrySchedule ?? DEFAULT_XERO_RETRY_SCHEDULE;
    this.apiBaseUrl = deps.apiBaseUrl ?? 'https://api.xero.com/api.xro/2.0';
    this.batchWindowMs = deps.batchWindowMs ?? 1000;
    this.timeoutMs = deps.timeoutMs ?? 5000;
    this.isConnected = deps.isConnected ?? (() => true);
    this.webhookKeyOf = deps.webhookKeyOf ?? (() => undefined);
  }

  readonly listener: XeroChangeListener = (change: XeroChangeEvent) => {
    const event = toWebhookEvent(change, this.apiBaseUrl);
    for (const sub of this.subs.values()) {
      if (!this.isConnected(sub.clientId, change.tenantId)) continue;
      sub.pending.push(event);
      sub.batchTimer ??= this.clock.after(this.batchWindowMs, () => this.formBatch(sub));
    }
  };

  /** Registers an app's webhook key, and subscribes it when it has a webhook URL. */
  configure(app: XeroAppSeed): void {
    this.keys.set(app.clientId, app.webhookKey);
    if (app.webhookUrl !== undefined)
      this.subscribe({ clientId: app.clientId, url: app.webhookUrl });
  }

  /** Creates, re-enables or re-points a subscription; a new URL needs a new Intent to Receive. */
  subscribe(input: { clientId: string; url: string; key?: string }): XeroSubscriptionView {
    const key = input.key ?? this.keys.get(input.clientId) ?? this.webhookKeyOf(input.clientId);
    if (key === undefined) throw new Error(`no webhook key known for app ${input.clientId}`);
    this.keys.set(input.clientId, key);
    const existing = this.subs.get(input.clientId);
    const sub: Subscription = existing ?? {
      clientId: input.clientId,
      url: input.url,
      key,
      status: 'active',
      intentToReceive: 'required',
      nextSequence: 1,
      pending: [],
      held: [],
      outbox: [],
    };
    if (sub.url !== input.url) sub.intentToReceive = 'required';
    Object.assign(sub, { url: input.url, key, status: 'active' });
    this.subs.set(sub.clientId, sub);
    this.kick(sub);
    return subscriptionView(sub);
  }

  subscriptions(): XeroSubscriptionView[] {
    return [...this.subs.values()].map(subscriptionView);
  }

  setApiBaseUrl(url: string): void {
    this.apiBaseUrl = url;
  }

  setKnobs(change: Partial<XeroWebhookKnobs>): XeroWebhookKnobs {
    this.knobs = { ...this.knobs, ...change };
    if (!this.knobs.outOfOrder) for (const sub of this.subs.values()) this.release(sub);
    return { ...this.knobs };
  }

  deliveries(): XeroDeliveryRecord[] {
    return this.log.map((record) => ({ ...record }));
  }

  /** Batches whatever is pending, releases held batches, and waits for the sends to finish. */
  async flush(): Promise<void> {
    for (const sub of this.subs.values()) {
      this.formBatch(sub);
      this.release(sub);
    }
    await this.settled();
  }

  /** Resolves once no attempt is in flight (scheduled retries may still be waiting on the clock). */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.subs.values()].flatMap((sub) => (sub.running ? [sub.running] : []));
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  async startIntentToReceive(clientId: string): Promise<IntentToReceiveResult> {
    const sub = this.subs.get(clientId);
    if (!sub) throw new Error(`app ${clientId} has no webhook subscription`);
    const answers: Array<{ correctlySigned: boolean; result: OutboundResult }> = [];
    for (const correctlySigned of INTENT_TO_RECEIVE_PATTERN) {
      const { body, signature } = intentToReceiveRequest(sub.key, correctlySigned);
      const result = await this.send(
        sub,
        'intent-to-receive',
        { body, first: 0, last: 0 },
        1,
        signature,
      );
      answers.push({ correctlySigned, result });
    }
    const result = judgeIntentToReceive({ clientId, url: sub.url }, answers);
    sub.intentToReceive = result.status;
    return result;
  }

  reset(): void {
    for (const sub of this.subs.values()) {
      sub.batchTimer?.cancel();
      sub.wake?.cancel();
    }
    this.subs.clear();
    this.keys.clear();
    this.log = [];
    this.knobs = { duplicate: false, outOfOrder: false };
  }

  private formBatch(sub: Subscription): void {
    sub.batchTimer?.cancel();
    sub.batchTimer = undefined;
    if (sub.pending.length === 0) return;
    const first = sub.nextSequence;
    const last = first + sub.pending.length - 1;
    sub.nextSequence = last + 1;
    const body = JSON.stringify({
      events: sub.pending,
      firstEventSequence: first,
      lastEventSequence: last,
      entropy: randomEntropy(),
    });
    sub.pending = [];
    const batch: Batch = { body, first, last, failures: 0, dueMs: this.clock.now() };
    if (!this.knobs.outOfOrder) {
      sub.outbox.push(batch);
      this.kick(sub);
      return;
    }
    sub.held.push(batch);
    if (sub.held.length >= OUT_OF_ORDER_WINDOW) this.release(sub);
  }

  /** Moves held batches to the outbox newest first: the out-of-order knob's whole effect. */
  private release(sub: Subscription): void {
    if (sub.held.length === 0) return;
    const now = this.clock.now();
    sub.outbox.push(...sub.held.reverse().map((batch) => ({ ...batch, dueMs: now })));
    sub.held = [];
    this.kick(sub);
  }

  private kick(sub: Subscription): void {
    if (sub.running || sub.status !== 'active') return;
    sub.wake?.cancel();
    sub.running = this.pump(sub).finally(() => {
      sub.running = undefined;
    });
  }

  private async pump(sub: Subscription): Promise<void> {
    while (sub.status === 'active') {
      const batch = sub.outbox[0];
      if (!batch) return;
      const now = this.clock.now();
      if (batch.dueMs > now) {
        sub.wake = this.clock.after(batch.dueMs - now, () => this.kick(sub));
        return;
      }
      const signature = signBody(sub.key, batch.body);
      const result = await this.send(sub, 'event', batch, batch.failures + 1, signature);
      if (result.status === 200) {
        sub.outbox.shift();
        if (this.knobs.duplicate) await this.send(sub, 'duplicate', batch, 1, signature);
        continue;
      }
      const delay = this.retrySchedule[batch.failures];
      batch.failures += 1;
      if (delay === undefined) {
        // §14: after 24 h of failures the webhook is disabled and must be re-enabled.
        batch.failures = 0;
        sub.status = 'disabled';
        return;
      }
      batch.dueMs += delay;
    }
  }

  private async send(
    sub: Subscription,
    kind: XeroDeliveryRecord['kind'],
    batch: { body: string; first: number; last: number },
    attempt: number,
    signature: string,
  ): Promise<OutboundResult> {
    const at = this.clock.date().toISOString();
    const result = await this.deliver({
      method: 'POST',
      url: sub.url,
      headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
      body: batch.body,
      timeoutMs: this.timeoutMs,
    });
    this.log.push({
      seq: this.log.length + 1,
      kind,
      clientId: sub.clientId,
      url: sub.url,
      at,
      attempt,
      status: result.status,
      ...(result.error !== undefined && { error: result.error }),
      durationMs: result.durationMs,
      signature,
      signatureValid: signature === signBody(sub.key, batch.body),
      body: batch.body,
      responseBody: result.body,
      firstEventSequence: batch.first,
      lastEventSequence: batch.last,
    });
    return result;
  }
}
