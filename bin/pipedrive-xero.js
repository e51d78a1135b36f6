#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run build` or by `npm start`'s prestart). Without a
// current build (no dist/, or sources edited since) it runs the TypeScript sources through tsx,
// which compiles them at every start (seconds instead of a fraction of one) but needs no build.
import { COMPILED_CLI, distIsCurrent } from '../scripts/dist-state.js';

if (distIsCurrent()) {
  await import(COMPILED_CLI);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
