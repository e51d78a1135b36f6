import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { type StartedPipedrive, startPipedriveSandbox } from '../../sandbox/pipedrive/test-kit.js';
import {
  detectDealTransition,
  parseWebhook,
  type PipedriveWebhookEvent,
} from '../../src/pipedrive/webhook.js';
import { verifyBasicAuth } from '../../src/pipedrive/webhook-auth.js';
import { type ConnectedPipedrive, connectPipedrive, control } from './pipedrive-client-helpers.js';

// Webhook subscriptions made by the app's client, and the sandbox's real v2 deliveries read by the
// app's pure intake (docs/vendors/pipedrive.md §5). The receiver answers 200 and keeps what the intake made of
// each delivery.
interface Received {
  authorized: boolean;
  event: PipedriveWebhookEvent | undefined;
  errors: string[];
}

let pd: StartedPipedrive;
let pipedrive: ConnectedPipedrive;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

before(async () => {
  receiver = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const parsed = parseWebhook(JSON.parse(raw));
      received.push({
        authorized: verifyBasicAuth(request.headers.authorization, 'hook-user', 'hook-pass'),
        event: parsed.ok ? parsed.event : undefined,
        errors: parsed.ok ? [] : parsed.errors,
      });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/pipedrive`;
  pd = await startPipedriveSandbox();
  pipedrive = await connectPipedrive(pd.url);
});
after(async () => {
  await pd.running.close();
  receiver.closeAllConnections();
  receiver.close();
});

async function deliveries(): Promise<Received[]> {
  await control(pd.url, 'POST', '/__sandbox/pipedrive/webhooks/flush');
  return received.splice(0);
}

describe('Pipedrive webhooks through the app client', () => {
  it('creates, lists and deletes a v2 webhook with Basic auth', async () => {
    const created = await pipedrive.client.createWebhook({
      subscriptionUrl: receiverUrl,
      eventAction: '*',
      eventObject: '*',
      name: 'Pipedrive → Xero',
      httpAuthUser: 'hook-user',
      httpAuthPassword: 'hook-pass',
    });
    assert.equal(created.version, '2.0');
    assert.equal(created.type, 'application');
    assert.deepEqual(
      (await pipedrive.client.listWebhooks()).map((webhook) => webhook.id),
      [created.id],
    );
    await pipedrive.client.deleteWebhook(created.id);
    assert.deepEqual(await pipedrive.client.listWebhooks(), []);
  });

  it('delivers a stage move the intake recognises, and marks our own note as ours', async () => {
    const webhook = await pipedrive.client.createWebhook({
      subscriptionUrl: receiverUrl,
      eventAction: '*',
      eventObject: '*',
      name: 'Pipedrive → Xero',
      httpAuthUser: 'hook-user',
      httpAuthPassword: 'hook-pass',
    });
    const me = await pipedrive.client.getMe();
    const deal = await pipedrive.client.getDeal(4);
    const stages = await pipedrive.client.listStages(deal.pipeline_id);
    const target = stages.find((stage) => stage.id !== deal.stage_id)!;
    await control(pd.url, 'POST', `/__sandbox/pipedrive/companies/7001/deals/4/move`, {
      stage_id: target.id,
    });
    await pipedrive.client.addNote(4, '<p>Draft invoice created</p>');

    const got = await deliveries();
    assert.deepEqual(
      got.map((delivery) => [delivery.authorized, delivery.errors]),
      got.map(() => [true, []]),
    );
    const transitions = got.map((delivery) => detectDealTransition(delivery.event!));
    assert.deepEqual(transitions.filter(Boolean), [
      {
        kind: 'stage_changed',
        dealId: 4,
        fromStageId: deal.stage_id,
        toStageId: target.id,
        pipelineId: deal.pipeline_id,
        won: false,
      },
    ]);
    const noteEvents = got.filter((delivery) => delivery.event?.meta.entity === 'note');
    assert.equal(noteEvents.length, 1);
    // Our own note comes back marked as an API write by our user.
    const { meta } = noteEvents[0]!.event!;
    assert.deepEqual([meta.change_source, meta.user_id], ['api', String(me.id)]);
    await pipedrive.client.deleteWebhook(webhook.id);
  });

  it('delivers a win the intake recognises', async () => {
    const webhook = await pipedrive.client.createWebhook({
      subscriptionUrl: receiverUrl,
      eventAction: 'change',
      eventObject: 'deal',
      name: 'Pipedrive → Xero (wins)',
      httpAuthUser: 'hook-user',
      httpAuthPassword: 'hook-pass',
    });
    await control(pd.url, 'POST', `/__sandbox/pipedrive/companies/7001/deals/1/won`, {});
    const transitions = (await deliveries()).map((delivery) =>
      detectDealTransition(delivery.event!),
    );
    assert.equal(transitions.length, 1);
    const transition = transitions[0];
    assert.ok(
      transition?.kind === 'won' || (transition?.kind === 'stage_changed' && transition.won),
      JSON.stringify(transition),
    );
    await pipedrive.client.deleteWebhook(webhook.id);
  });
});
