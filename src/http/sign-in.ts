import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { endSession, sessionOf } from '../services/sessions.js';
import { idParam, requireCompanyAccess } from './access.js';
import { cookieOf, SESSION_COOKIE } from './cookies.js';
import type { HttpDeps } from './deps.js';
import { HttpError } from './error-handler.js';
import { page } from './html.js';
import { startOAuth } from './oauth/start.js';

/**
 * Signing in outside Pipedrive (docs/access.md): GET /auth/pipedrive?return=<page> sends the person
 * through Pipedrive OAuth (http/oauth/pipedrive.ts finishes it: an admin of the company gets a
 * session and returns to the page). POST /auth/sign-out ends the session (CSRF-checked like every
 * form).
 */
const signInQuery = z.object({
  company: idParam.optional(),
  // Only a page of this app: a path, never another host (`//host` or a scheme).
  return: z
    .string()
    .max(1000)
    .regex(/^\/(ui|companies|oauth\/xero\/connect)[/?]/, 'must be a page of this app')
    .optional(),
});
const signOutBody = z.object({ company: idParam });

export function registerSignInRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/auth/pipedrive', html, async (request, reply) => {
    const query = signInQuery.parse(request.query);
    return startOAuth(deps, request, reply, {
      purpose: 'pipedrive-sign-in',
      ...(query.return !== undefined && { returnTo: query.return }),
    });
  });

  app.post('/auth/sign-out', html, async (request, reply) => {
    const { company } = signOutBody.parse(request.body);
    const access = await requireCompanyAccess(deps, request, reply, company);
    const id = cookieOf(request, SESSION_COOKIE);
    if (access.via !== 'session' || id === undefined || (await sessionOf(deps, id)) === undefined)
      throw new HttpError(400, 'request_invalid', 'There is no session to end');
    await endSession(deps, id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply
      .type('text/html; charset=utf-8')
      .send(page('Signed out', '<p>You are signed out.</p>'));
  });
}
