import type { SecretBox } from '../../secrets.js';
import { compiledQuery } from '../compiled-query.js';
import { type Db, fromDbTime, toDbTime, withTransaction } from '../db.js';
import type { CompanyRow } from '../tables.js';

/** A Pipedrive company that installed the app. `settings` is validated by sync/settings.ts. */
export interface Company {
  id: number;
  domain: string;
  apiDomain: string;
  installedAt: Date;
  settings: unknown;
  webhookUser: string | null;
}

export interface CompanyInput {
  id: number;
  domain: string;
  apiDomain: string;
  installedAt: Date;
  settings?: unknown;
}

export interface WebhookCredentials {
  user: string;
  password: string;
}

function rowToCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    domain: row.domain,
    apiDomain: row.api_domain,
    installedAt: fromDbTime(row.installed_at),
    settings: JSON.parse(row.settings) as unknown,
    webhookUser: row.webhook_user,
  };
}

/** Creates the company, or refreshes its domains on reinstall (settings are kept). */
export async function upsertCompany(db: Db, input: CompanyInput): Promise<Company> {
  const row = await db
    .insertInto('companies')
    .values({
      id: input.id,
      domain: input.domain,
      api_domain: input.apiDomain,
      installed_at: toDbTime(input.installedAt),
      settings: JSON.stringify(input.settings ?? {}),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ domain: input.domain, api_domain: input.apiDomain }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToCompany(row);
}

/** Every installed company, by id. */
export async function listCompanies(db: Db): Promise<{ id: number; domain: string }[]> {
  return db.selectFrom('companies').select(['id', 'domain']).orderBy('id').execute();
}

export async function getCompany(db: Db, companyId: number): Promise<Company | undefined> {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', companyId)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToCompany(row);
}

export async function updateCompanySettings(
  db: Db,
  companyId: number,
  settings: unknown,
): Promise<boolean> {
  const result = await db
    .updateTable('companies')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', companyId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Stores the basic-auth pair Pipedrive sends with our webhooks; the password is sealed. */
export async function setWebhookCredentials(
  db: Db,
  box: SecretBox,
  companyId: number,
  credentials: WebhookCredentials,
): Promise<void> {
  await db
    .updateTable('companies')
    .set({
      webhook_user: credentials.user,
      webhook_password_enc: box.seal(credentials.password),
    })
    .where('id', '=', companyId)
    .execute();
}

export async function getWebhookCredentials(
  db: Db,
  box: SecretBox,
  companyId: number,
): Promise<WebhookCredentials | undefined> {
  const row = await db
    .selectFrom('companies')
    .select(['webhook_user', 'webhook_password_enc'])
    .where('id', '=', companyId)
    .executeTakeFirst();
  if (row?.webhook_user == null || row.webhook_password_enc === null) return undefined;
  return { user: row.webhook_user, password: box.open(row.webhook_password_enc) };
}

/** What the webhook intake reads per event, as stored (services/company-intake-view.ts caches it). */
export interface CompanyIntakeRow {
  webhookUser: string | null;
  sealedWebhookPassword: string | null;
  settingsText: string;
}

export async function getCompanyIntakeRow(
  db: Db,
  companyId: number,
): Promise<CompanyIntakeRow | undefined> {
  const { rows } = await intakeRowQuery(db, [companyId]);
  const row = rows[0];
  return (
    row && {
      webhookUser: row.webhook_user,
      sealedWebhookPassword: row.webhook_password_enc,
      settingsText: row.settings,
    }
  );
}

// Read for every webhook delivery (store/compiled-query.ts).
const intakeRowQuery = compiledQuery((db) =>
  db
    .selectFrom('companies')
    .select(['webhook_user', 'webhook_password_enc', 'settings'])
    .where('id', '=', 0)
    .compile(),
);

/**
 * Uninstall: every row of the company goes with it (foreign keys cascade, see 0001-initial.ts), and
 * its sessions and API keys, which have no foreign key (0008-access.ts), in the same transaction.
 */
export async function deleteCompany(db: Db, companyId: number): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    await trx.deleteFrom('sessions').where('company_id', '=', companyId).execute();
    await trx.deleteFrom('api_keys').where('company_id', '=', companyId).execute();
    const result = await trx.deleteFrom('companies').where('id', '=', companyId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}
