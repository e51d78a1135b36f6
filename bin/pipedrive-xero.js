#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run build` or by `npm start`'s prestart). Without a
// current build (no dist/, or sources edited since) it runs the TypeScript sources through tsx,
// which compiles them at every start (seconds instead of a fraction of one) but needs no build.
import { setFlagsFromString } from 'node:v8';

import { COMPILED_CLI, distIsCurrent } from '../scripts/dist-state.js';

// Idle memory (issue 12): loading the app is nearly all long-lived data, and V8 doubles its young
// generation whenever more survives a collection than it holds, so start-up alone grew it to 16 MB
// a semi-space: some 10 MB resident until V8 shrinks it, 15-20 s after the process goes quiet.
// Node 20's V8 reads the growth factor at each collection: held at 1 while the command starts
// (`start`: until it listens and takes jobs), then back to V8's default, 2, so that under load the
// young generation grows as before. Not --max-semi-space-size, which caps it under load too
// (webhook intake 15-40% slower at 1 MB in our runs) and works only on the command line. Back to
// the default also because Node uses its built-in modules' code cache only while V8's flags are
// those it was built with.
setFlagsFromString('--semi-space-growth-factor=1');
try {
  if (distIsCurrent()) {
    await import(COMPILED_CLI);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli/main.ts');
  }
} finally {
  setFlagsFromString('--semi-space-growth-factor=2');
}
