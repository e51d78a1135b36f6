import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Fastify from 'fastify';

import type { HttpDeps } from '../../src/http/deps.js';
import { registerSecurity } from '../../src/http/security.js';

/** The security headers of one answer, with the installation's public URL `publicUrl`. */
async function headersOf(publicUrl: string) {
  const app = Fastify();
  const deps = {
    publicUrl: () => publicUrl,
    pipedriveOAuthUrl: 'https://oauth.pipedrive.com',
    rateLimitPerMinute: 600,
  } as unknown as HttpDeps;
  await app.register(async (scope) => {
    await registerSecurity(scope, deps);
    scope.get('/twice', async () => ({ ok: true }));
  });
  // Built once, the middleware answers every request alike.
  await app.inject({ url: '/twice' });
  const { headers } = await app.inject({ url: '/twice' });
  await app.close();
  return headers;
}

describe('security headers (helmet, built once)', () => {
  it('over http: CSP framing by Pipedrive only, no referrer, nosniff, no-store, no HSTS', async () => {
    const headers = await headersOf('http://127.0.0.1:3000');
    assert.equal(
      headers['content-security-policy'],
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
        "connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';" +
        'frame-ancestors https://*.pipedrive.com https://oauth.pipedrive.com',
    );
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(headers['cache-control'], 'no-store');
    for (const absent of [
      'x-frame-options',
      'strict-transport-security',
      'cross-origin-opener-policy',
      'cross-origin-embedder-policy',
    ])
      assert.equal(headers[absent], undefined, absent);
  });

  it('over https: HSTS, and the CSP upgrades insecure requests', async () => {
    const headers = await headersOf('https://pdx.example.com');
    assert.match(String(headers['strict-transport-security']), /^max-age=\d+; includeSubDomains$/);
    assert.match(String(headers['content-security-policy']), /;upgrade-insecure-requests$/);
  });
});
