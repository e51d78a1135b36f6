/**
 * Walks the app's real OAuth flows the way a browser would, for the sandbox demo (`start`) and the
 * integration tests: our redirect → the vendor's consent page, approved with the sandbox's
 * `auto_approve` shortcut (docs/sandbox.md) → our callback. Only for the sandbox servers: real
 * Pipedrive and Xero consent pages need a person. Like a browser it keeps cookies (a `CookieJar`):
 * the OAuth `state` is bound to the browser that started the flow, and the install signs the
 * admin in (docs/access.md), which the Xero connect that follows needs.
 */

/** The cookies one "browser" holds, by name (no domains or paths: one app, on loopback). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface Hop {
  status: number;
  location: string | undefined;
  body: string;
  url: string;
}

export async function hop(
  url: string,
  init: RequestInit = {},
  jar: CookieJar = new CookieJar(),
): Promise<Hop> {
  const headers = new Headers(init.headers);
  if (jar.cookies.size > 0) headers.set('cookie', jar.header());
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.keep(response);
  const location = response.headers.get('location') ?? undefined;
  return {
    status: response.status,
    location: location === undefined ? undefined : new URL(location, url).toString(),
    body: await response.text(),
    url,
  };
}

function next(from: Hop): string {
  if (from.location === undefined || from.status < 300 || from.status >= 400) {
    throw new Error(
      `expected a redirect from ${from.url}, got ${from.status}: ${from.body.slice(0, 300)}`,
    );
  }
  return from.location;
}

function approved(consentUrl: string, extra: Record<string, string>): string {
  const url = new URL(consentUrl);
  url.searchParams.set('auto_approve', '1');
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return url.toString();
}

/** /oauth/pipedrive/install → consent → callback; the callback's answer (303 to Xero, or a page). */
export async function walkPipedriveInstall(
  appUrl: string,
  consent: Record<string, string> = {},
  jar: CookieJar = new CookieJar(),
): Promise<Hop> {
  const install = await hop(`${appUrl}/oauth/pipedrive/install`, {}, jar);
  const callback = await hop(approved(next(install), consent), {}, jar);
  return hop(next(callback), {}, jar);
}

/** A /oauth/xero/connect link → consent → callback; the callback's page (connected or picker). */
export async function walkXeroConnect(
  connectUrl: string,
  consent: Record<string, string> = {},
  jar: CookieJar = new CookieJar(),
): Promise<Hop> {
  const connect = await hop(connectUrl, {}, jar);
  const callback = await hop(approved(next(connect), consent), {}, jar);
  return hop(next(callback), {}, jar);
}

/** Submits the organisation picker page with the chosen tenant. */
export async function choosePickerTenant(
  appUrl: string,
  picker: Hop,
  tenantId: string,
  jar: CookieJar = new CookieJar(),
): Promise<Hop> {
  const pending = /name="pending" value="([^"]+)"/.exec(picker.body)?.[1];
  if (pending === undefined) throw new Error(`not a picker page: ${picker.body.slice(0, 300)}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(picker.body)?.[1] ?? '';
  return hop(
    `${appUrl}/oauth/xero/choose`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        pending: unescapeHtml(pending),
        tenantId,
        _csrf: unescapeHtml(csrf),
      }).toString(),
    },
    jar,
  );
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}

/**
 * Headers that act as the person signed in in `jar` (after an install walk): the session cookie
 * and its CSRF token, read from the settings page as a browser's script would.
 */
export async function sessionHeaders(
  appUrl: string,
  jar: CookieJar,
  companyId: number,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const settings = await hop(`${appUrl}/ui/settings?company=${companyId}`, {}, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(settings.body)?.[1];
  if (csrf === undefined)
    throw new Error(`not signed in: ${settings.status} ${settings.body.slice(0, 300)}`);
  return { cookie: jar.header(), 'x-csrf-token': unescapeHtml(csrf) };
}
