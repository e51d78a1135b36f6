import { createHash } from 'node:crypto';

/**
 * How the Accounting API writes values (docs/vendors/xero.md §2): MS-JSON dates, convenience date strings,
 * money with 2 dp, quantities with 4 dp. Pure helpers shared by every view.
 */

/** `/Date(1539993600000+0000)/` — the form Xero uses for Date, DueDate, UpdatedDateUTC. */
export function msDate(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

/** Parses `/Date(ms[+zzzz])/`; undefined for anything else. */
export function parseMsDate(value: string): number | undefined {
  const match = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** A calendar day `YYYY-MM-DD` as MS-JSON (midnight UTC, as Xero sends document dates). */
export function dayToMsDate(day: string): string {
  return msDate(Date.parse(`${day}T00:00:00Z`));
}

/** `DateString` / `DueDateString`: `2018-10-20T00:00:00`. */
export function dayToDateString(day: string): string {
  return `${day}T00:00:00`;
}

/** A request date: `YYYY-MM-DD`, an ISO date-time, or MS-JSON; returns the day or undefined. */
export function parseRequestDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = parseMsDate(value);
  if (ms !== undefined) return new Date(ms).toISOString().slice(0, 10);
  const match = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?$/.exec(value);
  if (!match?.[1] || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return undefined;
  return match[1];
}

/** Today in the organisation's timezone (docs/vendors/xero.md §10: Date defaults to today in org timezone). */
export function todayIn(timeZone: string, nowMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(nowMs);
}

/** Stable uuid-shaped ids for seed data, so tests and docs can name them. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Decimal places per field name when serialising; every other number is money (2 dp). */
const FIXED_DP: Record<string, number> = {
  Quantity: 4,
  CurrencyRate: 6,
  EffectiveRate: 4,
  DisplayTaxRate: 4,
  Rate: 4,
};
const INTEGER_FIELDS = new Set([
  'ErrorNumber',
  'SortOrder',
  'page',
  'pageSize',
  'pageCount',
  'itemCount',
  'FinancialYearEndDay',
  'FinancialYearEndMonth',
  'Day',
]);
const MARK = '\u0001';

/**
 * JSON with Xero's fixed decimals (`AmountDue: 40.00`, `Quantity: 2.0000`). `unitDp` is 2, or 4
 * with `?unitdp=4` and on quotes (docs/vendors/money.md B4).
 */
export function toXeroJson(body: unknown, unitDp: 2 | 4 = 2): string {
  const text = JSON.stringify(body, (key, value: unknown) => {
    if (typeof value !== 'number' || INTEGER_FIELDS.has(key) || !Number.isFinite(value)) {
      return value;
    }
    const dp = key === 'UnitAmount' || key === 'UnitPrice' ? unitDp : (FIXED_DP[key] ?? 2);
    return MARK + value.toFixed(dp);
  });
  return text.replace(/"\\u0001(-?[0-9.]+)"/g, '$1');
}
