/**
 * The layout of docs/architecture.md as rules: `npm run lint` fails when an import breaks one.
 * Paths are relative to the repository; a rule's name says what it keeps, and its comment where
 * docs/architecture.md explains it. Type-only imports count like any other (tsPreCompilationDeps).
 */
// src/errors.ts may grow into src/errors/ (the error catalogue): both are the kernel's.
const KERNEL = '^src/(clock|errors|logger|secrets|retry-after|keyed-lock|zod-problems)([.]ts$|/)';
const ERRORS = '^src/errors([.]ts$|/)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module depends on itself, through any chain, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead code.',
      severity: 'error',
      from: { orphan: true, pathNot: ['[.]d[.]ts$', '^src/cli/main[.]ts$'] },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a moved file left no dangling path).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'sandbox-shares-nothing-with-src',
      comment: 'The local vendors are independent oracles: they share no code with the app.',
      severity: 'error',
      from: { path: '^sandbox/' },
      to: { path: '^src/' },
    },
    {
      name: 'src-starts-the-sandbox-from-the-cli-only',
      comment:
        '`start` and `sandbox` launch the local vendors, and sandbox mode points every command at them (cli/sandbox-vendors.ts); nothing else in src/ reaches them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/(commands/(start|sandbox)|sandbox-vendors)[.]ts$' },
      to: { path: '^sandbox/' },
    },
    {
      name: 'kernel-imports-only-the-kernel',
      comment: 'What every part may use: clock, errors, logger, secrets and three small helpers.',
      severity: 'error',
      from: { path: KERNEL },
      to: { path: '^src/', pathNot: KERNEL },
    },
    {
      name: 'vendor-clients-know-only-their-vendor',
      comment: 'pipedrive/ and xero/ know their API and the kernel, nothing of the domain.',
      severity: 'error',
      from: { path: '^src/(pipedrive|xero)/' },
      to: { path: '^src/', pathNot: [KERNEL, '^src/$1/'] },
    },
    {
      name: 'store-knows-the-kernel-and-the-document-kinds',
      comment: 'The store keeps rows; of the domain it knows only the kinds a row may name.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: [KERNEL, '^src/store/', '^src/sync/document-kinds[.]ts$'] },
    },
    {
      name: 'queue-knows-the-kernel-and-the-store',
      comment: 'The JobQueue port and its adapters; the handlers live in services/.',
      severity: 'error',
      from: { path: '^src/queue/' },
      to: { path: '^src/', pathNot: [KERNEL, '^src/queue/', '^src/store/'] },
    },
    {
      name: 'mapping-is-pure',
      comment:
        'sync/mapping/ reads its inputs only: no store, client, queue, HTTP, clock or config; ' +
        'of the kernel, only the error codes its refusals name.',
      severity: 'error',
      from: { path: '^src/sync/mapping/' },
      to: {
        path: '^src/',
        pathNot: ['^src/sync/mapping/', '^src/sync/(settings|document-kinds)[.]ts$', ERRORS],
      },
    },
    {
      name: 'mapping-uses-no-node-module',
      comment: 'No file system, crypto, timers or network in the mapping.',
      severity: 'error',
      from: { path: '^src/sync/mapping/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'mapping-uses-decimal-only',
      comment: 'Of npm, the mapping uses decimal.js (money) and, through settings, zod.',
      severity: 'error',
      from: { path: '^src/sync/(mapping/|settings[.]ts|document-kinds[.]ts)' },
      to: { dependencyTypes: ['npm'], pathNot: 'node_modules/(decimal[.]js|zod)/' },
    },
    {
      name: 'settings-and-document-kinds-are-the-domain-vocabulary',
      comment: 'The settings schema and the DocumentKind table import no other part of the app.',
      severity: 'error',
      from: { path: '^src/sync/(settings|document-kinds)[.]ts$' },
      to: { path: '^src/', pathNot: ['^src/sync/document-kinds[.]ts$', KERNEL] },
    },
    {
      name: 'sync-is-below-services',
      comment: 'The domain never reaches up into services, HTTP, the CLI, the config or app.ts.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/(services/|http/|cli/|app[.]ts$|config[.]ts$)' },
    },
    {
      name: 'sync-uses-the-queue-port-only',
      comment: 'Use cases enqueue through the JobQueue port; the adapters are wired by app.ts.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/queue/', pathNot: '^src/queue/(port|jobs)[.]ts$' },
    },
    {
      name: 'sync-ports-import-no-use-case',
      comment: 'ports.ts and the other sync/ modules are what use cases build on, not the reverse.',
      severity: 'error',
      from: { path: '^src/sync/', pathNot: '^src/sync/usecases/' },
      to: { path: '^src/sync/usecases/' },
    },
    {
      name: 'services-are-below-http-and-the-cli',
      comment: 'A service is called by a route, a job handler or a command; it calls none of them.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(http/|cli/|app[.]ts$)' },
    },
    {
      name: 'http-calls-services-not-the-store',
      comment:
        'Routes parse, authenticate, call one service and shape the answer. The error handler ' +
        "alone reads the store's own rule for an unavailable store (503).",
      severity: 'error',
      from: { path: '^src/http/', pathNot: '^src/http/error-handler[.]ts$' },
      to: { path: '^src/store/' },
    },
    {
      name: 'http-error-handler-reads-only-the-unavailable-rule',
      severity: 'error',
      from: { path: '^src/http/error-handler[.]ts$' },
      to: { path: '^src/store/', pathNot: '^src/store/unavailable[.]ts$' },
    },
    {
      name: 'http-calls-no-use-case-or-queue',
      comment: 'Domain decisions and jobs are reached through services/.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(sync/usecases/|sync/ports[.]ts$|queue/)' },
    },
    {
      name: 'http-uses-vendor-request-checks-only',
      comment: 'Of the vendor clients, routes use the pure checks of what a vendor sends.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: {
        path: '^src/(pipedrive|xero)/',
        pathNot: [
          '^src/pipedrive/(webhook|webhook-auth|panel-jwt)[.]ts$',
          '^src/xero/webhook[.]ts$',
        ],
      },
    },
    {
      name: 'http-is-below-the-cli-and-app',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(cli/|app[.]ts$|config[.]ts$)' },
    },
    {
      name: 'cli-acts-through-services',
      comment:
        'Commands call the same services as the routes; only `migrate` opens the store itself.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '^src/cli/commands/migrate[.]ts$' },
      to: { path: '^src/(store|sync/usecases|queue|pipedrive|xero|http)/' },
    },
    {
      name: 'app-ts-is-the-only-composition-root',
      comment: 'Only the CLI builds the app; only app.ts picks the queue adapter and builds HTTP.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(app[.]ts|cli/)' },
      to: { path: '^src/app[.]ts$' },
    },
    {
      name: 'queue-adapters-are-chosen-by-app-ts',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(app[.]ts|queue/)' },
      to: { path: '^src/queue/(embedded|graphile|graphile-takeover|supervise)[.]ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/xero/generated/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
