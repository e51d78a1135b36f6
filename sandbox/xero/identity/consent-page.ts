import { XERO_WEB_CSS } from '../web/style.js';
import type { TenantInfo, XeroAppSeed, XeroUserSeed } from '../world.js';

/**
 * The HTML of the login host: the consent page (tick organisations, Allow / Cancel) and the error
 * page shown instead of a redirect when the client or redirect_uri is wrong (docs/vendors/xero.md §1.1: Xero
 * never redirects to an unregistered URI).
 */
export interface ConsentRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
}

export function renderConsentPage(input: {
  app: XeroAppSeed;
  user: XeroUserSeed;
  tenants: TenantInfo[];
  request: ConsentRequest;
  scopes: string[];
  message?: string;
}): string {
  const { app, user, tenants, request } = input;
  const hidden = Object.entries({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    login_hint: user.email,
  })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const boxes = tenants
    .map(
      (tenant) =>
        `<label><input type="checkbox" name="tenant" value="${escapeHtml(tenant.tenantId)}" checked> ${escapeHtml(tenant.tenantName)}</label>`,
    )
    .join('<br>\n      ');
  const scopes = input.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  return page(
    `Connect ${app.name}`,
    `<h1>${escapeHtml(app.name)} wants to access your Xero data</h1>
    <p>Signed in as ${escapeHtml(`${user.givenName} ${user.familyName}`)} (${escapeHtml(user.email)})</p>
    ${input.message ? `<p role="alert">${escapeHtml(input.message)}</p>` : ''}
    <p>Permissions requested:</p><ul>${scopes}</ul>
    <form method="post" action="/identity/connect/authorize">
      ${hidden}
      <fieldset><legend>Organisations to connect</legend>
      ${boxes}
      </fieldset>
      <button type="submit" name="action" value="allow" class="primary">Allow access</button>
      <button type="submit" name="action" value="deny">Cancel</button>
    </form>`,
  );
}

export function renderErrorPage(message: string): string {
  return page(
    'Xero sandbox: authorization error',
    `<h1>Something went wrong</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title><style>${XERO_WEB_CSS}</style></head>
  <body><header class="xero">Xero <span>sandbox</span></header>
    <main><div class="sheet">${body}</div></main>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
