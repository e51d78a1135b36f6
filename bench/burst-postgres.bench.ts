/**
 * `npm run bench -- burst-postgres [--quick]`: the PostgreSQL burst alone (figures/burst-postgres.ts),
 * printed, without writing bench/results/; `npm run bench` measures it with the other figures.
 */
import { postgresBurstFigures } from './figures/pg-burst-figures.js';
import type { BenchResult } from './run.js';

export const name = 'PostgreSQL burst: serve + 3 workers, 20 companies';

export async function run(): Promise<BenchResult[]> {
  const figures = await postgresBurstFigures({
    quick: process.argv.includes('--quick'),
    log: (line) => console.log(line),
  });
  return figures.flatMap((figure) => {
    if (typeof figure.value !== 'number') return [];
    if (figure.note) console.log(`  (${figure.key}: ${figure.note})`);
    return [
      {
        metric: figure.key,
        value: figure.value,
        unit: '',
        ...(figure.target !== undefined && { reference: `target ${figure.target}` }),
      },
    ];
  });
}
