import { timingSafeEqual } from 'node:crypto';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { readiness } from '../services/health.js';
import type { AppMetrics } from '../services/metrics.js';
import type { HttpDeps } from './deps.js';
import { HttpError } from './error-handler.js';

/**
 * What operators and orchestrators use (docs/going-live.md "Monitoring"):
 * - GET /health/live: the process answers (200 always), with the installation's instance id
 *   (`doctor` checks PUBLIC_URL with it). GET /health is the same, kept for old probes.
 * - GET /health/ready: 200 when the database answers, every migration has run and, in a process
 *   that takes jobs, the queue runs; 503 `app_not_ready` with each check otherwise.
 * - GET /metrics: Prometheus text. It tells how busy the installation is, so it needs
 *   `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN it is off (404), except in
 *   sandbox mode (loopback, demo data). Loopback-only would not protect it behind a reverse proxy
 *   on the same machine, where every request comes from loopback.
 * - One log line per request (method, route, path without the query, which may carry a token;
 *   status, time), and the webhooks counted for the metrics.
 * A `worker` serves the three (not /health) on OPS_PORT when it is set (buildOpsServer).
 */
const WEBHOOK_ROUTES: Record<string, 'pipedrive' | 'xero'> = {
  '/webhooks/pipedrive/:companyId': 'pipedrive',
  '/webhooks/xero': 'xero',
};
const QUIET_ROUTES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

export function registerOpsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(no route)';
    const vendor = WEBHOOK_ROUTES[route];
    if (vendor !== undefined) deps.metrics?.webhookReceived(vendor, reply.statusCode);
    const line = {
      method: request.method,
      route,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (QUIET_ROUTES.has(route)) deps.logger.debug(line, 'http request');
    else deps.logger.info(line, 'http request');
  });

  app.get('/health', live(deps));
  registerProbeRoutes(app, deps);
}

/**
 * The probes and the metrics alone: the app's server has them, and so does a `worker`'s ops
 * listener (OPS_PORT, buildOpsServer), whose counters no other process can show.
 */
export function registerProbeRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/health/live', live(deps));

  app.get('/health/ready', async (_request, reply) => {
    const ready = await readiness(deps.db, deps.queueState());
    if (ready.ok) return { ok: true, checks: ready.checks };
    const failing = ready.checks.filter((check) => !check.ok);
    return reply.code(503).send({
      ok: false,
      checks: ready.checks,
      error: {
        code: 'app_not_ready',
        message: failing.map((check) => `${check.name}: ${check.detail}`).join('; '),
      },
    });
  });

  app.get('/metrics', async (request, reply) => {
    const { registry } = requireMetrics(deps, request);
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}

function live(deps: Pick<HttpDeps, 'instanceId'>) {
  return async () => ({ ok: true, instance: deps.instanceId });
}

/** The metrics, when they are on and the request carries METRICS_TOKEN (sandbox mode asks none). */
function requireMetrics(
  deps: Pick<HttpDeps, 'metrics' | 'metricsToken' | 'sandboxMode'>,
  request: FastifyRequest,
): AppMetrics {
  if (deps.metrics === undefined || (deps.metricsToken === '' && !deps.sandboxMode))
    throw new HttpError(
      404,
      'metrics_disabled',
      'Metrics are off: set METRICS_TOKEN to turn them on',
    );
  if (deps.metricsToken === '') return deps.metrics;
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const expected = Buffer.from(deps.metricsToken);
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new HttpError(401, 'metrics_unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>');
  }
  return deps.metrics;
}
