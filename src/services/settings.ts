import { updateCompanySettings } from '../store/repos/companies.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import {
  defaultSettings,
  type ParsedSettings,
  parseSettings,
  type Settings,
} from '../sync/settings.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';
import { checkSettingsAgainstPipedrive, checkSettingsAgainstXero } from './settings-check.js';

/**
 * A company's settings, read and saved the one way the API, the settings page, the import and the
 * CLI all use. Saving validates in full — every problem at once, unknown keys named
 * (sync/settings.ts) — and then against the connected Xero organisation's accounts and tax rates
 * (settings-check.ts), and the custom fields it names against the company's real Pipedrive fields;
 * nothing is stored unless all of it passes (invariant 8).
 */
export type SettingsCheck =
  | { ok: true; settings: Settings }
  | {
      ok: false;
      code:
        'settings_invalid' | 'settings_unknown_xero_codes' | 'settings_unknown_pipedrive_fields';
      message: string;
      /** Each problem as "path: message", for the page to show next to its field. */
      problems: string[];
    };

/** The settings as stored (`stored`) and as they parse now. */
export async function readSettings(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
): Promise<{ stored: unknown; parsed: ParsedSettings }> {
  const { settings } = await requireCompany(deps.db, companyId);
  return { stored: settings, parsed: parseSettings(settings) };
}

/** For the page and the export: stored settings that no longer parse show as the defaults. */
export async function settingsOrDefaults(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
): Promise<Settings> {
  const { parsed } = await readSettings(deps, companyId);
  return parsed.ok ? parsed.settings : defaultSettings();
}

/** The settings as they would be stored, or every problem with them. */
export async function checkSettings(
  deps: Pick<AppContext, 'db' | 'box' | 'connections'>,
  companyId: number,
  input: unknown,
): Promise<SettingsCheck> {
  await requireCompany(deps.db, companyId);
  const parsed = parseSettings(input);
  if (!parsed.ok) {
    const message = `Invalid settings: ${parsed.errors.join('; ')}`;
    return { ok: false, code: 'settings_invalid', message, problems: parsed.errors };
  }
  const fields = await checkSettingsAgainstPipedrive(
    await deps.connections.pipedriveFor(companyId),
    parsed.settings,
  );
  if (fields.length > 0) {
    const message = `Not in Pipedrive: ${fields.join('; ')}`;
    return { ok: false, code: 'settings_unknown_pipedrive_fields', message, problems: fields };
  }
  const xero = await getXeroConnection(deps.db, deps.box, companyId);
  if (xero === undefined) return parsed;
  const unknown = await checkSettingsAgainstXero(
    deps.connections.xero,
    { companyId: String(companyId), tenantId: xero.tenantId },
    parsed.settings,
  );
  if (unknown.length === 0) return parsed;
  const message = `Not in ${xero.tenantName}: ${unknown.join('; ')}`;
  return { ok: false, code: 'settings_unknown_xero_codes', message, problems: unknown };
}

/** Checks, and stores the settings only when they pass. */
export async function saveSettings(
  deps: Pick<AppContext, 'db' | 'box' | 'connections'>,
  companyId: number,
  input: unknown,
): Promise<SettingsCheck> {
  const checked = await checkSettings(deps, companyId, input);
  if (checked.ok) await updateCompanySettings(deps.db, companyId, checked.settings);
  return checked;
}
