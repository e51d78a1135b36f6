import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { loadConfig } from '../../src/config.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** .env.example is what a self-hoster copies: it must name every variable the app reads, and parse. */
describe('.env.example', () => {
  const example = read('.env.example');
  const assigned = new Map(
    [...example.matchAll(/^([A-Z_][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
  );

  it('lists every variable of src/config.ts', () => {
    const schema = read('src/config.ts');
    const start = schema.indexOf('const configSchema');
    const names = [
      ...schema.slice(start, schema.indexOf('});', start)).matchAll(/^ {2}([A-Z_][A-Z0-9_]*):/gm),
    ].map((match) => match[1]!);
    assert.ok(names.length > 20, 'the schema was found');
    assert.deepEqual(
      names.filter((name) => !assigned.has(name)),
      [],
    );
  });

  it('is a valid configuration once the secrets are filled in', () => {
    const env = Object.fromEntries(assigned);
    const config = loadConfig({
      ...env,
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PIPEDRIVE_CLIENT_ID: 'id',
      PIPEDRIVE_CLIENT_SECRET: 'secret',
      XERO_CLIENT_ID: 'id',
      XERO_CLIENT_SECRET: 'secret',
    });
    assert.equal(config.sandboxMode, false);
    assert.equal(config.publicUrl, 'https://pdx.example.com');
    assert.equal(config.xero.baseUrls.accounting, 'https://api.xero.com/api.xro/2.0');
  });
});
