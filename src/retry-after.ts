/**
 * `Retry-After` (RFC 9110 §10.2.3) as milliseconds from `nowMs`: delta-seconds ("66975") or an
 * HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT"); a date in the past means 0. Absent or unreadable →
 * undefined. Rounded up: the other side said "not before", so a retry never leaves early. Pure (no
 * clock, `nowMs` comes in), after sindresorhus/ky `source/core/retry-timing.ts`; both vendor
 * clients read the header with it.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Only real HTTP-dates: Date.parse alone would also accept "12" or "-1".
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
