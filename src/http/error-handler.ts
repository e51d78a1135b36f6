import escapeHtml from 'escape-html';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

import { AppError } from '../errors.js';
import {
  type AnsweredCode,
  type ErrorCode,
  type HttpStatusOf,
  httpStatusOf,
} from '../errors/catalogue.js';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { page } from './html.js';

/**
 * Every failure of a route as a 4xx/5xx answer with a catalogued code, at the status the catalogue
 * gives it (errors/catalogue.ts, docs/errors.md): `{ error: { code, message, details? } }` for the
 * API, a small HTML page for the browser routes (OAuth), marked by `config: { html: true }`. A code
 * the catalogue gives no status, and anything that is not an AppError, is answered
 * `500 internal_error`: 5xx answers never echo internal messages.
 */

/**
 * An AppError thrown by a route, with the status to answer: one of its code's statuses in the
 * catalogue (a status the catalogue does not give the code does not compile).
 */
export class HttpError<C extends ErrorCode = ErrorCode> extends AppError {
  constructor(
    readonly status: NoInfer<HttpStatusOf<C>>,
    code: C,
    message: string,
    details?: unknown,
  ) {
    super(code, message, { details });
  }
}

/**
 * Seconds a caller should wait before trying again while the store is unavailable: about as long as
 * a PostgreSQL restart or failover takes. Pipedrive keeps to its own retry schedule (3 s, 30 s and
 * 150 s, https://pipedrive.readme.io/docs/guide-for-webhooks-v2) whatever this says.
 */
export const STORE_RETRY_AFTER_SECONDS = 5;

interface Answer {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** Sent as the Retry-After header. */
  retryAfterSeconds?: number;
  /** A page that needs a signed-in person links here (http/access.ts). */
  signInUrl?: string;
}

export function toAnswer(error: unknown): Answer {
  // Before everything else: no request is at fault when the store is down, and a webhook must be
  // refused (so that it is delivered again) rather than answered 2xx without being stored.
  if (isStoreUnavailable(error)) {
    return {
      ...catalogued(
        'store_unavailable',
        'The database is unavailable right now; try again shortly',
      ),
      retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
    };
  }
  if (error instanceof AppError) {
    const status = error instanceof HttpError ? error.status : httpStatusOf(error.code);
    if (status !== null) {
      const signInUrl = (error as { signInUrl?: unknown }).signInUrl;
      return {
        status,
        code: error.code,
        message: error.message,
        ...(error.details !== undefined && { details: error.details }),
        ...(typeof signInUrl === 'string' && { signInUrl }),
      };
    }
  }
  if (error instanceof ZodError) {
    const details = error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    return { ...catalogued('request_invalid', details.join('; ')), details };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (error instanceof SyntaxError && fastifyError.statusCode === 400)
  ) {
    return catalogued('invalid_json', `The body is not valid JSON: ${fastifyError.message}`);
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return catalogued('unsupported_media_type', 'Send application/json');
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return catalogued('body_too_large', 'The body is too large');
  }
  // Fastify's other refusals of a request keep their own 4xx status.
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      code: 'request_invalid',
      message: fastifyError.message ?? 'Bad request',
    };
  }
  return catalogued('internal_error', 'Something went wrong on our side; it was logged');
}

/** An answer with `code` at the status the catalogue gives it. */
function catalogued(code: AnsweredCode, message: string): Answer {
  return { status: httpStatusOf(code), code, message };
}

/** A request no route takes: `404 route_not_found` (Fastify's not-found handler). */
export async function routeNotFound(request: FastifyRequest): Promise<never> {
  throw new HttpError(
    404,
    'route_not_found',
    `No route ${request.method} ${request.url.split('?')[0]}`,
  );
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
          answer.signInUrl === undefined
            ? page(
                'Something went wrong',
                `<p>${escapeHtml(answer.message)}</p><p><small>code: ${answer.code}</small></p>`,
              )
            : page(
                'Sign in',
                `<p>${escapeHtml(answer.message)}.</p><p><a href="${escapeHtml(answer.signInUrl)}" data-testid="sign-in">Sign in with Pipedrive</a></p><p><small>code: ${answer.code}</small></p>`,
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
