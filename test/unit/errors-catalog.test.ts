import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * docs/errors.md lists every user-visible code, and only those (fastify's errors.js + its test):
 * each code the source raises — AppError codes, code unions, refusal and run reason codes — has a
 * row, and each row names a code the source still raises.
 */
const root = new URL('../..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const CODE = "'([a-z][a-z0-9]*(?:_[a-z0-9]+)+)'";
const PATTERNS = [
  // new AppError('code', …), new HttpError(400, 'code', …), new XeroApiError('code', …)
  new RegExp(`new \\w*Error\\(\\s*(?:\\d+,\\s*)?${CODE}`, 'g'),
  // code: 'x' / reasonCode: 'x' in refusals, stops and run updates
  new RegExp(`\\b(?:code|reasonCode):\\s*${CODE}`, 'g'),
  // stop('code', …), plainStop('code', …) and refuse('code', …) in the use cases and the mapping
  new RegExp(`\\b(?:\\w*[sS]top|refuse)\\(\\s*${CODE}`, 'g'),
  // finish(deps, run, 'ignored' | 'failed' | 'waiting_fix', 'code', …)
  new RegExp(`\\bfinish\\([^;]*?'(?:ignored|failed|waiting_fix)',\\s*${CODE}`, 'g'),
];
/** Members of `export type …Code = 'a' | 'b'` unions (PipedriveErrorCode, RefusalCode, …). */
const UNION = /export type \w*Code\s*=([^;]*);/g;

function codesInSource(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(root.length);
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) codes.set(match[1] as string, where);
    }
    for (const union of text.matchAll(UNION)) {
      for (const member of (union[1] as string).matchAll(/'([a-z][a-z0-9_]*)'/g)) {
        codes.set(member[1] as string, where);
      }
    }
  }
  return codes;
}

function codesInDocs(): string[] {
  const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  return [...text.matchAll(/^\|\s*`([a-z][a-z0-9_]*)`\s*\|/gm)].map((match) => match[1] as string);
}

describe('docs/errors.md', () => {
  const source = codesInSource();
  const documented = codesInDocs();

  it('finds codes in both places (the scan itself works)', () => {
    assert.ok(source.has('webhook_unauthorized'));
    assert.ok(source.has('deal_has_no_products'));
    assert.ok(source.has('pipedrive_rate_limited'));
    assert.ok(documented.length > 50);
  });

  it('documents every code the source uses', () => {
    const missing = [...source].filter(([code]) => !documented.includes(code));
    assert.deepEqual(
      missing.map(([code, file]) => `${code} (${file})`),
      [],
    );
  });

  it('documents no code the source no longer uses, and each once', () => {
    assert.deepEqual(
      documented.filter((code) => !source.has(code)),
      [],
    );
    assert.deepEqual(
      documented.filter((code, index) => documented.indexOf(code) !== index),
      [],
    );
  });
});
