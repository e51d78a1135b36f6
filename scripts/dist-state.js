// Whether dist/ (`npm run build`) is current: its CLI exists and no source under src/ or sandbox/
// (or tsconfig, package.json) is newer. Plain JavaScript so that bin/ can ask it before choosing
// what to run; a few hundred stat calls, a few milliseconds.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COMPILED_CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function distIsCurrent() {
  const built = statSync(COMPILED_CLI, { throwIfNoEntry: false });
  if (built === undefined) return false;
  const sources = ['src', 'sandbox', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
  return sources.every((source) => newestMtime(join(ROOT, source)) <= built.mtimeMs);
}
