/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no timezone shifts a day. Dates come in as
 * inputs (the mapping never reads a clock).
 */

export interface DueDateTerms {
  type: 'days_after_invoice' | 'day_of_following_month';
  days: number;
}

export function addDays(date: string, days: number): string {
  const time = Date.UTC(year(date), month(date) - 1, day(date) + days);
  return new Date(time).toISOString().slice(0, 10);
}

/** Xero's own terms (PaymentTerms types DAYSAFTERBILLDATE, OFFOLLOWINGMONTH); day clamped to the month. */
export function dueDate(invoiceDate: string, terms: DueDateTerms): string {
  if (terms.type === 'days_after_invoice') return addDays(invoiceDate, terms.days);
  const lastDay = new Date(Date.UTC(year(invoiceDate), month(invoiceDate) + 1, 0)).getUTCDate();
  const time = Date.UTC(year(invoiceDate), month(invoiceDate), Math.min(terms.days, lastDay));
  return new Date(time).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

const year = (date: string) => Number(date.slice(0, 4));
const month = (date: string) => Number(date.slice(5, 7));
const day = (date: string) => Number(date.slice(8, 10));
