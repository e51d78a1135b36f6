import { sql } from 'kysely';

import type { Db } from '../db.js';

/**
 * Every column that holds a value sealed with the SecretBox (invariant 6), for `rotate-key`: the
 * webhook password of a company and both vendors' tokens. A new sealed column belongs here, or a
 * rotation would leave it under the old key (test/integration/rotate-key.test.ts lists them too).
 */
const SEALED_COLUMNS = [
  { table: 'companies', key: ['id'], column: 'webhook_password_enc' },
  { table: 'pipedrive_connections', key: ['company_id', 'user_id'], column: 'access_token_enc' },
  { table: 'pipedrive_connections', key: ['company_id', 'user_id'], column: 'refresh_token_enc' },
  { table: 'xero_connections', key: ['company_id'], column: 'access_token_enc' },
  { table: 'xero_connections', key: ['company_id'], column: 'refresh_token_enc' },
] as const;

export interface SealedValue {
  table: string;
  column: string;
  /** The row's primary key values, in the order of its key columns. */
  key: (string | number)[];
  sealed: string;
}

export async function listSealedValues(db: Db): Promise<SealedValue[]> {
  const values: SealedValue[] = [];
  for (const spec of SEALED_COLUMNS) {
    const { rows } = await sql<Record<string, string | number | null>>`
      select ${sql.join(spec.key.map((name) => sql.ref(name)))}, ${sql.ref(spec.column)} as sealed
      from ${sql.table(spec.table)}
      where ${sql.ref(spec.column)} is not null`.execute(db);
    for (const row of rows) {
      values.push({
        table: spec.table,
        column: spec.column,
        key: spec.key.map((name) => row[name] as string | number),
        sealed: String(row['sealed']),
      });
    }
  }
  return values;
}

/**
 * Replaces one sealed value, only if it is still the one read: a token refreshed meanwhile was
 * sealed under the current key already, and is left as it is. True when replaced.
 */
export async function replaceSealedValue(
  db: Db,
  value: SealedValue,
  sealed: string,
): Promise<boolean> {
  const spec = SEALED_COLUMNS.find(
    (candidate) => candidate.table === value.table && candidate.column === value.column,
  );
  if (spec === undefined) throw new Error(`not a sealed column: ${value.table}.${value.column}`);
  const keyMatches = spec.key.map((name, index) => sql`${sql.ref(name)} = ${value.key[index]}`);
  const result = await sql`
    update ${sql.table(spec.table)} set ${sql.ref(spec.column)} = ${sealed}
    where ${sql.join(keyMatches, sql` and `)} and ${sql.ref(spec.column)} = ${value.sealed}`.execute(
    db,
  );
  return (result.numAffectedRows ?? 0n) > 0n;
}
