import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CommanderError } from 'commander';

import { describeFailure, EXIT, UsageError, withCauses } from '../../src/cli/failure.js';
import { ConfigError } from '../../src/config.js';
import { AppError } from '../../src/errors.js';

describe('how the CLI reports a failure', () => {
  it('a port in use: one line naming the address, the fix, exit 3', () => {
    const error = Object.assign(
      new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'),
      {
        code: 'EADDRINUSE',
        address: '127.0.0.1',
        port: 3000,
      },
    );
    const failure = describeFailure(error);
    assert.equal(failure.exitCode, EXIT.unavailable);
    assert.equal(failure.text.split('\n').length, 1);
    assert.match(
      failure.text,
      /cannot listen on 127\.0\.0\.1:3000: the port is in use \(EADDRINUSE\)/,
    );
    assert.match(failure.text, /set PORT/);
  });

  it('a vendor host unreachable: names it and, in sandbox mode, what to start', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4020'), {
      code: 'ECONNREFUSED',
    });
    const error = new TypeError('cannot reach http://127.0.0.1:4020 (ECONNREFUSED)', { cause });
    const failure = describeFailure(error, { sandboxMode: true });
    assert.equal(failure.exitCode, EXIT.unavailable);
    assert.match(
      failure.text,
      /^cannot reach http:\/\/127\.0\.0\.1:4020 \(ECONNREFUSED\): connect ECONNREFUSED/,
    );
    assert.match(failure.text, /npx pipedrive-xero sandbox/);
  });

  it('the database unavailable keeps its cause and says what to check', () => {
    const error = new AppError(
      'store_unavailable',
      'The database is unavailable: connect ECONNREFUSED 127.0.0.1:1',
      {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
          code: 'ECONNREFUSED',
        }),
      },
    );
    const failure = describeFailure(error);
    assert.equal(failure.exitCode, EXIT.unavailable);
    assert.match(
      failure.text,
      /^store_unavailable: The database is unavailable: connect ECONNREFUSED 127\.0\.0\.1:1 — fix: check DATABASE_URL/,
    );
  });

  it('a refusal prints its code, its cause and each detail, exit 1', () => {
    const error = new AppError('settings_invalid', 'Settings are invalid', {
      cause: new Error('deep reason'),
      details: ['a: wrong', 'b: missing'],
    });
    const failure = describeFailure(error);
    assert.equal(failure.exitCode, EXIT.failed);
    assert.equal(
      failure.text,
      'settings_invalid: Settings are invalid: deep reason\n  - a: wrong\n  - b: missing',
    );
  });

  it('usage and configuration mistakes exit 2; --version and --help exit 0', () => {
    assert.equal(describeFailure(new UsageError('bad id')).exitCode, EXIT.usage);
    assert.equal(describeFailure(new ConfigError(['PORT: too big'])).exitCode, EXIT.usage);
    assert.equal(
      describeFailure(new CommanderError(1, 'commander.unknownOption', 'x')).exitCode,
      EXIT.usage,
    );
    assert.equal(
      describeFailure(new CommanderError(0, 'commander.version', '0.1.0')).exitCode,
      EXIT.ok,
    );
  });

  it('causes are joined once each', () => {
    const error = new Error('outer: inner', {
      cause: new Error('inner', { cause: new Error('root') }),
    });
    assert.equal(withCauses(error), 'outer: inner: root');
  });
});
