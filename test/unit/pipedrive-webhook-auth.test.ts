import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { verifyBasicAuth } from '../../src/pipedrive/webhook-auth.js';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

describe('verifyBasicAuth', () => {
  const table: [string, string | undefined, boolean][] = [
    ['matching user and password', basic('hook-user:s3cret:with:colons'), true],
    ['lower-case scheme', basic('hook-user:s3cret:with:colons').replace('Basic', 'basic'), true],
    ['wrong password', basic('hook-user:s3cret'), false],
    ['wrong user', basic('other:s3cret:with:colons'), false],
    ['password prefix only', basic('hook-user:s3cret:with:colon'), false],
    ['no header', undefined, false],
    ['bearer scheme', 'Bearer abc', false],
    ['garbage', 'Basic !!!', false],
  ];
  for (const [name, header, expected] of table) {
    it(name, () =>
      assert.equal(verifyBasicAuth(header, 'hook-user', 's3cret:with:colons'), expected),
    );
  }
});
