/**
 * "Today" for a document is the organisation's date, not the server's: a deal won at 9 am in
 * Auckland is still the previous day in UTC. Xero names timezones the Windows way
 * (Organisation.Timezone, docs/vendors/xero.md §12); this table covers the regions Xero sells in, and an unknown
 * name falls back to UTC (a document dated a day off, never a failure).
 */
const IANA: Record<string, string> = {
  NEWZEALANDSTANDARDTIME: 'Pacific/Auckland',
  CHATHAMISLANDSSTANDARDTIME: 'Pacific/Chatham',
  AUSEASTERNSTANDARDTIME: 'Australia/Sydney',
  EAUSTRALIASTANDARDTIME: 'Australia/Brisbane',
  TASMANIASTANDARDTIME: 'Australia/Hobart',
  CENAUSTRALIASTANDARDTIME: 'Australia/Adelaide',
  AUSCENTRALSTANDARDTIME: 'Australia/Darwin',
  WAUSTRALIASTANDARDTIME: 'Australia/Perth',
  GMTSTANDARDTIME: 'Europe/London',
  GREENWICHSTANDARDTIME: 'Atlantic/Reykjavik',
  WEUROPESTANDARDTIME: 'Europe/Berlin',
  ROMANCESTANDARDTIME: 'Europe/Paris',
  SOUTHAFRICASTANDARDTIME: 'Africa/Johannesburg',
  SINGAPORESTANDARDTIME: 'Asia/Singapore',
  CHINASTANDARDTIME: 'Asia/Shanghai',
  EASTERNSTANDARDTIME: 'America/New_York',
  CENTRALSTANDARDTIME: 'America/Chicago',
  MOUNTAINSTANDARDTIME: 'America/Denver',
  USMOUNTAINSTANDARDTIME: 'America/Phoenix',
  PACIFICSTANDARDTIME: 'America/Los_Angeles',
  ALASKANSTANDARDTIME: 'America/Anchorage',
  HAWAIIANSTANDARDTIME: 'Pacific/Honolulu',
  UTC: 'UTC',
};

/** `YYYY-MM-DD` of `now` in the Xero organisation's timezone. */
export function organisationToday(now: Date, xeroTimezone: string | null): string {
  const timeZone = (xeroTimezone && IANA[xeroTimezone.toUpperCase()]) ?? 'UTC';
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
