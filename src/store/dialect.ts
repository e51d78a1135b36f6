import { AppError } from '../errors.js';

/**
 * DATABASE_URL → which dialect and where. Pure, so it is unit-testable and every caller agrees:
 * - `sqlite:./data/app.db` or `sqlite:/abs/path.db` → a SQLite file (embedded mode);
 * - `:memory:` or `sqlite::memory:` → an in-memory SQLite database (tests, one connection);
 * - `postgres://…` or `postgresql://…` → PostgreSQL (scale-out mode).
 */
export type DialectName = 'sqlite' | 'postgres';

export type DatabaseTarget =
  { dialect: 'sqlite'; filename: string } | { dialect: 'postgres'; connectionString: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url === ':memory:' || url === 'sqlite::memory:') {
    return { dialect: 'sqlite', filename: ':memory:' };
  }
  if (url.startsWith('sqlite:')) {
    const filename = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (filename !== '') return { dialect: 'sqlite', filename };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url };
  }
  throw new AppError(
    'store_bad_url',
    `Database URL must be "sqlite:<path>", ":memory:" or "postgres://…"; got "${redactUrl(url)}"`,
  );
}

/** The URL with any password replaced, for messages and logs (invariant 6). */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
