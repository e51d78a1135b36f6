import { DEMO_TENANT_A, DEMO_TENANT_B, OTHER_TENANT } from './seed.js';
import type { XeroAppSeed, XeroUserSeed } from './world.js';

/**
 * The demo Xero app and logins (docs/helpers/DEMO.md). The demo login sees tenants A and B; the
 * third organisation belongs to another login only, so a leak of it is a visible bug.
 */
export const DEMO_XERO_APP: XeroAppSeed = {
  clientId: 'sandbox-xero-client',
  clientSecret: 'sandbox-xero-secret-do-not-use-in-production',
  name: 'Pipedrive Xero Sync (sandbox)',
  redirectUris: [
    'http://localhost:3000/oauth/xero/callback',
    'http://127.0.0.1:3000/oauth/xero/callback',
  ],
  // Any port on loopback, so the app can run on whatever port the sandbox command picked.
  allowAnyLocalhostPort: true,
  webhookKey: 'sandbox-xero-webhook-key-0123456789abcdef0123456789abcdef0123456789ab',
};

export const DEMO_XERO_USER: XeroUserSeed = {
  userId: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f0',
  email: 'demo@kauricoast.example',
  givenName: 'Aroha',
  familyName: 'Ngata',
  tenantIds: [DEMO_TENANT_A, DEMO_TENANT_B],
};

export const OTHER_XERO_USER: XeroUserSeed = {
  userId: 'e2f3a4b5-c6d7-4e8f-9a01-b2c3d4e5f6a1',
  email: 'owner@otherco.example',
  givenName: 'Olivia',
  familyName: 'Other',
  tenantIds: [OTHER_TENANT],
};

export const DEMO_XERO_APPS: readonly XeroAppSeed[] = [DEMO_XERO_APP];
export const DEMO_XERO_USERS: readonly XeroUserSeed[] = [DEMO_XERO_USER, OTHER_XERO_USER];
