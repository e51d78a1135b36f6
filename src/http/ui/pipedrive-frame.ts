import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { signInFromPipedrive } from '../../services/sign-in.js';
import { idParam } from '../access.js';
import { setSessionCookie } from '../cookies.js';
import type { HttpDeps } from '../deps.js';

/**
 * The pages opened the way Pipedrive opens the app's custom settings page (docs/vendors/pipedrive.md
 * §7.4): `?id=&userId=&companyId=&token=<signed JWT>&resource=&view=&selectedIds=&theme=`. The token
 * signs the person in (services/sign-in.ts: signature, expiry, company, user, and an admin check
 * against Pipedrive), then the browser is sent to the same page without the token: a credential
 * never stays in a URL. `id` stays, as the App Extensions SDK reads it from the URL (ui.js).
 */
const frameQuery = z.object({
  id: z.string().max(100).optional(),
  companyId: idParam,
  userId: idParam,
  token: z.string().min(1).max(4000),
  theme: z.enum(['light', 'dark']).optional(),
});

export function registerPipedriveFrameSignIn(app: FastifyInstance, deps: HttpDeps): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.url.startsWith('/ui/')) return;
    const query = request.query as Record<string, unknown> | undefined;
    if (query?.['token'] === undefined) return;
    const frame = frameQuery.parse(query);
    const signed = await signInFromPipedrive(deps, deps.pipedriveClient.clientSecret, frame);
    setSessionCookie(reply, deps.publicUrl(), signed.id);
    const clean = new URLSearchParams({ company: String(frame.companyId) });
    if (frame.id !== undefined) clean.set('id', frame.id);
    if (frame.theme !== undefined) clean.set('theme', frame.theme);
    return reply.redirect(`${request.url.split('?')[0]}?${clean.toString()}`, 303);
  });
}
