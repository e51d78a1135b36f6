import { basicAuthCheck } from '../pipedrive/webhook-auth.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import { getCompanyIntakeRow } from '../store/repos/companies.js';
import { type ParsedSettings, parseSettings } from '../sync/settings.js';

/**
 * What the webhook intake needs of a company — the check of its webhook credentials (opened and
 * hashed) and its settings, parsed — kept per company so that an event costs one small read
 * instead of a decryption, a hash and a settings parse. The read is what keeps it right across
 * processes (a settings save or a reinstall in another `serve`, a `settings set` from the CLI):
 * the cached view is used only while the row still holds the very texts it was made from, and is
 * remade from the row otherwise.
 */
export interface CompanyIntakeView {
  /** Whether an Authorization header carries the company's webhook credentials; none set: undefined. */
  acceptsAuthorization: ((header: string | undefined) => boolean) | undefined;
  settings: ParsedSettings;
}

interface Cached {
  user: string | null;
  sealedPassword: string | null;
  settingsText: string;
  view: CompanyIntakeView;
}

// Per store handle, so two apps in one process (tests) never share entries.
const caches = new WeakMap<Db, Map<number, Cached>>();

/** The company's view, or undefined when it is not installed. */
export async function companyIntakeView(
  deps: { db: Db; box: SecretBox },
  companyId: number,
): Promise<CompanyIntakeView | undefined> {
  let cache = caches.get(deps.db);
  if (cache === undefined) caches.set(deps.db, (cache = new Map()));
  const row = await getCompanyIntakeRow(deps.db, companyId);
  if (row === undefined) {
    cache.delete(companyId);
    return undefined;
  }
  const cached = cache.get(companyId);
  if (
    cached !== undefined &&
    cached.user === row.webhookUser &&
    cached.sealedPassword === row.sealedWebhookPassword &&
    cached.settingsText === row.settingsText
  )
    return cached.view;
  const view: CompanyIntakeView = {
    acceptsAuthorization:
      row.webhookUser === null || row.sealedWebhookPassword === null
        ? undefined
        : basicAuthCheck(row.webhookUser, deps.box.open(row.sealedWebhookPassword)),
    settings: parseSettings(JSON.parse(row.settingsText)),
  };
  cache.set(companyId, {
    user: row.webhookUser,
    sealedPassword: row.sealedWebhookPassword,
    settingsText: row.settingsText,
    view,
  });
  return view;
}
