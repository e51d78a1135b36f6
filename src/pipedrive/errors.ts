import { AppError } from '../errors.js';
import type { PipedriveErrorCode } from '../errors/catalogue.js';

/**
 * Every way a Pipedrive call can fail, as one catalogued code (errors/catalogue.ts). `retryable`, from
 * the catalogue, says whether the same call may succeed later: rate limits, 5xx and network failures;
 * everything else needs a change first (a reinstall, a fixed id, a different request).
 */

export interface PipedriveErrorDetails {
  /** HTTP method and path of the call, e.g. `GET /c/acme/api/v2/deals/7` (never a query string). */
  method: string;
  path: string;
  /** HTTP status; absent for network failures. */
  status?: number;
  /** How long to wait before retrying, from `Retry-After` or `x-ratelimit-reset` (§6). */
  retryAfterMs?: number;
  cause?: unknown;
}

export class PipedriveApiError extends AppError {
  declare readonly code: PipedriveErrorCode;
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;

  constructor(code: PipedriveErrorCode, message: string, details: PipedriveErrorDetails) {
    super(code, `${details.method} ${details.path}: ${message}`, {
      retryAfterMs: details.retryAfterMs,
      cause: details.cause,
    });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
  }
}

/** The code for a non-2xx answer (docs/vendors/pipedrive.md §2.3 status table). */
export function codeForStatus(status: number): PipedriveErrorCode {
  if (status === 401) return 'pipedrive_unauthorized';
  if (status === 402 || status === 403) return 'pipedrive_forbidden';
  if (status === 404 || status === 410) return 'pipedrive_not_found';
  if (status === 429) return 'pipedrive_rate_limited';
  if (status >= 500) return 'pipedrive_unavailable';
  return 'pipedrive_bad_request';
}

/** The message Pipedrive put in its error envelope (`error`, or `message` on the OAuth host). */
export function messageOf(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const { error, message } = body as { error?: unknown; message?: unknown };
    if (typeof error === 'string' && error) return `${status} ${error}`;
    if (typeof message === 'string' && message) return `${status} ${message}`;
  }
  return `HTTP ${status}`;
}
