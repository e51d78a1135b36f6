import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';

import type { HttpDeps } from './deps.js';
import { HttpError, routeNotFound } from './error-handler.js';

/**
 * What every answer gets (docs/access.md "Headers and limits"):
 * - security headers (helmet): a CSP whose `frame-ancestors` admits Pipedrive only — its web app on
 *   https://*.pipedrive.com frames the settings page (docs/vendors/pipedrive.md §7.4), plus the
 *   configured Pipedrive OAuth host's origin, which in sandbox mode is the sandbox that plays it;
 *   scripts from this app only; `Referrer-Policy: no-referrer`; `nosniff`. No X-Frame-Options: it
 *   cannot name Pipedrive, and CSP `frame-ancestors` supersedes it.
 * - `Cache-Control: no-store` on everything but the pages' static scripts: pages and answers show
 *   a company's data.
 * - a rate limit per company (the id in the path, query or form; the caller's address otherwise).
 * - a coded 404 for unknown routes.
 */
export async function registerSecurity(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  await app.register(cookie);
  const https = deps.publicUrl().startsWith('https:');
  const pipedriveOrigins = [
    ...new Set(['https://*.pipedrive.com', new URL(deps.pipedriveOAuthUrl).origin]),
  ];
  // Helmet's middleware is built once, here, and run for every answer: @fastify/helmet built it
  // anew for every request (its options checked, its CSP directives parsed), which cost a webhook
  // more than all its other headers (bench/intake.bench.ts). The headers are the same.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The pages keep their small stylesheet inline (http/html.ts).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: pipedriveOrigins,
        ...(https && { upgradeInsecureRequests: [] }),
      },
    },
    xFrameOptions: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    // Pipedrive's page opens the settings page in its iframe and the SDK talks to it by postMessage.
    crossOriginOpenerPolicy: false,
    strictTransportSecurity: https,
  });
  // Helmet throws what goes wrong (since 8.1) and calls its `next` with nothing.
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, () => done());
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/ui/static/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  await app.register(rateLimit, {
    max: deps.rateLimitPerMinute,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: rateKey,
    allowList: (request) => request.url === '/health',
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `More than ${context.max} requests in a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, routeNotFound);
}

const COMPANY_ID = /^[1-9][0-9]{0,15}$/;

/** The company a request acts for, as far as can be told before it is parsed; else its address. */
function rateKey(request: FastifyRequest): string {
  const params = request.params as Record<string, unknown> | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const body = request.body as Record<string, unknown> | undefined;
  for (const value of [
    params?.['id'],
    params?.['companyId'],
    query?.['company'],
    query?.['companyId'],
    typeof body === 'object' && body !== null ? body['company'] : undefined,
  ]) {
    if (typeof value === 'string' && COMPANY_ID.test(value)) return `company:${value}`;
  }
  return `address:${request.ip}`;
}
