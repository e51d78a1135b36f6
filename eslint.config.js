import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

/**
 * Type-aware checks that the compiler does not make (`npm run lint`; docs/architecture.md):
 * - a promise is awaited, returned or handled, never dropped — in a job or a webhook a dropped
 *   promise is a lost event (invariant 2); `void` marks the few places where dropping is right,
 *   with a comment saying why;
 * - no promise where a callback's result is ignored (an event listener, a signal handler);
 * - imports sorted one way (simple-import-sort);
 * - the mapping reads no clock, randomness or environment: time and settings come in as inputs.
 * Import boundaries are dependency-cruiser's (.dependency-cruiser.cjs).
 */
const nodeTest = ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'screenshots/',
      'src/xero/generated/',
      // Code that breaks the rules on purpose (test/unit/lint-rules.test.ts).
      'test/fixtures/lint/',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises that the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: nodeTest }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read config.ts, parsed once by cli/main.ts.',
        },
      ],
    },
  },
  {
    files: ['src/sync/mapping/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'The mapping takes settings as input.' },
        { object: 'Date', property: 'now', message: 'The mapping takes dates as input.' },
        { object: 'performance', property: 'now', message: 'The mapping reads no clock.' },
        { object: 'Math', property: 'random', message: 'The mapping is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The mapping takes dates as input.',
        },
      ],
    },
  },
);
