import { dec } from './amounts.js';
import { refuse, type Refused } from './refusal.js';
import type { OrgTaxRate } from './types.js';

/**
 * Line tax % → Xero TaxType (docs/vendors/money.md, mapping consequence 1). TaxType codes differ per
 * region and organisation (docs/vendors/xero.md §12), so we never hard-code them: an explicit mapping first, then
 * the default TaxType, then the organisation's only active revenue rate with that percentage.
 * Whatever is chosen must exist, be ACTIVE, apply to revenue and carry the line's rate — otherwise
 * Xero's tax would differ from Pipedrive's and the total could not be exact.
 */

export interface TaxSettings {
  taxMappings: readonly { ratePercent: number; taxType: string }[];
  defaultTaxType: string | null;
  noTaxType: string;
}

export type TaxTypeResult = { ok: true; taxType: string } | Refused;

export function taxTypeForRate(
  ratePercent: number,
  settings: TaxSettings,
  taxRates: readonly OrgTaxRate[],
): TaxTypeResult {
  const rate = dec(ratePercent);
  if (rate.isZero()) return checkTaxType(settings.noTaxType, ratePercent, taxRates);
  const mapped = settings.taxMappings.find((mapping) => dec(mapping.ratePercent).equals(rate));
  if (mapped) return checkTaxType(mapped.taxType, ratePercent, taxRates);
  const byDefault = taxRates.find((taxRate) => taxRate.TaxType === settings.defaultTaxType);
  if (byDefault && dec(byDefault.rate).equals(rate)) {
    return checkTaxType(byDefault.TaxType, ratePercent, taxRates);
  }
  const candidates = taxRates.filter(
    (taxRate) => isUsableForSales(taxRate) && dec(taxRate.rate).equals(rate),
  );
  if (candidates.length === 1) return { ok: true, taxType: candidates[0]!.TaxType };
  return refuse(
    'tax_rate_not_mapped',
    candidates.length === 0
      ? `No active sales tax rate of ${ratePercent} % in Xero, and no mapping for it`
      : `Several Xero tax rates of ${ratePercent} % (${candidates.map((c) => c.TaxType).join(', ')}); map one in settings`,
    { ratePercent, candidates: candidates.map((c) => c.TaxType) },
  );
}

/** Validates a TaxType chosen by settings (also the noTaxType used for rounding lines). */
export function checkTaxType(
  taxType: string,
  ratePercent: number,
  taxRates: readonly OrgTaxRate[],
): TaxTypeResult {
  const found = taxRates.find((taxRate) => taxRate.TaxType === taxType);
  if (!found) {
    return refuse('tax_type_not_found', `Xero has no tax rate ${taxType}`, {
      taxType,
      ratePercent,
    });
  }
  if (found.Status !== 'ACTIVE') {
    return refuse('tax_type_not_active', `Xero tax rate ${taxType} is ${found.Status}`, {
      taxType,
      status: found.Status,
    });
  }
  if (!found.CanApplyToRevenue) {
    return refuse('tax_type_not_for_sales', `Xero tax rate ${taxType} cannot be used on sales`, {
      taxType,
    });
  }
  if (!dec(found.rate).equals(dec(ratePercent))) {
    return refuse(
      'tax_rate_mismatch',
      `Xero tax rate ${taxType} is ${found.rate} %, the deal line has ${ratePercent} %`,
      { taxType, ratePercent, xeroRatePercent: found.rate },
    );
  }
  return { ok: true, taxType };
}

function isUsableForSales(taxRate: OrgTaxRate): boolean {
  return taxRate.Status === 'ACTIVE' && taxRate.CanApplyToRevenue;
}
