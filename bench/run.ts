/**
 * `npm run bench`: runs every benchmark in this folder (or those named on the command line) and
 * prints one report. Benchmarks report counts and ratios measured in one run, never pass/fail on
 * timing; each is a module exporting `name` and `run(): Promise<BenchResult[]>`.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared against, e.g. the vendor's limit. */
  reference?: string;
}

interface BenchModule {
  name: string;
  run(): Promise<BenchResult[]>;
}

const folder = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(basename(file, '.bench.ts')))
  .sort();

for (const file of files) {
  const bench = (await import(join(folder, file))) as BenchModule;
  console.log(`\n## ${bench.name} (bench/${file})`);
  for (const result of await bench.run()) {
    const reference = result.reference ? `   (${result.reference})` : '';
    const value = result.unit === 'ratio' ? result.value.toFixed(2) : String(result.value);
    console.log(`  ${result.metric}: ${value} ${result.unit}${reference}`);
  }
}
