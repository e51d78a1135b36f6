import { AppError } from '../../errors.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import { PipedriveApiError } from '../../pipedrive/errors.js';
import { XeroApiError, XeroAuthError, XeroValidationError } from '../../xero/errors.js';
import type { Stop } from './stop.js';

/**
 * What a thrown error means for a run (failures are typed errors):
 * - `retry`: transient (AppError.retryable, or not an AppError at all — the queue treats unknown
 *   errors as transient, queue/retry.ts); the job is retried and no note is written yet;
 * - `stop`: retrying the same request cannot help (Xero's validation, a lost connection, a refused
 *   request); the run waits for a fix and the note says what to do, then Replay.
 */
export type Failure = { kind: 'retry' } | { kind: 'stop'; stop: Stop };

const XERO_RECONNECT: ReadonlySet<ErrorCode> = new Set([
  'xero_reauth_required',
  'xero_tenant_forbidden',
  'xero_unauthorized',
]);
const PIPEDRIVE_RECONNECT: ReadonlySet<ErrorCode> = new Set([
  'pipedrive_reauthorization_required',
  'pipedrive_unauthorized',
  'pipedrive_forbidden',
]);

export function classifyFailure(error: unknown): Failure {
  if (error instanceof XeroValidationError)
    return { kind: 'stop', stop: xeroRefused(error.messages) };
  if (!(error instanceof AppError) || error.retryable) return { kind: 'retry' };
  if (
    (error instanceof XeroAuthError || error instanceof XeroApiError) &&
    XERO_RECONNECT.has(error.code)
  ) {
    return {
      kind: 'stop',
      stop: {
        code: error.code,
        message: error.message,
        note: "The connection to Xero has expired or was removed. Reconnect Xero in the app's settings, then Replay.",
      },
    };
  }
  if (error instanceof PipedriveApiError && PIPEDRIVE_RECONNECT.has(error.code)) {
    return {
      kind: 'stop',
      stop: {
        code: error.code,
        message: error.message,
        note: 'Pipedrive no longer lets the app read this deal. Reinstall the app (or check its permissions), then Replay.',
      },
    };
  }
  return {
    kind: 'stop',
    stop: {
      code: error.code,
      message: error.message,
      note: `${describeUnexpected(error)} Replay once it is fixed.`,
    },
  };
}

/** Xero's own validation messages, in its words (docs/vendors/xero.md §6 lists them; they are plain English). */
export function xeroRefused(messages: readonly string[]): Stop {
  const said = messages.length === 0 ? 'it gave no reason.' : messages.map(sentence).join(' ');
  return {
    code: 'xero_validation_failed',
    message: messages.join(' | ') || 'validation failed',
    note: `Xero refused it: ${said} Correct this in Pipedrive, in Xero or in the app's settings, then Replay.`,
  };
}

/** The plain-words note for a run that failed for good (retries exhausted). */
export function finalFailureNote(error: unknown): Stop {
  const code = error instanceof AppError ? error.code : 'internal_error';
  const message = error instanceof Error ? error.message : String(error);
  const service =
    error instanceof PipedriveApiError
      ? 'Pipedrive'
      : error instanceof XeroApiError
        ? 'Xero'
        : 'The app';
  return {
    code,
    message,
    note: `${service} kept failing (${code}), and the retries are used up. Replay to try again.`,
  };
}

function describeUnexpected(error: AppError): string {
  if (error instanceof XeroApiError)
    return `Xero answered with an error (${error.code}: ${error.message}).`;
  if (error instanceof PipedriveApiError)
    return `Pipedrive answered with an error (${error.code}: ${error.message}).`;
  return `Something went wrong (${error.code}: ${error.message}).`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
