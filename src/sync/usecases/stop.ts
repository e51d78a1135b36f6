import type { ErrorCode } from '../../errors/catalogue.js';
import type { Refusal } from '../mapping/refusal.js';
import { refusalNote } from '../refusals.js';

/**
 * Why a run stopped without a document and what the deal note says: a mapping refusal, or a
 * reason found on the way (no customer, Xero refused a contact or an item, …). `message` is for the
 * run history, `note` the plain-words text for the deal (the replay link is added when written).
 */
export interface Stop {
  code: ErrorCode;
  message: string;
  note: string;
}

export function stopFromRefusal(refusal: Refusal): Stop {
  return { code: refusal.code, message: refusal.message, note: refusalNote(refusal) };
}
