import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { SandboxClock } from '../../common/clock.js';
import {
  basicAuth,
  type Deliver,
  httpDeliver,
  type OutboundResult,
} from '../../common/http-delivery.js';
import type { PipedriveAppSeed } from '../world.js';

export interface Installation {
  companyId: number;
  userId: number;
}

export interface UninstallDeps {
  clock: SandboxClock;
  deliver?: Deliver;
  /** Real ms; default 10000. Pipedrive ignores the answer, so this only bounds the wait. */
  timeoutMs?: number;
}

/**
 * The uninstall callback (docs/vendors/pipedrive.md §1.9, §9 item 5): `DELETE <callback URL>` with JSON
 * `{client_id, company_id, user_id, timestamp}` and Basic client_id:client_secret. The response is
 * ignored by Pipedrive; it is returned here only for the record. Id types and the timestamp format
 * are unconfirmed: numbers and an ISO 8601 string. (Real Pipedrive never calls localhost; the
 * sandbox must.)
 */
export function sendUninstall(
  app: PipedriveAppSeed,
  installation: Installation,
  deps: UninstallDeps,
): Promise<OutboundResult> {
  return (deps.deliver ?? httpDeliver)({
    method: 'DELETE',
    url: app.callbackUrl,
    headers: {
      'content-type': 'application/json',
      authorization: basicAuth(app.clientId, app.clientSecret),
    },
    body: JSON.stringify({
      client_id: app.clientId,
      company_id: installation.companyId,
      user_id: installation.userId,
      timestamp: deps.clock.date().toISOString(),
    }),
    timeoutMs: deps.timeoutMs ?? 10_000,
  });
}

export interface UninstallAppDeps extends UninstallDeps {
  /** Drop the installation's access and refresh tokens (§9 item 4: uninstall = all tokens gone). */
  revokeTokens: (clientId: string, installation: Installation) => void;
  /** Drop the app's webhooks for the installation, e.g. PipedriveWebhooks.removeForApp (D-WHAPP). */
  removeAppWebhooks: (clientId: string, installation: Installation) => void;
}

/**
 * Everything an uninstall does, in Pipedrive's order: tokens and the app's webhooks go first, then
 * the app is told. Both steps are idempotent, so an uninstall that started elsewhere (a refresh
 * token revoke that already dropped the tokens) runs this too.
 */
export async function uninstallApp(
  app: PipedriveAppSeed,
  installation: Installation,
  deps: UninstallAppDeps,
): Promise<OutboundResult> {
  deps.revokeTokens(app.clientId, installation);
  deps.removeAppWebhooks(app.clientId, installation);
  return sendUninstall(app, installation, deps);
}

export interface UninstallRouteDeps extends UninstallAppDeps {
  findApp: (clientId: string) => PipedriveAppSeed | undefined;
}

const uninstallBody = z.strictObject({
  clientId: z.string().min(1),
  companyId: z.number().int().positive(),
  userId: z.number().int().positive(),
});

/** POST /__sandbox/pipedrive/uninstall: a user uninstalls the app in Pipedrive's UI. */
export function registerPipedriveUninstallRoute(
  app: FastifyInstance,
  deps: UninstallRouteDeps,
): void {
  app.post('/__sandbox/pipedrive/uninstall', async (request, reply) => {
    const body = uninstallBody.parse(request.body ?? {});
    const seed = deps.findApp(body.clientId);
    if (!seed) return reply.code(404).send({ error: `unknown app ${body.clientId}` });
    const callback = await uninstallApp(
      seed,
      { companyId: body.companyId, userId: body.userId },
      deps,
    );
    return {
      ok: true,
      callback: {
        url: seed.callbackUrl,
        status: callback.status,
        ...(callback.error && { error: callback.error }),
      },
    };
  });
}
