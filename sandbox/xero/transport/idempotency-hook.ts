import type { FastifyInstance, FastifyRequest } from 'fastify';

import {
  type IdempotencyBegin,
  type IdempotencyStore,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from './idempotency.js';
import { validationException } from './problems.js';

/** docs/vendors/xero.md §3: only these methods honour the key; GET/DELETE ignore it. */
const KEYED_METHODS = new Set(['PUT', 'POST', 'PATCH']);
/** Response headers worth replaying (rate-limit headers are fresh on every call). */
const REPLAYED_HEADERS = ['content-type', 'location'];

/**
 * Runs the Idempotency-Key rules as the last preHandler: the first request runs and its response
 * (captured in onSend, errors included) is stored; a repeat replays it without running the handler;
 * a duplicate arriving while the first runs waits for it, then replays.
 */
export function registerIdempotencyHook(scope: FastifyInstance, store: IdempotencyStore): void {
  const running = new WeakMap<FastifyRequest, Extract<IdempotencyBegin, { kind: 'fresh' }>>();

  scope.addHook('preHandler', async (request, reply) => {
    const caller = request.xeroCaller;
    const key = request.headers['idempotency-key'];
    if (!caller || typeof key !== 'string' || key === '' || !KEYED_METHODS.has(request.method))
      return;
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return reply
        .code(400)
        .send(
          validationException(
            `Idempotency Key: ${key} must be ${MAX_IDEMPOTENCY_KEY_LENGTH} characters or fewer.`,
          ),
        );
    }
    const fingerprint = `${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`;
    for (;;) {
      const begun = store.begin(`${caller.clientId}/${caller.tenantId}`, key, fingerprint);
      switch (begun.kind) {
        case 'fresh':
          // Being the last preHandler, the handler runs next, so onSend will see its response even
          // if the client hangs up meanwhile (docs/vendors/xero.md §3: the key then replays what was created).
          running.set(request, begun);
          return;
        case 'replay':
          return reply
            .code(begun.response.status)
            .headers(begun.response.headers)
            .send(begun.response.body);
        case 'conflict':
          return reply
            .code(400)
            .send(validationException(`Idempotency Key: ${key} is used with a different request.`));
        case 'wait':
          await begun.settled;
      }
    }
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const begun = running.get(request);
    if (!begun) return payload;
    running.delete(request);
    if (
      typeof payload === 'string' ||
      Buffer.isBuffer(payload) ||
      payload === null ||
      payload === undefined
    ) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      begun.complete({ status: reply.statusCode, headers, body: payload ?? '' });
    } else {
      begun.abandon(); // a streamed body cannot be stored; let a retry run instead of hanging
    }
    return payload;
  });
}
