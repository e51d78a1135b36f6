import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';

import { SandboxClock } from './clock.js';
import { FaultInjector, type StatusFaultResponder } from './faults.js';
import { RequestLog } from './request-log.js';

/** What every sandbox server shares: its clock, fault rules, request log and control routes. */
export interface SandboxCore {
  app: FastifyInstance;
  clock: SandboxClock;
  faults: FaultInjector;
  requests: RequestLog;
}

export interface SandboxCoreOptions {
  clock?: SandboxClock;
  /** pino log level for the server's own logs; 'silent' by default (tests read the request log). */
  logLevel?: string;
  respondToFault: StatusFaultResponder;
  /** Restores the server's state; `seed` names a data set ('demo' or 'empty'). */
  reset: (seed: string) => void;
}

/** A started sandbox server. */
export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

const clockChange = z.strictObject({
  advanceMs: z.number().nonnegative().optional(),
  advanceSeconds: z.number().nonnegative().optional(),
  rate: z.number().positive().optional(),
});

export function createSandboxCore(options: SandboxCoreOptions): SandboxCore {
  const clock = options.clock ?? new SandboxClock();
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    bodyLimit: 10 * 1024 * 1024,
    // Vendor routes are case-sensitive in places (Xero's PascalCase paths) and in others not;
    // each server registers the spellings it accepts.
    routerOptions: { caseSensitive: false },
  });
  app.register(formbody);
  requests.attach(app, () => clock.now());
  faults.attach(app, options.respondToFault);

  app.post('/__sandbox/reset', async (request) => {
    const body = z.strictObject({ seed: z.string().default('demo') }).parse(request.body ?? {});
    options.reset(body.seed);
    faults.clear();
    requests.clear();
    return { ok: true, seed: body.seed };
  });
  app.get('/__sandbox/clock', async () => ({
    now: clock.date().toISOString(),
    rate: clock.getRate(),
  }));
  app.post('/__sandbox/clock', async (request) => {
    const change = clockChange.parse(request.body ?? {});
    const advance = (change.advanceMs ?? 0) + (change.advanceSeconds ?? 0) * 1000;
    if (advance > 0) clock.advance(advance);
    if (change.rate !== undefined) clock.setRate(change.rate);
    return { now: clock.date().toISOString(), rate: clock.getRate() };
  });
  app.get('/__sandbox/faults', async () => ({ faults: faults.list() }));
  app.post('/__sandbox/faults', async (request, reply) => {
    const rule = faults.add(request.body as never);
    return reply.code(201).send({ fault: rule });
  });
  app.delete('/__sandbox/faults', async () => {
    faults.clear();
    return { ok: true };
  });
  app.get('/__sandbox/requests', async (request) => {
    const query = z
      .object({
        method: z.string().optional(),
        path: z.string().optional(),
        since: z.coerce.number().int().optional(),
      })
      .parse(request.query);
    return {
      requests: requests.list({
        ...(query.method !== undefined && { method: query.method }),
        ...(query.path !== undefined && { pathPrefix: query.path }),
        ...(query.since !== undefined && { sinceSeq: query.since }),
      }),
    };
  });
  app.delete('/__sandbox/requests', async () => {
    requests.clear();
    return { ok: true };
  });

  // Control-API input errors are the caller's (a test's) mistake: say exactly what was wrong.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof z.ZodError) {
      return reply.code(400).send({ error: 'invalid_request', issues: error.issues });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    return reply.code(status).send({ error: error.message });
  });
  return { app, clock, faults, requests };
}

/** Listens on loopback; port 0 picks a free port. */
export async function listenSandbox(
  core: SandboxCore,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningSandbox> {
  const address = await core.app.listen({ port, host });
  return {
    url: address.replace('[::1]', 'localhost'),
    close: async () => {
      core.clock.stop();
      await core.app.close();
    },
  };
}
