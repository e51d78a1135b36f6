/**
 * `npm run campaign -- [--mode sqlite|postgres|both] [--deals N] [--seed N] …`: the fault campaign
 * (docs/campaign.md). Prints readable figures per mode and ends with one JSON line.
 */
import { parseArgs } from 'node:util';

import { combined, describe, extrasOf, jsonLine, problemsOf, takeoverProblems } from './report.js';
import { type CampaignResult, runCampaign } from './run.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    deals: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'fire-seconds': { type: 'string' },
    'settle-seconds': { type: 'string', default: '600' },
    'quiet-seconds': { type: 'string', default: '60' },
    'database-url': { type: 'string' },
    'app-env': { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

const number = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, not "${text}"`);
    process.exit(2);
  }
  return value;
};
const modes = values.mode === 'both' ? (['sqlite', 'postgres'] as const) : ([values.mode] as const);
if (!modes.every((mode) => mode === 'sqlite' || mode === 'postgres')) {
  console.error(`--mode must be sqlite, postgres or both, not "${values.mode}"`);
  process.exit(2);
}
const appEnv = Object.fromEntries(
  values['app-env'].map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) {
      console.error(`--app-env takes KEY=VALUE, not "${pair}"`);
      process.exit(2);
    }
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

const began = Date.now();
const log = (line: string) =>
  console.log(`[${String(Math.round((Date.now() - began) / 1000)).padStart(5)} s] ${line}`);
const results: CampaignResult[] = [];
for (const mode of modes as readonly ('sqlite' | 'postgres')[]) {
  const result = await runCampaign({
    mode,
    deals: number('deals', values.deals)!,
    seed: number('seed', values.seed)!,
    adminDatabaseUrl:
      values['database-url'] ??
      process.env['CAMPAIGN_DATABASE_URL'] ??
      process.env['TEST_DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/test',
    ...(values['fire-seconds'] !== undefined && {
      fireSeconds: number('fire-seconds', values['fire-seconds'])!,
    }),
    settleSeconds: number('settle-seconds', values['settle-seconds'])!,
    quietSeconds: number('quiet-seconds', values['quiet-seconds'])!,
    appEnv,
    keep: values.keep,
    log,
  });
  results.push(result);
  console.log(describe(result));
  console.log(jsonLine(result.verdict.figures, extrasOf(result)));
}

const problems = results.flatMap((result) =>
  [...problemsOf(result.verdict.figures), ...takeoverProblems(result)].map(
    (problem) => `${result.mode}: ${problem}`,
  ),
);
if (results.length > 1) {
  console.log('');
  console.log(
    jsonLine(combined(results), {
      mode: 'both',
      seed: results[0]!.seed,
      seconds: Math.round((Date.now() - began) / 1000),
    }),
  );
}
if (values.check && problems.length > 0) {
  console.error(`campaign check failed: ${problems.join('; ')}`);
  process.exit(1);
}
