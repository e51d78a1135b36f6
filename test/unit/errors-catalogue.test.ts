import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { ERRORS_DOC, renderErrorsDoc } from '../../scripts/generate-errors-doc.js';
import { AppError } from '../../src/errors.js';
import { catalogue, chapters, type ErrorCode } from '../../src/errors/catalogue.js';
import { HttpError, toAnswer } from '../../src/http/error-handler.js';
import { decideRetry, DEFAULT_BACKOFF } from '../../src/queue/retry.js';

/**
 * The error catalogue (src/errors/catalogue.ts) against docs/errors.md and the source, the way
 * fastify checks lib/errors.js: the page is what the catalogue gives, and every code is still raised
 * somewhere. That the source raises no code outside the catalogue is the typechecker's job
 * (`ErrorCode` types every code an AppError, a refusal, a stop or a run carries).
 */

const codes = Object.keys(catalogue) as ErrorCode[];
const src = join(import.meta.dirname, '../../src');
const CATALOGUE_FILE = join(src, 'errors/catalogue.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.includes('generated'))
    .map((file) => join(dir, file));
}

describe('the error catalogue', () => {
  it('docs/errors.md is what `npm run docs:errors` writes', async () => {
    assert.equal(
      readFileSync(ERRORS_DOC, 'utf8'),
      await renderErrorsDoc(),
      'docs/errors.md is stale: run `npm run docs:errors`',
    );
  });

  it('puts each code in exactly one chapter of the page', () => {
    const listed = chapters.flatMap((chapter) =>
      chapter.groups.flatMap((group) => Object.keys(group)),
    );
    assert.deepEqual(
      listed.filter((code, index) => listed.indexOf(code) !== index),
      [],
    );
    assert.deepEqual([...listed].sort(), [...codes].sort());
  });

  it('has snake_case codes and a sentence for each', () => {
    for (const code of codes) {
      const { status, alsoStatus, meaning } = catalogue[code] as (typeof catalogue)[ErrorCode] & {
        alsoStatus?: number;
      };
      assert.match(code, /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/);
      assert.match(meaning, /^[A-Z0-9`"'].*[.)]$/, `${code}: a sentence, in plain words`);
      assert.ok(alsoStatus === undefined || status !== null, `${code}: alsoStatus needs a status`);
    }
  });

  it('lists only codes the source still uses', () => {
    const text = sourceFiles(src)
      .filter((file) => file !== CATALOGUE_FILE)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    assert.deepEqual(
      codes.filter((code) => !text.includes(`'${code}'`)),
      [],
      'catalogued but used nowhere in src/: remove them from src/errors/catalogue.ts',
    );
  });
});

describe('AppError: retryable from the catalogue unless the throw site says otherwise', () => {
  const cases: [string, AppError, boolean][] = [
    ['store_unavailable is retried', new AppError('store_unavailable', 'down'), true],
    ['xero_validation_failed is not', new AppError('xero_validation_failed', 'bad'), false],
    [
      'xero_oauth_failed ("sometimes") is not, by default',
      new AppError('xero_oauth_failed', 'x'),
      false,
    ],
    [
      'xero_oauth_failed after a 5xx, as its throw site says',
      new AppError('xero_oauth_failed', 'x', { retryable: true }),
      true,
    ],
    // Thrown when the worker stops between pages, so that the job runs again and resumes.
    ['bulk_sync_interrupted is retried', new AppError('bulk_sync_interrupted', 'stopped'), true],
  ];
  for (const [name, error, retryable] of cases) {
    it(name, () => {
      assert.equal(error.retryable, retryable);
      assert.equal(decideRetry(error, 1, 5, DEFAULT_BACKOFF, () => 0).retry, retryable);
    });
  }
});

describe('the HTTP edge answers each code at its catalogue status', () => {
  for (const code of codes) {
    const { status } = catalogue[code];
    it(`${code} → ${status ?? '500 internal_error'}`, () => {
      const answer = toAnswer(new AppError(code, 'the message'));
      assert.deepEqual(
        [answer.status, answer.code],
        status === null ? [500, 'internal_error'] : [status, code],
      );
    });
  }

  it("an HttpError answers at the status its route chose among its code's", () => {
    const stored = new HttpError(409, 'settings_invalid', 'Stored settings are invalid', ['x']);
    assert.deepEqual(toAnswer(stored), {
      status: 409,
      code: 'settings_invalid',
      message: 'Stored settings are invalid',
      details: ['x'],
    });
  });
});
