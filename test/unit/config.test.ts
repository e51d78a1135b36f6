import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError, loadConfig, withSandboxVendors } from '../../src/config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const real = {
  PIPEDRIVE_CLIENT_ID: 'pd-id',
  PIPEDRIVE_CLIENT_SECRET: 'pd-secret',
  XERO_CLIENT_ID: 'x-id',
  XERO_CLIENT_SECRET: 'x-secret',
  ENCRYPTION_KEY: KEY,
};

describe('loadConfig', () => {
  it('gives working defaults for an empty environment: sandbox mode', () => {
    const config = loadConfig({});
    assert.equal(config.sandboxMode, true);
    assert.deepEqual(config.sandbox, { host: '127.0.0.1', pipedrivePort: 4010, xeroPort: 4020 });
    assert.equal(config.logLevel, 'info');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.databaseUrl, 'sqlite:./data/pipedrive-xero.db');
    assert.equal(config.dataDir, './data');
    assert.equal(config.encryptionKey, undefined, 'generated later, in sandbox mode only');
    assert.equal(config.pipedrive.oauthUrl, 'https://oauth.pipedrive.com');
    assert.deepEqual(config.xero.baseUrls, {
      login: 'https://login.xero.com',
      identity: 'https://identity.xero.com',
      api: 'https://api.xero.com',
      accounting: 'https://api.xero.com/api.xro/2.0',
    });
    assert.equal(config.xero.webUrl, 'https://go.xero.com');
    assert.deepEqual(config.worker, { concurrency: 50, leaseMs: 60_000, companyShare: 45 });
    const scaleOut = loadConfig({ DATABASE_URL: 'postgres://localhost/app' });
    assert.deepEqual(scaleOut.worker, { concurrency: 4, leaseMs: 60_000, companyShare: 3 });
    assert.deepEqual(config.catchUp, { intervalMs: 300_000 });
  });

  it('reads the catch-up interval and refuses one under a second', () => {
    assert.equal(loadConfig({ CATCH_UP_INTERVAL_MS: '60000' }).catchUp.intervalMs, 60_000);
    assert.throws(() => loadConfig({ CATCH_UP_INTERVAL_MS: '10' }), /CATCH_UP_INTERVAL_MS/);
  });

  it("reads a worker's OPS_PORT, none by default, and refuses one that is not a port", () => {
    assert.equal(loadConfig({}).opsPort, undefined);
    assert.equal(loadConfig({ OPS_PORT: '' }).opsPort, undefined);
    assert.equal(loadConfig({ OPS_PORT: '9464' }).opsPort, 9464);
    assert.throws(() => loadConfig({ OPS_PORT: '70000' }), /OPS_PORT/);
    assert.throws(() => loadConfig({ OPS_PORT: 'ops' }), /OPS_PORT/);
  });

  it('treats empty strings as unset', () => {
    assert.equal(loadConfig({ SANDBOX_XERO_PORT: '' }).sandbox.xeroPort, 4020);
    assert.equal(loadConfig({ PIPEDRIVE_CLIENT_ID: '' }).sandboxMode, true);
  });

  it('leaves sandbox mode when real credentials are configured, and then needs all of them', () => {
    const config = loadConfig({ ...real, PORT: '8080', PUBLIC_URL: 'https://sync.example.com/' });
    assert.equal(config.sandboxMode, false);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.publicUrl, 'https://sync.example.com', 'trailing slash dropped');
    assert.equal(config.encryptionKey, KEY);
    assert.deepEqual(config.pipedrive, {
      clientId: 'pd-id',
      clientSecret: 'pd-secret',
      oauthUrl: 'https://oauth.pipedrive.com',
    });

    assert.throws(
      () => loadConfig({ PIPEDRIVE_CLIENT_ID: 'pd-id' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const named = error.problems.map((problem) => problem.split(':')[0]);
        assert.deepEqual(named, [
          'PIPEDRIVE_CLIENT_SECRET',
          'XERO_CLIENT_ID',
          'XERO_CLIENT_SECRET',
          'ENCRYPTION_KEY',
        ]);
        return true;
      },
    );
  });

  it('refuses an encryption key that is not 32 bytes of base64', () => {
    assert.throws(
      () => loadConfig({ ...real, ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }),
      /ENCRYPTION_KEY: must be 32 bytes in base64/,
    );
  });

  it('reports every problem in one error', () => {
    assert.throws(
      () => loadConfig({ SANDBOX_XERO_PORT: 'abc', LOG_LEVEL: 'loud', XERO_API_URL: 'ftp://x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 3);
        assert.match(error.message, /SANDBOX_XERO_PORT/);
        assert.match(error.message, /LOG_LEVEL/);
        assert.match(error.message, /XERO_API_URL/);
        return true;
      },
    );
  });

  it('points every base URL at the sandbox servers', () => {
    const config = withSandboxVendors(loadConfig({}), {
      pipedriveUrl: 'http://127.0.0.1:4010',
      xeroUrl: 'http://127.0.0.1:4020',
      pipedriveApp: { clientId: 'p', clientSecret: 'ps' },
      xeroApp: { clientId: 'x', clientSecret: 'xs' },
    });
    assert.equal(config.pipedrive.oauthUrl, 'http://127.0.0.1:4010');
    assert.equal(config.xero.baseUrls.accounting, 'http://127.0.0.1:4020/api.xro/2.0');
    assert.equal(config.xero.baseUrls.login, 'http://127.0.0.1:4020');
    assert.equal(config.xero.webUrl, 'http://127.0.0.1:4020', "links lead to the sandbox's pages");
    assert.equal(config.xero.clientId, 'x');
    assert.equal(config.sandboxMode, true);
  });
});
