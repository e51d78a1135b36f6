import type { RefusalCode } from '../../errors/catalogue.js';

/**
 * Refusals are values: the mapping returns one instead of a document when the deal cannot become an
 * exact Xero document. `code` is stable and user-visible: the refusals of errors/catalogue.ts, where
 * a new one is added (sync/refusals.ts must then word its note); `details` carries what
 * sync/refusals.ts needs to write the deal note in plain words.
 */

export type { RefusalCode };

export interface Refusal {
  code: RefusalCode;
  message: string;
  details: Record<string, string | number | string[]>;
}

export type Refused = { ok: false; refusal: Refusal };

export function refuse(
  code: RefusalCode,
  message: string,
  details: Refusal['details'] = {},
): Refused {
  return { ok: false, refusal: { code, message, details } };
}
