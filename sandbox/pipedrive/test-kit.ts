import { listenSandbox, type RunningSandbox } from '../common/server.js';
import {
  buildPipedriveSandbox,
  type PipedriveSandbox,
  type PipedriveSandboxOptions,
} from './server.js';
import { demoApp } from './store/seed-demo.js';

/**
 * Helpers for tests that talk to the Pipedrive sandbox over real HTTP: start it, install the demo
 * app through the real OAuth endpoints, and call the API with the token.
 */

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
  api_domain: string;
}

export interface StartedPipedrive {
  sandbox: PipedriveSandbox;
  running: RunningSandbox;
  url: string;
}

export async function startPipedriveSandbox(
  options: PipedriveSandboxOptions = {},
): Promise<StartedPipedrive> {
  const sandbox = buildPipedriveSandbox(options);
  const running = await listenSandbox(sandbox);
  return { sandbox, running, url: running.url };
}

export function basicAuth(clientId = demoApp.clientId, secret = demoApp.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

/** Approves the consent page and returns the code from the redirect. */
export async function authorize(url: string, params: Record<string, string> = {}): Promise<string> {
  const query = new URLSearchParams({
    client_id: demoApp.clientId,
    redirect_uri: demoApp.callbackUrl,
    state: 'test-state',
    auto_approve: '1',
    ...params,
  });
  const response = await fetch(`${url}/oauth/authorize?${query}`, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? 'http://invalid/');
  const code = location.searchParams.get('code');
  if (response.status !== 302 || !code) throw new Error(`authorize failed: ${response.status}`);
  return code;
}

export async function tokenRequest(
  url: string,
  form: Record<string, string>,
  auth = basicAuth(),
): Promise<Response> {
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** Installs the demo app for a company (default: the demo company) and returns its tokens. */
export async function installDemoApp(
  url: string,
  params: Record<string, string> = {},
): Promise<TokenSet> {
  const code = await authorize(url, params);
  const response = await tokenRequest(url, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: params['redirect_uri'] ?? demoApp.callbackUrl,
  });
  if (response.status !== 200)
    throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenSet;
}

/** Calls the API under the token's `api_domain`; returns status, headers and parsed body. */
export async function api(
  tokens: Pick<TokenSet, 'access_token' | 'api_domain'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${tokens.api_domain}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens.access_token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
