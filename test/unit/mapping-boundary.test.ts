import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

/**
 * STYLE.md habit 1: sync/mapping is pure. It imports no store, Xero or Pipedrive client, HTTP, queue,
 * clock or sandbox code, and reads no clock or environment itself (dates come in as inputs).
 */

const root = resolve(import.meta.dirname, '../..');
const mapping = join(root, 'src/sync/mapping');
const forbidden = [
  'src/store',
  'src/xero',
  'src/pipedrive',
  'src/http',
  'src/queue',
  'src/clock.ts',
  'sandbox',
];

describe('sync/mapping import boundary', () => {
  for (const file of readdirSync(mapping, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  )) {
    it(`${file} stays pure`, () => {
      const source = readFileSync(join(mapping, file), 'utf8');
      for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
        if (!specifier!.startsWith('.')) continue;
        const target = relative(root, resolve(mapping, file, '..', specifier!)).replace(
          /\.js$/,
          '.ts',
        );
        assert.ok(
          !forbidden.some((f) => target === f || target.startsWith(`${f.replace(/\.ts$/, '')}/`)),
          `${file} imports ${target}`,
        );
      }
      assert.doesNotMatch(source, /Date\.now\(|new Date\(\)|process\.env/);
    });
  }
});
