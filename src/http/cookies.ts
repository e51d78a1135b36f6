import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { OAUTH_STATE_TTL_MS } from '../services/oauth-states.js';
import { SESSION_TTL_MS } from '../services/sessions.js';

/**
 * The app's two cookies (docs/access.md), both HttpOnly:
 * - `pdx_session`: a person's session id. Pipedrive shows the settings page in an iframe on
 *   *.pipedrive.com, a third-party context, where a browser sends only `SameSite=None; Secure`
 *   cookies (and Chrome keeps them per top-level site with `Partitioned`, CHIPS:
 *   https://developer.mozilla.org/en-US/docs/Web/Privacy/Guides/Privacy_sandbox/Partitioned_cookies).
 *   Over plain http (the sandbox on loopback) Secure cookies are not kept, so there it is `Lax`.
 * - `pdx_oauth`: the browser's nonce that OAuth `state` values are bound to; the callbacks are
 *   top-level navigations from the vendor, which `Lax` cookies accompany.
 */
export const SESSION_COOKIE = 'pdx_session';
export const OAUTH_COOKIE = 'pdx_oauth';

function secure(publicUrl: string): boolean {
  return publicUrl.startsWith('https:');
}

export function setSessionCookie(reply: FastifyReply, publicUrl: string, id: string): void {
  const options: CookieSerializeOptions = secure(publicUrl)
    ? { sameSite: 'none', secure: true, partitioned: true }
    : { sameSite: 'lax', secure: false };
  reply.setCookie(SESSION_COOKIE, id, {
    ...options,
    httpOnly: true,
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function setOAuthCookie(reply: FastifyReply, publicUrl: string, nonce: string): void {
  reply.setCookie(OAUTH_COOKIE, nonce, {
    httpOnly: true,
    secure: secure(publicUrl),
    sameSite: 'lax',
    path: '/',
    maxAge: Math.floor(OAUTH_STATE_TTL_MS / 1000),
  });
}

export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.cookies[name];
  return typeof value === 'string' && value !== '' && value.length <= 200 ? value : undefined;
}
