/**
 * Walks the app's real OAuth flows the way a browser would, for the sandbox demo (`start`) and the
 * integration tests: our redirect → the vendor's consent page, approved with the sandbox's
 * `auto_approve` shortcut (docs/sandbox.md) → our callback. Only for the sandbox servers: real
 * Pipedrive and Xero consent pages need a person.
 */
export interface Hop {
  status: number;
  location: string | undefined;
  body: string;
  url: string;
}

export async function hop(url: string, init: RequestInit = {}): Promise<Hop> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
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
): Promise<Hop> {
  const install = await hop(`${appUrl}/oauth/pipedrive/install`);
  const callback = await hop(approved(next(install), consent));
  return hop(next(callback));
}

/** A /oauth/xero/connect link → consent → callback; the callback's page (connected or picker). */
export async function walkXeroConnect(
  connectUrl: string,
  consent: Record<string, string> = {},
): Promise<Hop> {
  const connect = await hop(connectUrl);
  const callback = await hop(approved(next(connect), consent));
  return hop(next(callback));
}

/** Submits the organisation picker page with the chosen tenant. */
export async function choosePickerTenant(
  appUrl: string,
  picker: Hop,
  tenantId: string,
): Promise<Hop> {
  const pending = /name="pending" value="([^"]+)"/.exec(picker.body)?.[1];
  if (pending === undefined) throw new Error(`not a picker page: ${picker.body.slice(0, 300)}`);
  return hop(`${appUrl}/oauth/xero/choose`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ pending: unescapeHtml(pending), tenantId }).toString(),
  });
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}
