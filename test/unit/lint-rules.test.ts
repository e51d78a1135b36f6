import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';

/**
 * `npm run lint` (in CI after the typecheck) holds the line of docs/architecture.md: these run its
 * two tools, with the project's own configuration, on small trees that break the rules, and check
 * that each break is reported. They replace the hand-written mapping boundary test.
 */
const root = resolve(import.meta.dirname, '../..');

describe('dependency-cruiser refuses what docs/architecture.md forbids', () => {
  it('a route importing the store, a mapping doing I/O, and a cycle of type-only imports', async () => {
    const tsConfigFile = join(root, 'tsconfig.json');
    const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
    const result = await cruise(
      ['src'],
      {
        ...options,
        baseDir: join(root, 'test/fixtures/boundaries'),
        tsConfig: { fileName: tsConfigFile },
      },
      { extensions: ['.ts', '.js'] },
      { tsConfig: extractTSConfig(tsConfigFile) },
    );
    assert.ok(typeof result.output === 'object');
    const found = result.output.summary.violations.map(
      (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
    );
    assert.deepEqual(found.sort(), [
      'http-calls-services-not-the-store: src/http/route.ts → src/store/repo.ts',
      'mapping-uses-no-node-module: src/sync/mapping/money.ts → fs',
      'no-circular: src/sync/mapping/line.ts → src/sync/mapping/total.ts',
    ]);
  });
});

describe('typescript-eslint refuses dropped promises and clocks in the mapping', () => {
  // The fixtures are left out of the project's own run (eslint.config.js ignores them).
  const eslint = new ESLint({ cwd: root, ignore: false });

  it('a floating promise and a promise where a callback returns nothing', async () => {
    const [report] = await eslint.lintFiles([join(root, 'test/fixtures/lint/dropped-promises.ts')]);
    assert.deepEqual(
      report?.messages.map((message) => [message.line, message.ruleId]),
      [
        [6, '@typescript-eslint/no-floating-promises'],
        [10, '@typescript-eslint/no-misused-promises'],
      ],
    );
  });

  it('the mapping reads no clock', async () => {
    const [report] = await eslint.lintText('export const today = new Date();\n', {
      filePath: join(root, 'src/sync/mapping/dates.ts'),
    });
    assert.deepEqual(
      report?.messages.map((message) => message.ruleId),
      ['no-restricted-syntax'],
    );
  });
});
