import type { Figures } from './oracle.js';
import type { CampaignResult } from './run.js';

/**
 * The campaign's output: readable figures with examples of whatever went wrong, and one JSON line
 * whose first keys are exactly the figures (docs/campaign.md), then the mode, seed and extras.
 */
export const FIGURE_KEYS: readonly (keyof Figures)[] = [
  'deals',
  'documents',
  'duplicates',
  'lost_documents',
  'wrong_customer',
  'lost_notes',
  'usage_count',
  'stalled',
  'crashes',
  'max_recovery_seconds',
];

/** The figures that must be zero in a healthy run (usage_count must equal documents instead). */
const MUST_BE_ZERO: readonly (keyof Figures)[] = [
  'duplicates',
  'lost_documents',
  'wrong_customer',
  'lost_notes',
  'stalled',
  'crashes',
];

export function problemsOf(figures: Figures): string[] {
  const problems = MUST_BE_ZERO.filter((key) => figures[key] !== 0).map(
    (key) => `${key} = ${figures[key]}`,
  );
  if (figures.usage_count !== figures.documents)
    problems.push(`usage_count ${figures.usage_count} ≠ documents ${figures.documents}`);
  return problems;
}

/**
 * A dead worker's jobs must be free again within the lease (scripts/campaign/orphans.ts), give or
 * take the second the watch samples and the second a look for dead workers may take.
 */
export function takeoverProblems(result: CampaignResult): string[] {
  const { orphans, leaseMs } = result;
  const problems: string[] = [];
  if (orphans.stillHeld > 0) problems.push(`${orphans.stillHeld} dead worker(s) still hold jobs`);
  if (orphans.maxSeconds > leaseMs / 1000 + 2)
    problems.push(`a dead worker's jobs stayed taken ${orphans.maxSeconds} s`);
  return problems;
}

export function describe(result: CampaignResult): string {
  const { figures, breakdown, examples } = result.verdict;
  const d = result.disruptions;
  const worst = result.recovery.worst
    ? `${result.recovery.worst.cause === 'db' ? 'database terminated' : 'kill -9'}, ${result.recovery.worst.slot}`
    : 'nothing to recover from';
  const lines = [
    '',
    `== campaign, ${result.mode} (seed ${result.seed}): ${result.seconds} s — firing ${result.fireSeconds} s, settle ${result.settleSeconds} s`,
    `   ${result.limits}`,
    `   disruptions: ${d.kills} kill -9, ${d.dbTerminations} database terminations (${d.connectionsTerminated} connections), ` +
      `${d.timeouts} held Xero calls, ${d.xeroTokenExpiries} Xero and ${d.pipedriveTokenExpiries} Pipedrive token expiries, ` +
      `ban episode: ${d.banSeconds === null ? 'no ban seen' : `banned after ${d.banSeconds} s`}`,
    `   faults struck: ${Object.entries(result.faultHits)
      .map(([kind, hits]) => `${kind} ×${hits}`)
      .join(', ')}`,
    '',
    `   deals (triggers fired)   ${figures.deals}`,
    `   documents                ${figures.documents}   (usage counted: ${figures.usage_count}; Xero calls per document: ${callsPerDocument(result)})`,
    `   duplicates               ${figures.duplicates}`,
    `   lost documents           ${figures.lost_documents}   (after a ban: ${breakdown.lost_after_ban}; webhooks banned: ${result.bannedWebhooks})`,
    `   stopped valid deals      ${breakdown.stopped_valid}   (waiting_fix runs: ${breakdown.waiting_fix}, failed runs: ${breakdown.failed_runs})`,
    `   wrong customer           ${figures.wrong_customer}`,
    `   lost notes               ${figures.lost_notes}   (duplicate notes: ${breakdown.duplicate_notes})`,
    `   stalled runs             ${figures.stalled}   (jobs still queued: ${breakdown.pending_jobs})`,
    `   crashes                  ${figures.crashes}`,
    `   dead workers' jobs       freed within ${result.orphans.maxSeconds} s   (lease ${result.leaseMs / 1000} s; ended pools holding jobs: ${result.orphans.pools}, still holding at the end: ${result.orphans.stillHeld})`,
    `   longest recovery         ${figures.max_recovery_seconds} s   (${worst}; episodes: ${result.recovery.episodes}, never recovered: ${breakdown.unrecovered})`,
  ];
  for (const [figure, list] of Object.entries(examples)) {
    lines.push('', `   ${figure}, for example:`);
    for (const example of list) lines.push(`     - ${example}`);
  }
  for (const crash of result.crashes) {
    lines.push('', `   crash of ${crash.slot} (${crash.code ?? crash.signal}); its last lines:`);
    for (const line of crash.tail) lines.push(`     ${line.slice(0, 300)}`);
  }
  lines.push('', `   logs: ${result.dir}/logs`);
  return lines.join('\n');
}

export function jsonLine(figures: Figures, extras: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIGURE_KEYS) ordered[key] = figures[key];
  return JSON.stringify({ ...ordered, ...extras });
}

export function extrasOf(result: CampaignResult): Record<string, unknown> {
  return {
    mode: result.mode,
    seed: result.seed,
    seconds: result.seconds,
    fire_seconds: result.fireSeconds,
    settle_seconds: result.settleSeconds,
    ...result.verdict.breakdown,
    webhooks_banned: result.bannedWebhooks,
    xero_calls_per_document: callsPerDocument(result),
    kills: result.disruptions.kills,
    db_terminations: result.disruptions.dbTerminations,
    max_takeover_seconds: result.orphans.maxSeconds,
    orphaned_pools: result.orphans.pools,
  };
}

function callsPerDocument(result: CampaignResult): number {
  const documents = result.verdict.figures.documents;
  return documents === 0 ? 0 : Math.round((result.xeroCalls / documents) * 100) / 100;
}

/** Several modes in one line: counts added, the longest recovery kept. */
export function combined(results: readonly CampaignResult[]): Figures {
  const sum = (key: keyof Figures) =>
    results.reduce((total, result) => total + result.verdict.figures[key], 0);
  const figures = Object.fromEntries(
    FIGURE_KEYS.map((key) => [key, sum(key)]),
  ) as unknown as Figures;
  figures.max_recovery_seconds = Math.max(
    ...results.map((result) => result.verdict.figures.max_recovery_seconds),
  );
  return figures;
}
