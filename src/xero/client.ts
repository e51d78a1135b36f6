import createClient from 'openapi-fetch';

import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { contactGroupCalls } from './calls/contact-groups.js';
import { contactCalls } from './calls/contacts.js';
import { createCallContext } from './calls/context.js';
import { documentCalls } from './calls/documents.js';
import { itemCalls } from './calls/items.js';
import { referenceDataCalls } from './calls/reference-data.js';
import type { paths } from './generated/accounting.js';
import { createXeroOAuth, type XeroIdentityUrls, type XeroOAuth } from './oauth.js';
import { createTenantLimiter, type XeroTenantLimiter } from './rate-limiter.js';
import { XeroTokenManager, type XeroTokenPort } from './token-manager.js';
import { createTransport, type TransportDeps } from './transport.js';

export type { XeroContactKeys, XeroContactQuery } from './calls/contacts.js';
export { whereString } from './calls/context.js';
export type { XeroDocumentRef } from './calls/documents.js';

/** The app's Xero client: every call the integration makes, typed from Xero's spec (docs/vendors/xero.md §2–§12). */
export interface XeroClientDeps {
  /** Xero: login.xero.com, identity.xero.com, api.xero.com, api.xero.com/api.xro/2.0. */
  baseUrls: XeroIdentityUrls & { accounting: string };
  clientId: string;
  clientSecret: string;
  /** Default: global fetch. */
  fetch?: typeof fetch;
  clock: Clock;
  tokens: XeroTokenPort;
  /** Default: in-process, 5 concurrent and 60/min per tenant (docs/vendors/xero.md §7). */
  limiter?: XeroTenantLimiter;
  logger?: Logger;
  /** Transport tuning; each option documents its default in transport.ts. */
  transport?: Pick<TransportDeps, 'maxRateLimitWaitMs' | 'maxRateLimitRetries' | 'timeoutMs'>;
}

export function createXeroClient(deps: XeroClientDeps) {
  const oauth: XeroOAuth = createXeroOAuth({
    baseUrls: deps.baseUrls,
    clientId: deps.clientId,
    clientSecret: deps.clientSecret,
    clock: deps.clock,
    ...(deps.fetch && { fetch: deps.fetch }),
  });
  const tokens = new XeroTokenManager({
    oauth,
    tokens: deps.tokens,
    clock: deps.clock,
    ...(deps.logger && { logger: deps.logger }),
  });
  const limiter = deps.limiter ?? createTenantLimiter({ clock: deps.clock });
  const call = createTransport({
    tokens,
    limiter,
    clock: deps.clock,
    ...(deps.logger && { logger: deps.logger }),
    ...deps.transport,
  });
  const api = createClient<paths>({
    baseUrl: deps.baseUrls.accounting.replace(/\/+$/, ''),
    ...(deps.fetch && { fetch: deps.fetch }),
    // Xero takes lists comma-joined: IDs=a,b (docs/vendors/xero.md §15).
    querySerializer: { array: { style: 'form', explode: false } },
  });
  const ctx = createCallContext(call, api);

  return {
    oauth,
    tokens,
    /** Resolves once a background call to the tenant would go without waiting for its budget. */
    whenCallFree: (tenantId: string) => limiter.whenFree(tenantId),
    ...referenceDataCalls(ctx),
    ...contactCalls(ctx),
    ...contactGroupCalls(ctx),
    ...itemCalls(ctx),
    ...documentCalls(ctx),
  };
}

export type XeroClient = ReturnType<typeof createXeroClient>;
