import { getUsage, usageMonth } from '../store/repos/usage.js';
import {
  BULK_SYNC_WHATS,
  type BulkSyncState,
  bulkSyncState,
  type BulkSyncWhat,
} from './bulk-sync.js';
import type { AppContext } from './context.js';
import { xeroConnectUrl } from './links.js';
import type { ChoicesLoader, SettingsChoices } from './settings-choices.js';
import {
  type CatchUpResult,
  type CompanyStatus,
  statusReport,
  type WebhookHealth,
} from './status-report.js';

/**
 * Everything the settings page shows beside the form: what to pick from, the connections, the
 * webhook's health and last catch-up, this month's usage against the plan, and each bulk sync's
 * progress. The route renders it with the form's values.
 */
export interface SettingsPageData {
  choices: SettingsChoices;
  pipedrive: CompanyStatus['pipedrive'];
  xero: CompanyStatus['xero'];
  catchUp: { webhook: WebhookHealth | null; last: CatchUpResult | null };
  /** The Xero connect link, relative to the app (it needs the signed-in session). */
  connectUrl: string;
  usage: { month: string; used: number; quota: number };
  bulk: { what: BulkSyncWhat; state: BulkSyncState | undefined }[];
}

export async function settingsPageData(
  deps: Pick<AppContext, 'db' | 'box' | 'clock' | 'planMonthlyQuota'>,
  choices: ChoicesLoader,
  companyId: number,
): Promise<SettingsPageData> {
  const month = usageMonth(deps.clock.now());
  const [loaded, report, used, bulk] = await Promise.all([
    choices.load(companyId),
    statusReport(deps.db, { companyId, runs: 1, now: deps.clock.now() }),
    getUsage(deps.db, companyId, month),
    Promise.all(
      BULK_SYNC_WHATS.map(async (what) => ({
        what,
        state: await bulkSyncState(deps, companyId, what),
      })),
    ),
  ]);
  const company = report.companies[0];
  return {
    choices: loaded,
    pipedrive: company?.pipedrive ?? null,
    xero: company?.xero ?? null,
    catchUp: { webhook: company?.catchUp?.webhook ?? null, last: company?.catchUp?.last ?? null },
    connectUrl: xeroConnectUrl('', companyId),
    usage: { month, used, quota: deps.planMonthlyQuota },
    bulk,
  };
}
