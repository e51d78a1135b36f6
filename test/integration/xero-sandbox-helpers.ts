import assert from 'node:assert/strict';

import { SandboxClock } from '../../sandbox/common/clock.js';
import { listenSandbox } from '../../sandbox/common/server.js';
import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import {
  buildXeroSandbox,
  type XeroSandbox,
  type XeroSandboxOptions,
} from '../../sandbox/xero/server.js';

/** Shared set-up for the Xero sandbox identity/transport integration tests (real HTTP on loopback). */
export const REDIRECT_URI = 'http://localhost:3000/oauth/xero/callback';
export const FULL_SCOPE =
  'openid profile email offline_access accounting.invoices accounting.contacts accounting.settings';

export interface StartedXero {
  sandbox: XeroSandbox;
  url: string;
  close(): Promise<void>;
}

/** A clock that stands still unless a test advances it, so windows and TTLs are exact. */
export function frozenClock(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)): SandboxClock {
  const clock = new SandboxClock(startMs);
  clock.setRate(1e-9);
  return clock;
}

export async function startXero(options: XeroSandboxOptions = {}): Promise<StartedXero> {
  const sandbox = buildXeroSandbox({ clock: frozenClock(), ...options });
  const running = await listenSandbox(sandbox);
  return { sandbox, url: running.url, close: running.close };
}

export function basicAuth(
  clientId = DEMO_XERO_APP.clientId,
  secret = DEMO_XERO_APP.clientSecret,
): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export function authorizeUrl(url: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: DEMO_XERO_APP.clientId,
    redirect_uri: REDIRECT_URI,
    scope: FULL_SCOPE,
    state: 'st-1',
    ...params,
  });
  return `${url}/identity/connect/authorize?${query}`;
}

/** One GET with auto_approve=1 → the code from the 302 Location. */
export async function getCode(url: string, params: Record<string, string> = {}): Promise<string> {
  const response = await fetch(authorizeUrl(url, { auto_approve: '1', ...params }), {
    redirect: 'manual',
  });
  assert.equal(response.status, 302, await response.text());
  const location = new URL(response.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  assert.ok(code, `no code in ${location}`);
  return code;
}

export async function postToken(
  url: string,
  form: Record<string, string>,
  authorization = basicAuth(),
): Promise<Response> {
  return fetch(`${url}/connect/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

export async function connect(url: string, params: Record<string, string> = {}): Promise<Tokens> {
  const code = await getCode(url, params);
  const response = await postToken(url, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
  });
  assert.equal(response.status, 200);
  return (await response.json()) as Tokens;
}

export async function refresh(url: string, refreshToken: string): Promise<Response> {
  return postToken(url, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** An Accounting API call as a well-behaved client makes it. */
export function api(
  url: string,
  token: string,
  path: string,
  init: {
    method?: string;
    tenantId?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
  };
  const tenantId = init.tenantId === undefined ? DEMO_TENANT_A : init.tenantId;
  if (tenantId !== null) headers['xero-tenant-id'] = tenantId;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}/api.xro/2.0${path}`, {
    method: init.method ?? 'GET',
    headers: { ...headers, ...init.headers },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}
