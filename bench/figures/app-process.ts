/**
 * The app as production runs it: `bin/pipedrive-xero.js` in a process of its own (compiled dist/
 * when current; the bench says which), embedded mode on a SQLite file, with one installed company
 * whose webhook credentials and settings are written straight into the store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { distIsCurrent } from '../../scripts/dist-state.js';
import { createSecretBox } from '../../src/secrets.js';
import { openDatabase } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrations/index.js';
import {
  setWebhookCredentials,
  updateCompanySettings,
  upsertCompany,
} from '../../src/store/repos/companies.js';
import { processCpuMs, processMemoryMb } from './proc-usage.js';

export const COMPANY_ID = 8087566;
export const WEBHOOK = { user: 'bench-user', password: randomBytes(12).toString('hex') };

export interface AppHome {
  dir: string;
  env: Record<string, string>;
  compiled: boolean;
  remove(): void;
}

/** A data directory with a migrated store and one company (a trigger on stage 4 of pipeline 1). */
export async function prepareAppHome(): Promise<AppHome> {
  const dir = mkdtempSync(join(tmpdir(), 'pdx-bench-'));
  const key = randomBytes(32).toString('base64');
  const databaseUrl = `sqlite:${join(dir, 'app.db')}`;
  const store = openDatabase(databaseUrl);
  await migrateToLatest(store.db);
  await upsertCompany(store.db, {
    id: COMPANY_ID,
    domain: 'bench',
    apiDomain: 'http://127.0.0.1:9',
    installedAt: new Date(),
  });
  await setWebhookCredentials(store.db, createSecretBox(key), COMPANY_ID, WEBHOOK);
  await updateCompanySettings(store.db, COMPANY_ID, {
    triggers: { rules: [{ pipelineId: 1, stageId: 4, document: 'invoice' }], onWon: null },
  });
  await store.close();
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: key,
    PIPEDRIVE_CLIENT_ID: 'bench',
    PIPEDRIVE_CLIENT_SECRET: 'bench',
    XERO_CLIENT_ID: 'bench',
    XERO_CLIENT_SECRET: 'bench',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    // No catch-up during the bench: the company's Pipedrive is not reachable.
    CATCH_UP_INTERVAL_MS: String(24 * 3_600_000),
  };
  return {
    dir,
    env,
    compiled: distIsCurrent(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunningApp {
  child: ChildProcess;
  url: string;
  /** From spawn to the "listening" log line. */
  startupMs: number;
  rssMb(): number;
  peakRssMb(): number;
  cpuMs(): number;
  stop(): Promise<void>;
}

export function startApp(home: AppHome, command = 'start'): Promise<RunningApp> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/pipedrive-xero.js', command], {
    env: home.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /"address":"([^"]+)"/.exec(output)?.[1];
      if (address === undefined) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({
        child,
        url: address,
        startupMs: Math.round(performance.now() - started),
        rssMb: () => processMemoryMb(child.pid!, 'VmRSS'),
        peakRssMb: () => processMemoryMb(child.pid!, 'VmHWM'),
        cpuMs: () => processCpuMs(child.pid!),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the app exited (${code}): ${output}`)));
  });
}

/** Wall time of one CLI command, end to end (`status --json` on the same store). */
export function timeCli(home: AppHome): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/pipedrive-xero.js', 'status', '--json'], {
      env: home.env,
      stdio: 'ignore',
    });
    child.once('exit', (code) =>
      code === 0
        ? resolve(Math.round(performance.now() - started))
        : reject(new Error(`status exited ${code}`)),
    );
  });
}
