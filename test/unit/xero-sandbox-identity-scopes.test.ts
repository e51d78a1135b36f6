import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isRedirectAllowed } from '../../sandbox/xero/identity/redirect-uris.js';
import { isKnownScope, scopesAllow } from '../../sandbox/xero/identity/scopes.js';
import { formatUsDateTime } from '../../sandbox/xero/transport/problems.js';
import type { XeroAppSeed } from '../../sandbox/xero/world.js';

describe('scopesAllow', () => {
  const cases: [string, string[], string, string, boolean][] = [
    ['broad transactions write invoices', ['accounting.transactions'], 'PUT', 'Invoices', true],
    ['granular invoices write invoices', ['accounting.invoices'], 'PUT', 'Invoices', true],
    ['read-only scope refuses writes', ['accounting.transactions.read'], 'PUT', 'Invoices', false],
    ['read-only scope allows GET', ['accounting.invoices.read'], 'GET', 'Quotes', true],
    ['contacts need the contacts scope', ['accounting.transactions'], 'PUT', 'Contacts', false],
    ['contacts scope', ['accounting.contacts'], 'POST', 'contacts', true],
    ['organisation needs settings', ['accounting.contacts'], 'GET', 'Organisation', false],
    ['items via settings', ['accounting.settings'], 'PUT', 'Items', true],
    ['items via granular invoices', ['accounting.invoices'], 'PUT', 'Items', true],
    ['identity scopes open nothing', ['openid', 'offline_access'], 'GET', 'Invoices', false],
  ];
  for (const [name, scopes, method, resource, expected] of cases) {
    it(name, () => assert.equal(scopesAllow(scopes, method, resource), expected));
  }

  it('knows broad, granular and identity scope names, and rejects made-up ones', () => {
    for (const scope of [
      'openid',
      'offline_access',
      'accounting.settings.read',
      'accounting.invoices',
      'accounting.reports.read',
    ]) {
      assert.equal(isKnownScope(scope), true, scope);
    }
    for (const scope of ['accounting.everything', 'accounting.reports', 'admin']) {
      assert.equal(isKnownScope(scope), false, scope);
    }
  });
});

describe('isRedirectAllowed', () => {
  const app: XeroAppSeed = {
    clientId: 'c',
    clientSecret: 's',
    name: 'n',
    redirectUris: ['https://app.example/cb', 'http://localhost:3000/oauth/xero/callback'],
    webhookKey: 'k',
  };
  it('needs an exact match', () => {
    assert.equal(isRedirectAllowed(app, 'https://app.example/cb'), true);
    assert.equal(isRedirectAllowed(app, 'https://app.example/cb/'), false);
    assert.equal(isRedirectAllowed(app, 'http://localhost:4000/oauth/xero/callback'), false);
  });
  it('accepts any loopback port when the app allows it, but not another path', () => {
    const local = { ...app, allowAnyLocalhostPort: true };
    assert.equal(isRedirectAllowed(local, 'http://localhost:4000/oauth/xero/callback'), true);
    assert.equal(isRedirectAllowed(local, 'http://127.0.0.1:51234/oauth/xero/callback'), true);
    assert.equal(isRedirectAllowed(local, 'http://localhost:4000/other'), false);
    assert.equal(isRedirectAllowed(local, 'http://evil.example:3000/oauth/xero/callback'), false);
  });
});

describe('formatUsDateTime', () => {
  it('formats as MM/DD/YYYY HH:mm:ss UTC (docs/vendors/xero.md §2)', () => {
    assert.equal(formatUsDateTime(Date.UTC(2021, 8, 24, 8, 23, 47)), '09/24/2021 08:23:47');
  });
});
