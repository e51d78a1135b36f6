#!/usr/bin/env node
// Runs every test file with node's own test runner (through tsx for TypeScript).
// Node 20's `--test` does not expand globs itself, so the files are listed here.
// Usage: npm test [-- <folder or file> ...]   (default: test/)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return collect(child);
      return entry.name.endsWith('.test.ts') ? [child] : [];
    })
    .sort();
}

const roots = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('-'));
const files = (roots.length > 0 ? roots : ['test']).flatMap(collect);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=3', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
