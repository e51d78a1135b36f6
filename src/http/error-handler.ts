import escapeHtml from 'escape-html';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { page } from './html.js';

/**
 * Every failure of a route as a 4xx/5xx answer with a code from docs/errors.md:
 * `{ error: { code, message, details? } }` for the API, a small HTML page for the browser routes
 * (OAuth), marked by `config: { html: true }`. 5xx answers never echo internal messages.
 */
export class HttpError extends AppError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(code, message);
  }
}

/** Codes of AppErrors raised below the HTTP layer that the caller can fix. */
const CLIENT_ERRORS: Record<string, number> = {
  company_not_found: 404,
  run_not_found: 404,
  run_not_replayable: 409,
  xero_not_connected: 409,
  xero_no_organisation: 400,
  xero_choice_invalid: 400,
  xero_choice_expired: 400,
  settings_invalid: 400,
};

/**
 * Seconds a caller should wait before trying again while the store is unavailable: about as long as
 * a PostgreSQL restart or failover takes. Pipedrive keeps to its own retry schedule (3 s, 30 s and
 * 150 s, https://pipedrive.readme.io/docs/guide-for-webhooks-v2) whatever this says.
 */
export const STORE_RETRY_AFTER_SECONDS = 5;

interface Answer {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  /** Sent as the Retry-After header. */
  retryAfterSeconds?: number;
}

export function toAnswer(error: unknown): Answer {
  // Before everything else: no request is at fault when the store is down, and a webhook must be
  // refused (so that it is delivered again) rather than answered 2xx without being stored.
  if (isStoreUnavailable(error)) {
    return {
      status: 503,
      code: 'store_unavailable',
      message: 'The database is unavailable right now; try again shortly',
      retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
    };
  }
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    return { status: 400, code: 'request_invalid', message: details.join('; '), details };
  }
  if (error instanceof AppError) {
    const status = CLIENT_ERRORS[error.code];
    if (status !== undefined) return { status, code: error.code, message: error.message };
    // A vendor refused or failed: not our caller's fault, not an internal bug either.
    if (/^(xero|pipedrive)_/.test(error.code)) {
      return { status: 502, code: error.code, message: error.message };
    }
  }
  const fastifyError = error as Partial<FastifyError>;
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (error instanceof SyntaxError && fastifyError.statusCode === 400)
  ) {
    return {
      status: 400,
      code: 'invalid_json',
      message: `The body is not valid JSON: ${fastifyError.message}`,
    };
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, code: 'unsupported_media_type', message: 'Send application/json' };
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, code: 'body_too_large', message: 'The body is too large' };
  }
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      code: 'request_invalid',
      message: fastifyError.message ?? 'Bad request',
    };
  }
  return {
    status: 500,
    code: 'internal_error',
    message: 'Something went wrong on our side; it was logged',
  };
}

export function createErrorHandler(logger: Logger) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const answer = toAnswer(error);
    // The path only: query strings carry OAuth codes and link tokens (invariant 6).
    const path = request.url.split('?')[0];
    if (answer.code === 'store_unavailable') logger.warn({ err: error, path }, 'store unavailable');
    else if (answer.status >= 500) logger.error({ err: error, path }, 'request failed');
    else logger.info({ code: answer.code, path }, 'request refused');
    if (answer.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(answer.retryAfterSeconds));
    }
    const html = (request.routeOptions.config as { html?: boolean } | undefined)?.html === true;
    if (html) {
      return reply
        .code(answer.status)
        .type('text/html; charset=utf-8')
        .send(
          page(
            'Something went wrong',
            `<p>${escapeHtml(answer.message)}</p><p><small>code: ${answer.code}</small></p>`,
          ),
        );
    }
    return reply.code(answer.status).send({
      error: {
        code: answer.code,
        message: answer.message,
        ...(answer.details !== undefined && { details: answer.details }),
      },
    });
  };
}
