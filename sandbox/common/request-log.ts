import type { FastifyInstance } from 'fastify';

/** One request as the sandbox received it, for tests to read back through the control API. */
export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  url: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status?: number;
}

/** Keeps the last `capacity` vendor-route requests (control routes under /__sandbox are not logged). */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly capacity = 5000) {}

  list(filter: { method?: string; pathPrefix?: string; sinceSeq?: number } = {}): LoggedRequest[] {
    return this.entries.filter(
      (entry) =>
        (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
        (filter.pathPrefix === undefined || entry.path.startsWith(filter.pathPrefix)) &&
        (filter.sinceSeq === undefined || entry.seq > filter.sinceSeq),
    );
  }

  clear(): void {
    this.entries = [];
  }

  /** Records each request once its body is parsed and its status once it is answered. */
  attach(app: FastifyInstance, now: () => number): void {
    const byRequest = new WeakMap<object, LoggedRequest>();
    app.addHook('preHandler', async (request) => {
      const path = request.url.split('?')[0] ?? request.url;
      if (path.startsWith('/__sandbox')) return;
      const entry: LoggedRequest = {
        seq: ++this.seq,
        at: new Date(now()).toISOString(),
        method: request.method,
        url: request.url,
        path,
        headers: { ...request.headers },
        body: request.body ?? null,
      };
      byRequest.set(request, entry);
      this.entries.push(entry);
      if (this.entries.length > this.capacity) this.entries.shift();
    });
    app.addHook('onResponse', async (request, reply) => {
      const entry = byRequest.get(request);
      if (entry) entry.status = reply.statusCode;
    });
  }
}
