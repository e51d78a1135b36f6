import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * Fault injection for the next N matching vendor calls.
 *
 * Kinds:
 * - `500`, `503`, `429`: answered at once with the vendor's error shape (the server supplies it);
 *   nothing is processed.
 * - `timeout`: the request is held unanswered (nothing processed) until the client gives up or
 *   `holdMs` passes, then the socket is closed.
 * - `drop-response`: the request is processed and committed, then the connection is destroyed
 *   before the response is written ("commit but drop the response").
 *
 * A rule with `probability` below 1 strikes each matching call with that chance (drawn from a
 * generator seeded by `seed`, so a run can be repeated) until it has struck `times` calls: a steady
 * share of failures, as a flaky vendor gives, rather than the next N calls.
 */
export const faultRuleSchema = z.strictObject({
  kind: z.enum(['500', '503', '429', 'timeout', 'drop-response']),
  method: z.string().toUpperCase().optional(),
  /** A path prefix ("/api.xro/2.0/Invoices") or, wrapped in slashes, a regular expression. */
  path: z.string().optional(),
  times: z.number().int().positive().default(1),
  /** Seconds for the Retry-After header of an injected 429. */
  retryAfter: z.number().int().nonnegative().default(1),
  holdMs: z.number().int().positive().default(30_000),
  /** Chance that a matching call is struck; 1 (every matching call) by default. */
  probability: z.number().gt(0).max(1).default(1),
  /** Seed of the rule's random draws; a random one by default. */
  seed: z.number().int().optional(),
});
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

export interface ActiveFault extends FaultRule {
  id: number;
  remaining: number;
  hits: number;
}

interface ArmedFault extends ActiveFault {
  draw: () => number;
}

/** How a server answers an injected status fault in its own vendor's shape. */
export type StatusFaultResponder = (
  reply: FastifyReply,
  status: 429 | 500 | 503,
  rule: FaultRule,
) => FastifyReply;

const DROPPED = Symbol('dropResponse');

export class FaultInjector {
  private rules: ArmedFault[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): ActiveFault {
    const rule = faultRuleSchema.parse(input);
    const armed: ArmedFault = {
      ...rule,
      id: this.nextId++,
      remaining: rule.times,
      hits: 0,
      draw: seededRandom(rule.seed ?? Math.floor(Math.random() * 2 ** 32)),
    };
    this.rules.push(armed);
    return viewOf(armed);
  }

  list(): ActiveFault[] {
    return this.rules.map(viewOf);
  }

  clear(): void {
    this.rules = [];
  }

  /** Takes one use of the first rule that matches this call and strikes it, if any. */
  take(method: string, path: string): ActiveFault | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method === method.toUpperCase()) &&
        (candidate.path === undefined || pathMatches(candidate.path, path)) &&
        (candidate.probability >= 1 || candidate.draw() < candidate.probability),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    rule.hits += 1;
    if (rule.remaining === 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return rule;
  }

  /**
   * Installs the hooks. Call after the request log is attached (so faulted calls are logged) and
   * before vendor hooks such as auth or rate limits (so a fault replaces the whole call).
   */
  attach(app: FastifyInstance, respond: StatusFaultResponder): void {
    app.addHook('preHandler', async (request, reply) => {
      const path = request.url.split('?')[0] ?? request.url;
      if (path.startsWith('/__sandbox')) return;
      const rule = this.take(request.method, path);
      if (!rule) return;
      switch (rule.kind) {
        case 'drop-response':
          (request as FastifyRequest & { [DROPPED]?: true })[DROPPED] = true;
          return;
        case 'timeout':
          return holdUnanswered(request, reply, rule.holdMs);
        default:
          return respond(reply, Number(rule.kind) as 429 | 500 | 503, rule);
      }
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if ((request as FastifyRequest & { [DROPPED]?: true })[DROPPED]) {
        reply.raw.socket?.destroy();
      }
      return payload;
    });
  }
}

function viewOf({ draw: _draw, ...rule }: ArmedFault): ActiveFault {
  return { ...rule };
}

/** mulberry32: a small, well-spread 32-bit generator; enough for fault draws. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function pathMatches(pattern: string, path: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    return new RegExp(pattern.slice(1, -1)).test(path);
  }
  return path.toLowerCase().startsWith(pattern.toLowerCase());
}

function holdUnanswered(request: FastifyRequest, reply: FastifyReply, holdMs: number) {
  reply.hijack();
  const timer = setTimeout(() => request.raw.socket.destroy(), holdMs);
  timer.unref();
  request.raw.socket.once('close', () => clearTimeout(timer));
  return reply;
}
