import { SandboxClock } from '../../sandbox/common/clock.js';
import {
  createSandboxCore,
  listenSandbox,
  type RunningSandbox,
} from '../../sandbox/common/server.js';
import {
  registerAccountingControlRoutes,
  registerAccountingRoutes,
  XeroBooks,
} from '../../sandbox/xero/accounting/index.js';
import type { XeroCaller, XeroChangeEvent } from '../../sandbox/xero/world.js';

/**
 * The Xero sandbox's books alone behind real HTTP: the tenant comes from the `xero-tenant-id`
 * header, with no OAuth, rate limits or faults in the way, for tests of the accounting routes'
 * arithmetic and validation. The composed server (sandbox/xero/server.ts) adds those layers; its
 * own tests and every app-level kit go through it.
 */
export interface BooksServer extends RunningSandbox {
  books: XeroBooks;
  clock: SandboxClock;
  events: XeroChangeEvent[];
  /** fetch against /api.xro/2.0 for one tenant, JSON in and out. */
  api(
    tenantId: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export async function startBooksServer(): Promise<BooksServer> {
  const clock = new SandboxClock(Date.UTC(2026, 9, 1, 0, 0, 0));
  const events: XeroChangeEvent[] = [];
  const books = new XeroBooks({ clock, onChange: (event) => events.push(event) });
  const core = createSandboxCore({
    clock,
    respondToFault: (reply, status) => reply.code(status).send(),
    reset: (seed) => books.reset(seed === 'empty' ? 'empty' : 'demo'),
  });
  core.app.register(
    async (scope) => {
      scope.addHook('onRequest', async (request) => {
        const tenantId = String(request.headers['xero-tenant-id'] ?? '');
        const caller: XeroCaller = {
          clientId: 'test-client',
          userId: 'test-user',
          tenantId,
          scopes: [],
        };
        (request as { xeroCaller?: XeroCaller }).xeroCaller = caller;
      });
      registerAccountingRoutes(scope, books);
    },
    { prefix: '/api.xro/2.0' },
  );
  registerAccountingControlRoutes(core.app, books);
  const running = await listenSandbox(core);
  return {
    ...running,
    books,
    clock,
    events,
    api: (tenantId, method, path, body, headers = {}) =>
      fetch(`${running.url}/api.xro/2.0${path}`, {
        method,
        headers: {
          'xero-tenant-id': tenantId,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}
