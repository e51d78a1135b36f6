import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { sql } from 'kysely';
import pg from 'pg';

import { type OpenDatabase, openDatabase, toDbTime } from '../../src/store/db.js';
import type { RunStatus } from '../../src/store/tables.js';

/**
 * The app's store as the campaign sees it: made fresh for the run (a SQLite file in the run's
 * folder, or a PostgreSQL database of its own created through the admin URL), its connections
 * terminated on demand, and read at the end for the oracle (runs, documents, usage, queued jobs).
 */
export interface AppRun {
  id: string;
  companyId: number;
  dealId: number | null;
  triggerKey: string | null;
  status: RunStatus;
  reasonCode: string | null;
}

export interface AppState {
  runs: AppRun[];
  documents: { companyId: number; dealId: number; triggerKey: string; xeroId: string | null }[];
  /** documents_created summed over every month, per company. */
  usage: Map<number, number>;
  /** Queue jobs due or running (failed-for-good ones and those waiting for a later time excluded). */
  pendingJobs: number;
}

export interface CampaignStore {
  url: string;
  dialect: 'sqlite' | 'postgres';
  /** Terminates every connection the app holds (PostgreSQL); how many were terminated. */
  terminateConnections(): Promise<number>;
  read(): Promise<AppState>;
  /** The queue pools (`locked_by`: graphile's, or the embedded queue's worker id) holding jobs now. */
  lockedPools(): Promise<string[]>;
  close(): Promise<void>;
  /** Closes and removes the database (the SQLite file goes with the run's folder). */
  drop(): Promise<void>;
}

export async function createCampaignStore(
  dialect: 'sqlite' | 'postgres',
  dir: string,
  adminUrl: string,
  /** The PostgreSQL database's name is this and a random suffix. */
  prefix = 'pdx_campaign',
): Promise<CampaignStore> {
  let url: string;
  let name = '';
  if (dialect === 'sqlite') {
    url = `sqlite:${join(dir, 'app.db')}`;
  } else {
    name = `${prefix}_${randomBytes(5).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
  }
  let reader: OpenDatabase | undefined;
  const close = async () => {
    await reader?.close();
    reader = undefined;
  };
  return {
    url,
    dialect,
    async terminateConnections() {
      if (dialect === 'sqlite') return 0;
      await close();
      const result = await withAdmin(adminUrl, (client) =>
        client.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        ),
      );
      return result.rows[0]?.n ?? 0;
    },
    async lockedPools() {
      reader ??= openDatabase(url);
      const { rows } =
        dialect === 'sqlite'
          ? // A lease that ran out frees the job: claimJob takes it like any queued job.
            await sql<{ pool: string }>`SELECT DISTINCT locked_by AS pool FROM jobs
              WHERE status = 'running' AND locked_by IS NOT NULL
                AND locked_until > ${toDbTime(new Date())}`.execute(reader.db)
          : await sql<{ pool: string }>`SELECT DISTINCT locked_by AS pool
              FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL`.execute(reader.db);
      return rows.map((row) => row.pool);
    },
    async read() {
      reader ??= openDatabase(url);
      const { db } = reader;
      const runs = await db
        .selectFrom('runs')
        .select(['id', 'company_id', 'deal_id', 'trigger_key', 'status', 'reason_code'])
        .execute();
      const documents = await db
        .selectFrom('documents')
        .select(['company_id', 'deal_id', 'trigger_key', 'xero_id'])
        .execute();
      const usageRows = await db
        .selectFrom('usage')
        .select(['company_id', 'documents_created'])
        .execute();
      const usage = new Map<number, number>();
      for (const row of usageRows)
        usage.set(row.company_id, (usage.get(row.company_id) ?? 0) + Number(row.documents_created));
      // Due or running: a job waiting for a later time (a periodic check, a backoff) is not work
      // left over; a run it would finish is still open and counted as such.
      const pending =
        dialect === 'sqlite'
          ? await sql<{ n: number }>`SELECT count(*) AS n FROM jobs
              WHERE status = 'running' OR (status = 'pending' AND run_at <= ${new Date().toISOString()})`.execute(
              db,
            )
          : await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs
              WHERE attempts < max_attempts AND (locked_at IS NOT NULL OR run_at <= now())`.execute(
              db,
            );
      return {
        runs: runs.map((run) => ({
          id: run.id,
          companyId: run.company_id,
          dealId: run.deal_id,
          triggerKey: run.trigger_key,
          status: run.status,
          reasonCode: run.reason_code,
        })),
        documents: documents.map((doc) => ({
          companyId: doc.company_id,
          dealId: doc.deal_id,
          triggerKey: doc.trigger_key,
          xeroId: doc.xero_id,
        })),
        usage,
        pendingJobs: Number(pending.rows[0]?.n ?? 0),
      };
    },
    close,
    async drop() {
      await close();
      if (dialect === 'postgres')
        await withAdmin(adminUrl, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        );
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
