import type { Settings } from '../sync/settings.js';
import type { XeroClient } from '../xero/client.js';
import type { XeroAccount, XeroTaxRate, XeroTenantRef } from '../xero/types.js';

/**
 * Settings name Xero codes (an account, tax types); on save they are checked against the connected
 * organisation, so a typo is refused now with its name instead of failing every later sync.
 * `unknownXeroCodes` is pure; `checkSettingsAgainstXero` reads the organisation's lists.
 */
export function unknownXeroCodes(
  settings: Settings,
  accounts: readonly XeroAccount[],
  taxRates: readonly XeroTaxRate[],
): string[] {
  const accountCodes = new Set(
    accounts.filter((account) => account.Status !== 'ARCHIVED').map((account) => account.Code),
  );
  const taxTypes = new Set(
    taxRates.filter((rate) => rate.Status !== 'DELETED').map((rate) => rate.TaxType),
  );
  const problems: string[] = [];
  const { documents } = settings;
  if (!accountCodes.has(documents.defaultAccountCode)) {
    problems.push(
      `documents.defaultAccountCode: Xero has no active account "${documents.defaultAccountCode}"`,
    );
  }
  const named: [string, string | null][] = [
    ['documents.defaultTaxType', documents.defaultTaxType],
    ['documents.noTaxType', documents.noTaxType],
    ...documents.taxMappings.map((mapping, index): [string, string] => [
      `documents.taxMappings.${index}.taxType`,
      mapping.taxType,
    ]),
  ];
  for (const [path, taxType] of named) {
    if (taxType !== null && !taxTypes.has(taxType)) {
      problems.push(`${path}: Xero has no active tax rate "${taxType}"`);
    }
  }
  return problems;
}

export async function checkSettingsAgainstXero(
  xero: XeroClient,
  ref: XeroTenantRef,
  settings: Settings,
): Promise<string[]> {
  const [accounts, taxRates] = await Promise.all([xero.getAccounts(ref), xero.getTaxRates(ref)]);
  return unknownXeroCodes(settings, accounts, taxRates);
}
