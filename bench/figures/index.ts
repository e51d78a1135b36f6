/**
 * The figures of issue 12, each measured in one run of `npm run bench`, against their targets.
 * `quick` shortens the burst and the intake run so the whole bench takes a couple of minutes.
 */
import { availableParallelism, loadavg } from 'node:os';

import { measureCalls } from '../calls-per-document.bench.js';
import { prepareAppHome, startApp, timeCli } from './app-process.js';
import { measureBurst } from './burst.js';
import { measureFairness } from './fairness.js';
import { measureIntake } from './intake.js';
import { postgresBurstFigures } from './pg-burst-figures.js';

export interface Figure {
  key: string;
  value: number | string;
  target?: string;
  note?: string;
}

export async function measureFigures(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { quick, log } = options;
  const figures: Figure[] = [];
  const add = (figure: Figure) => {
    figures.push(figure);
    log(`  ${figure.key}: ${figure.value}${figure.target ? `   (target ${figure.target})` : ''}`);
  };

  log('calls per document (documentForDeal over the demo deals)…');
  const calls = await measureCalls();
  add({
    key: 'cold_calls_per_document',
    value: calls.cold,
    target: '≤ 3',
    note: 'a restarted process: reference data from the store',
  });
  add({
    key: 'first_document_calls',
    value: calls.newInstallation,
    note: "an installation's first document: its organisation's reference data read once",
  });
  add({ key: 'warm_calls_per_document', value: calls.warm, target: '≤ 1.0' });
  add({
    key: 'pipedrive_tokens_per_document',
    value: calls.pipedriveTokens,
    note: `${calls.pipedriveCalls} requests`,
  });

  log('the app in its own process (bin/pipedrive-xero.js start, SQLite)…');
  const home = await prepareAppHome();
  try {
    const app = await startApp(home);
    add({
      key: 'startup_ms',
      value: app.startupMs,
      target: '≤ 1000',
      note: home.compiled ? 'compiled dist/' : 'dist/ not current: TypeScript through tsx',
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    add({
      key: 'idle_rss_mb',
      value: app.rssMb(),
      target: '≤ 100',
      note: 'VmRSS of the app process 2 s after it listens; credentials set, so no sandboxes in it',
    });
    // V8 shrinks the young generation start-up grew some 15 s after it goes quiet.
    await new Promise((resolve) => setTimeout(resolve, 18_000));
    add({
      key: 'idle_rss_settled_mb',
      value: app.rssMb(),
      note: 'the same process 20 s after it listens, nothing asked of it',
    });
    const cpuBefore = app.cpuMs();
    const intake = await measureIntake(app.url, {
      connections: 10,
      seconds: quick ? 5 : 15,
      warmupSeconds: quick ? 1 : 3,
    });
    add({
      key: 'intake_rps',
      value: intake.rps,
      target: '≥ 3000',
      note: `${intake.requests} events (ids random UUIDs, as Pipedrive's), ${intake.errors} errors, 10 connections`,
    });
    add({ key: 'intake_p50_ms', value: intake.p50Ms });
    add({ key: 'intake_p99_ms', value: intake.p99Ms, target: '≤ 20' });
    add({
      key: 'intake_cpu_ms_per_event',
      value: Math.round(((app.cpuMs() - cpuBefore) / Math.max(1, intake.requests)) * 100) / 100,
    });
    add({ key: 'app_peak_rss_mb_intake', value: app.peakRssMb() });
    await app.stop();
    add({ key: 'cli_ms', value: await timeCli(home), note: 'status --json, end to end' });
  } finally {
    home.remove();
  }

  const deals = quick ? 200 : 1000;
  // The burst runs in real time: with documents batched it takes a minute or two, and a faster
  // clock made the bench's own CPU the floor (app and both sandboxes share 2 cores: at ×5 a
  // 1,000-deal burst took 176 clock seconds for 89 in real time). Fairness waits on Xero's minute
  // windows, so its clock still runs faster.
  const burstRate = 1;
  const rate = 5;
  log(`burst: ${deals} deals to "Won" at once, SQLite, real time…`);
  const burst = await measureBurst({ deals, rate: burstRate });
  add({ key: 'burst_documents', value: burst.documents });
  add({ key: 'burst_seconds', value: burst.seconds, target: '≤ 120 (1,000 deals)' });
  add({
    key: 'burst_floor_seconds',
    value: burst.floorSeconds,
    note: `${burst.xeroCalls} Xero calls at 60 a minute window; ${burst.pipedriveCalls} Pipedrive requests at 80 a 2 s window; deals all moved after ${burst.movedSeconds} s`,
  });
  add({ key: 'burst_ratio_to_floor', value: burst.ratioToFloor, target: '≤ 1.2' });
  add({ key: 'burst_429_count', value: burst.xero429, target: '0', note: "Xero's" });
  add({
    key: 'burst_pipedrive_429_count',
    value: burst.pipedrive429,
    note: "Pipedrive's (its 2-second window or the plan's daily token budget)",
  });
  add({ key: 'burst_lost', value: burst.lost, target: '0' });
  add({
    key: 'settings_save_during_backlog_ms',
    value: burst.settingsSave.ms,
    target: 'answered at once',
    note: `HTTP ${burst.settingsSave.status}, ${burst.settingsSave.backlog} drafts still to make; real ms`,
  });
  add({ key: 'burst_duplicates', value: burst.duplicates, target: '0' });
  add({
    key: 'burst_pipedrive_tokens_per_document',
    value: Math.round((burst.pipedriveTokens / burst.documents) * 10) / 10,
  });
  add({
    key: 'app_cpu_ms_per_document',
    value: burst.cpuMsPerDocument,
    target: '≤ 20',
    note: 'the bench process: app and both sandboxes (the app alone: pg_app_*)',
  });
  add({
    key: 'peak_rss_mb',
    value: burst.peakRssMb,
    target: '≤ 200',
    note: 'the bench process: app and both sandboxes (the app alone: pg_app_*)',
  });
  const backlog = quick ? 120 : 600;
  log(`fairness: company A moves ${backlog} deals, then company B 5; SQLite, clock ×${rate}…`);
  const fairness = await measureFairness({ backlog, deals: 5, rate });
  add({
    key: 'fairness_b_seconds',
    value: fairness.bSeconds,
    note: `B's 5 drafts behind A's ${backlog}; A had ${fairness.aDraftedWhenBDone} drafts then`,
  });
  add({
    key: 'fairness_b_alone_seconds',
    value: fairness.bAloneSeconds,
    note: "B's 5 drafts alone",
  });
  add({
    key: 'fairness_ratio',
    value: fairness.ratio,
    target: 'small (197 before issue 12)',
    note: `A's backlog took ${fairness.aSeconds} s; ${fairness.aLost} lost, ${fairness.duplicates} duplicates`,
  });
  add({
    key: 'workers',
    value: 1,
    note: 'embedded (start): one process, WORKER_CONCURRENCY 50 (the SQLite default)',
  });
  for (const figure of await postgresBurstFigures({ quick, log })) add(figure);
  add({
    key: 'cores',
    value: availableParallelism(),
    note: `load average ${loadavg()[0]?.toFixed(1)} at the end`,
  });
  add({
    key: 'clock_speedup',
    value: rate,
    note: 'fairness (the burst runs in real time); app and sandboxes on one clock',
  });
  return figures;
}
