import type { FastifyReply, FastifyRequest } from 'fastify';

import { requireCompany } from '../../services/company.js';
import { issueOAuthState, newBrowserNonce, type OAuthStart } from '../../services/oauth-states.js';
import { pipedriveAuthorizeUrl } from '../../services/pipedrive-install.js';
import { xeroConsentUrl } from '../../services/xero-connect.js';
import { cookieOf, OAUTH_COOKIE, setOAuthCookie } from '../cookies.js';
import type { HttpDeps } from '../deps.js';

/**
 * Sends the browser to the vendor's consent page with a fresh `state` bound to its `pdx_oauth`
 * cookie (set here when the browser has none), so only this browser can finish the flow.
 */
export async function startOAuth(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  start: OAuthStart,
) {
  // A refused start stores nothing: the company must exist before a state is issued for it.
  if (start.companyId !== undefined) await requireCompany(deps.db, start.companyId);
  // A refused start stores nothing: the company must exist before a state is issued for it.
  if (start.companyId !== undefined) await requireCompany(deps.db, start.companyId);
  let nonce = cookieOf(request, OAUTH_COOKIE);
  if (nonce === undefined) {
    nonce = newBrowserNonce();
    setOAuthCookie(reply, deps.publicUrl(), nonce);
  }
  const state = await issueOAuthState(deps, nonce, start);
  const target =
    start.purpose === 'xero-connect'
      ? await xeroConsentUrl(deps, start.companyId!, state)
      : pipedriveAuthorizeUrl(deps, state);
  return reply.redirect(target, 302);
}
