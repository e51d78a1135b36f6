/**
 * `npm run bench [-- --quick] [name…]`: measures the figures of issue 12 (figures/index.ts) and
 * writes them to bench/results/latest.json and latest.md; with names, runs those benchmarks of
 * this folder instead (`npm run bench -- sandbox-limits`). Benchmarks report counts, ratios and
 * times measured in one run, never pass/fail on timing; each is a module exporting `name` and
 * `run(): Promise<BenchResult[]>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { measureFigures } from './figures/index.js';

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
const quick = process.argv.includes('--quick');
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

if (wanted.length === 0) {
  const started = new Date();
  const figures = await measureFigures({ quick, log: (line) => console.log(line) });
  const results = join(folder, 'results');
  mkdirSync(results, { recursive: true });
  const record = Object.fromEntries(figures.map((figure) => [figure.key, figure.value]));
  writeFileSync(
    join(results, 'latest.json'),
    `${JSON.stringify({ measured_at: started.toISOString(), quick, ...record, details: figures }, null, 2)}\n`,
  );
  const rows = figures.map(
    (figure) =>
      `| ${figure.key} | ${figure.value} | ${figure.target ?? ''} | ${figure.note ?? ''} |`,
  );
  writeFileSync(
    join(results, 'latest.md'),
    [
      `# Bench figures (${started.toISOString()}${quick ? ', --quick' : ''})`,
      '',
      '| figure | measured | target | note |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
  console.log(`\nwritten: bench/results/latest.json, bench/results/latest.md`);
} else {
  for (const name of wanted) {
    const file = `${basename(name, '.bench.ts')}.bench.ts`;
    const bench = (await import(join(folder, file))) as BenchModule;
    console.log(`\n## ${bench.name} (bench/${file})`);
    for (const result of await bench.run()) {
      const reference = result.reference ? `   (${result.reference})` : '';
      const value = result.unit === 'ratio' ? result.value.toFixed(2) : String(result.value);
      console.log(`  ${result.metric}: ${value} ${result.unit}${reference}`);
    }
  }
}
