#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run build` or by `npm start`'s prestart). Without a
// current build (no dist/, or sources edited since) it runs the TypeScript sources through tsx,
// which compiles them at every start (seconds instead of a fraction of one) but needs no build.
import { setFlagsFromString } from 'node:v8';

import { COMPILED_CLI, distIsCurrent } from '../scripts/dist-state.js';

// The long-running commands start with V8's young generation kept at its initial size (growth
// factor 1 instead of V8's default 2) and give it back its growth once they are up. Start-up
// allocates mostly what lives as long as the process (modules, schemas, routes): a young
// generation grown for it (to 2 × 16 MB) would only hold ~15 MB more resident memory when idle,
// until V8's memory reducer shrinks it some 15 s later. Under load it grows as before, so request
// throughput is unchanged (bench: idle_rss_mb, intake_rps). A V8 flag read at each growth, so it
// can be set here rather than on every command line that starts the app (Dockerfile, systemd,
// compose, npm start); where a later V8 reads it only at start-up, it changes nothing.
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const server = ['start', 'serve', 'worker'].includes(command ?? '');
if (server) setFlagsFromString('--semi-space-growth-factor=1');

if (distIsCurrent()) {
  await import(COMPILED_CLI);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
// The CLI's module resolves once a long-running command is up (listening, taking jobs).
if (server) setFlagsFromString('--semi-space-growth-factor=2');
