/**
 * Webhook intake under load: `connections` keep-alive connections post Pipedrive deal-change
 * events to the app as fast as it answers, for `seconds`. Each event has a new id, a random UUID
 * as Pipedrive's `meta.id` is: the store's dedupe index then grows at random places, as it does in
 * production (a counter kept it appending, some 20 µs of the app's time per event cheaper). Each
 * is a move to a stage no trigger waits for, as most deal edits are. The load generator is
 * node:http with a keep-alive agent (autocannon is not a dependency); it runs in the bench process,
 * on the same 2 cores, at some 60 µs of CPU per request against the app's 160-190: the app's one
 * JavaScript thread, not the generator, is what gives out first.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

import { stageChangeEvent } from '../../test/support/pipedrive-webhook.js';
import { COMPANY_ID, WEBHOOK } from './app-process.js';

export interface IntakeFigures {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/** Each a new event id; a move to a stage no trigger waits for, as most deal edits are. */
const body = (index: number) =>
  stageChangeEvent(COMPANY_ID, randomUUID(), {
    id: 1 + (index % 500),
    from: 2,
    to: 3,
  });

export async function measureIntake(
  baseUrl: string,
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<IntakeFigures> {
  const url = new URL(`/webhooks/pipedrive/${COMPANY_ID}`, baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const authorization = `Basic ${Buffer.from(`${WEBHOOK.user}:${WEBHOOK.password}`).toString('base64')}`;
  let index = 0;
  const post = () =>
    new Promise<number>((resolve, reject) => {
      const payload = body(index++);
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            authorization,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < until) {
          const sent = performance.now();
          const status = await post().catch(() => 0);
          latencies.push(performance.now() - sent);
          if (status !== 200) errors += 1;
        }
      }),
    );
    return { latencies, errors, elapsed: (performance.now() - started) / 1000 };
  };
  await run(options.warmupSeconds);
  const { latencies, errors, elapsed } = await run(options.seconds);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50Ms: Math.round(at(0.5) * 10) / 10,
    p99Ms: Math.round(at(0.99) * 10) / 10,
  };
}
