import type { LoggedRequest } from '../../sandbox/common/request-log.js';
import { demoApp } from '../../sandbox/pipedrive/store/seed-demo.js';
import type { Clock } from '../../src/clock.js';
import { PipedriveClient } from '../../src/pipedrive/client.js';
import { PipedriveOAuth, type PipedriveTokenSet } from '../../src/pipedrive/oauth.js';
import { PipedriveTokenManager, type TokenEvent } from '../../src/pipedrive/token-manager.js';
import { InMemoryPipedriveTokenStore } from '../../src/pipedrive/token-store-memory.js';

/**
 * The app's Pipedrive side wired to a running sandbox: OAuth against its OAuth routes, an
 * in-memory token store, a client on the token's api_domain. `sleep` records the waits the
 * transport asks for and returns at once (or moves the sandbox clock), so nothing really waits.
 */
export interface ConnectedPipedrive {
  oauth: PipedriveOAuth;
  store: InMemoryPipedriveTokenStore;
  manager: PipedriveTokenManager;
  tokens: PipedriveTokenSet;
  client: PipedriveClient;
  waits: number[];
  events: TokenEvent[];
  clock: Clock & { advance(ms: number): void };
}

export const CONNECTION = 'pipedrive:7001';

export async function connectPipedrive(
  sandboxUrl: string,
  options: { pageSize?: number; sleep?: (ms: number) => void } = {},
): Promise<ConnectedPipedrive> {
  let offsetMs = 0;
  const clock = {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms: number) => void (offsetMs += ms),
  };
  const oauth = new PipedriveOAuth(
    { oauthBaseUrl: sandboxUrl, clientId: demoApp.clientId, clientSecret: demoApp.clientSecret },
    { clock },
  );
  const tokens = await oauth.exchangeCode(await approveInstall(oauth), demoApp.callbackUrl);
  const store = new InMemoryPipedriveTokenStore();
  await store.save(CONNECTION, tokens);
  const events: TokenEvent[] = [];
  const manager = new PipedriveTokenManager({
    port: store,
    oauth,
    clock,
    onEvent: (event) => events.push(event),
  });
  const waits: number[] = [];
  const client = new PipedriveClient({
    apiDomain: tokens.apiDomain,
    tokens: manager.forConnection(CONNECTION),
    clock,
    sleep: async (ms) => {
      waits.push(ms);
      options.sleep?.(ms);
    },
    ...(options.pageSize !== undefined && { pageSize: options.pageSize }),
  });
  return { oauth, store, manager, tokens, client, waits, events, clock };
}

/** Follows the install URL as the consenting admin would (the sandbox's auto-approve). */
export async function approveInstall(oauth: PipedriveOAuth, state = 'install-1'): Promise<string> {
  const url = `${oauth.installUrl({ state, redirectUri: demoApp.callbackUrl })}&auto_approve=1`;
  const response = await fetch(url, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? 'http://invalid/');
  const code = location.searchParams.get('code');
  if (response.status !== 302 || !code || location.searchParams.get('state') !== state) {
    throw new Error(`install not approved: ${response.status} ${location}`);
  }
  return code;
}

/** The sandbox's request log, filtered by method and path prefix. */
export async function loggedRequests(
  sandboxUrl: string,
  filter: { method?: string; path?: string } = {},
): Promise<LoggedRequest[]> {
  const query = new URLSearchParams(filter as Record<string, string>);
  const response = await fetch(`${sandboxUrl}/__sandbox/requests?${query}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

export async function control(
  sandboxUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const response = await fetch(`${sandboxUrl}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
