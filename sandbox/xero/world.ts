import type { SandboxClock } from '../common/clock.js';

/**
 * The seams between the Xero sandbox's parts. Identity (OAuth, connections), transport (auth,
 * tenant header, rate limits, idempotency), accounting (the organisations' books) and webhooks
 * each own their state; they meet only through these types.
 */

/** An organisation as identity and connections see it. */
export interface TenantInfo {
  tenantId: string;
  tenantName: string;
  tenantType: 'ORGANISATION';
}

/** A change the books announce; webhooks turn these into signed deliveries. */
export interface XeroChangeEvent {
  category: 'INVOICE' | 'CONTACT';
  type: 'CREATE' | 'UPDATE';
  tenantId: string;
  resourceId: string;
  atMs: number;
}

export type XeroChangeListener = (event: XeroChangeEvent) => void;

/** Who is calling the Accounting API, set on the request by the transport guard. */
export interface XeroCaller {
  clientId: string;
  userId: string;
  tenantId: string;
  scopes: string[];
}

/** A Xero login: a user who can see (and connect apps to) several organisations. */
export interface XeroUserSeed {
  userId: string;
  email: string;
  givenName: string;
  familyName: string;
  tenantIds: string[];
}

/** An app registered with Xero (Developer portal: client id, secret, redirect URIs, webhook key). */
export interface XeroAppSeed {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Exact redirect URIs; the sandbox also accepts any port on localhost/127.0.0.1 if `allowAnyLocalhostPort`. */
  redirectUris: string[];
  allowAnyLocalhostPort?: boolean;
  webhookKey: string;
  webhookUrl?: string;
}

export interface XeroWorldOptions {
  clock: SandboxClock;
}
