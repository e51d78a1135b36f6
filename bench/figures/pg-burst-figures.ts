/**
 * The PostgreSQL burst's figures for latest.json and latest.md (issue 12: "a PostgreSQL variant
 * runs 1 `serve` and 3 `worker` processes with 20 companies × 50 deals"). Skipped, with a line
 * saying so, when no PostgreSQL server is named: BENCH_DATABASE_URL, else TEST_DATABASE_URL (the
 * bench creates a database `pdx_bench_<random>` there and drops it at the end).
 */
import { measurePostgresBurst, type PgBurstFigures } from './burst-postgres.js';
import type { Figure } from './index.js';

const WORKERS = 3;
const WORKER_CONCURRENCY = 4;

export async function postgresBurstFigures(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { quick, log } = options;
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (url === undefined || url === '') {
    const why = 'skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server';
    log(`pg burst: ${why}`);
    return [{ key: 'pg_burst_documents', value: 'skipped', note: why }];
  }
  const companies = 20;
  const dealsPerCompany = quick ? 10 : 50;
  log(
    `pg burst: ${companies} companies × ${dealsPerCompany} deals to "Won" at once, PostgreSQL, ` +
      `serve + ${WORKERS} workers, real time…`,
  );
  const burst = await measurePostgresBurst({
    adminDatabaseUrl: url,
    companies,
    dealsPerCompany,
    workers: WORKERS,
    workerConcurrency: WORKER_CONCURRENCY,
    timeoutMs: (quick ? 5 : 15) * 60_000,
    log,
  });
  const size = `${companies} companies × ${dealsPerCompany} deals${quick ? ' (--quick; 20 × 50 in full)' : ''}`;
  const timedOut = burst.timedOut ? '; TIMED OUT, figures as far as it got' : '';
  const runs = Object.entries(burst.runs)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const how = burst.compiled ? 'compiled dist/' : 'dist/ not current: TypeScript through tsx';
  const bound = burst.floorCompany;
  const crashed =
    burst.crashes > 0 ? `; ${burst.crashes} crashes: an exited process's CPU is not counted` : '';
  return [
    {
      key: 'pg_burst_documents',
      value: burst.documents,
      note: `${size}; ${burst.made} made, ${burst.notesSent} notes sent; runs: ${runs}${timedOut}`,
    },
    {
      key: 'pg_burst_seconds',
      value: burst.seconds,
      note: `real time (no clock speed-up across processes), first move to last note${timedOut}`,
    },
    {
      key: 'pg_burst_floor_seconds',
      value: burst.floorSeconds,
      note:
        `${bound.domain}: its first deal moved at ${bound.movedSeconds} s, then its organisation's ` +
        `${bound.xeroCalls} Xero calls at 60/min and its ${bound.pipedriveCalls} Pipedrive ` +
        `requests at 80/2 s, windows as burst_floor_seconds; deals all moved after ` +
        `${burst.movedSeconds} s. Busiest organisation ${burst.xeroCallsMaxOrg} Xero calls ` +
        `(${burst.xeroCalls} in all), busiest company ${burst.pipedriveCallsMaxCompany} Pipedrive ` +
        `requests (${burst.pipedriveCalls} in all); counted from the first move for every ` +
        `company, the floor would be ${burst.floorFromFirstMoveSeconds} s (ratio ` +
        `${burst.floorFromFirstMoveSeconds > 0 ? round(burst.seconds / burst.floorFromFirstMoveSeconds) : '–'})`,
    },
    { key: 'pg_burst_ratio_to_floor', value: burst.ratioToFloor, target: '≤ 1.2' },
    { key: 'pg_burst_429_count', value: burst.xero429, target: '0', note: "Xero's" },
    {
      key: 'pg_burst_pipedrive_429_count',
      value: burst.pipedrive429,
      note: `Pipedrive's; ${burst.pipedriveTokens} tokens spent`,
    },
    { key: 'pg_burst_lost', value: burst.lost, target: '0' },
    { key: 'pg_burst_duplicates', value: burst.duplicates, target: '0' },
    {
      key: 'pg_burst_duplicate_contacts',
      value: burst.duplicateContacts,
      target: '0',
      note: '5 customers per company, their contacts made by jobs of different workers at once',
    },
    {
      key: 'pg_app_cpu_ms_per_document',
      value: round(sum(burst.appProcesses.map((p) => p.cpuMs)) / Math.max(1, burst.documents)),
      target: '≤ 20',
      note:
        `the app processes alone (serve + ${WORKERS} workers, not the bench or its sandboxes): ` +
        `their user + system CPU (/proc/<pid>/stat) from the first move to the last note, ` +
        `÷ ${burst.documents} documents; ${perSlot(burst, (p) => `${p.cpuMs} ms`)}; ${how}${crashed}`,
    },
    {
      key: 'pg_app_peak_rss_mb',
      value: Math.max(0, ...burst.appProcesses.map((p) => p.peakRssMb)),
      target: '≤ 200',
      note:
        `the largest peak RSS of any one app process (VmHWM of /proc/<pid>/status: since its ` +
        `start, setup included); ${perSlot(burst, (p) => `${p.peakRssMb} MB`)}; ${how}${crashed}`,
    },
    {
      key: 'pg_workers',
      value: WORKERS,
      note:
        `worker processes, WORKER_CONCURRENCY ${WORKER_CONCURRENCY}, and one serve; ` +
        `${burst.crashes} crashes; ${how}; ` +
        `setup (seed, install, Xero's quiet minute) ${burst.setupSeconds} s`,
    },
  ];
}

const round = (value: number) => Math.round(value * 100) / 100;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
/** "serve 1234 ms, worker-1 …": one figure of each app process, by slot. */
const perSlot = (
  burst: PgBurstFigures,
  show: (process: PgBurstFigures['appProcesses'][number]) => string,
) => burst.appProcesses.map((process) => `${process.slot} ${show(process)}`).join(', ');
