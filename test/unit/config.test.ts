import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    assert.deepEqual(config.sandbox, { host: '127.0.0.1', pipedrivePort: 4010, xeroPort: 4020 });
    assert.equal(config.logLevel, 'info');
  });

  it('treats empty strings as unset', () => {
    assert.equal(loadConfig({ SANDBOX_XERO_PORT: '' }).sandbox.xeroPort, 4020);
  });

  it('reports every problem in one error', () => {
    assert.throws(
      () => loadConfig({ SANDBOX_XERO_PORT: 'abc', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 2);
        assert.match(error.message, /SANDBOX_XERO_PORT/);
        assert.match(error.message, /LOG_LEVEL/);
        return true;
      },
    );
  });
});
