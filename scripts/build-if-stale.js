#!/usr/bin/env node
// `prestart`: compiles to dist/ once (and again after sources change), so `npm start` from a fresh
// clone runs compiled JavaScript. Without TypeScript (`npm install --omit=dev`) it says so and
// leaves bin/pipedrive-xero.js to run the sources through tsx, slower to start but the same code.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

import { distIsCurrent, ROOT } from './dist-state.js';

if (!distIsCurrent()) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error(
      'pipedrive-xero: TypeScript is not installed (npm install --omit=dev?), so dist/ cannot be ' +
        'built; running the sources through tsx instead (slower start). `npm run build` where ' +
        'TypeScript is installed makes dist/.',
    );
    process.exit(0);
  }
  console.error('pipedrive-xero: compiling to dist/ (once; `npm run build` does it too)…');
  const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // A type error still emits JavaScript; the start goes on either way, as tsx would run it.
  if (built.status !== 0) console.error('pipedrive-xero: the build reported errors (above).');
}
