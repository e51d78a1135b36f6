import { randomUUID } from 'node:crypto';

import type { FastifyReply } from 'fastify';

import { toXeroJson } from './format.js';

/** Xero's response shapes (docs/vendors/xero.md §2, §4, §6): the 200 envelope, 400 ValidationException, 404 text. */

export function envelope(
  providerName: string,
  nowMs: number,
  body: Record<string, unknown>,
): Record<string, unknown> {
  return {
    Id: randomUUID(),
    Status: 'OK',
    ProviderName: providerName,
    DateTimeUTC: `/Date(${nowMs})/`,
    ...body,
  };
}

export function sendJson(
  reply: FastifyReply,
  status: number,
  body: unknown,
  unitDp: 2 | 4 = 2,
): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(toXeroJson(body, unitDp));
}

export function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .type('text/plain; charset=utf-8')
    .send("The resource you're looking for cannot be found");
}

export function validationException(elements: unknown[]): Record<string, unknown> {
  return {
    ErrorNumber: 10,
    Type: 'ValidationException',
    Message: 'A validation exception occurred',
    Elements: elements,
  };
}

/** One element of a write batch: the stored view, or the echoed input with Xero's messages. */
export type ElementResult =
  | { ok: true; view: Record<string, unknown> }
  | { ok: false; input: Record<string, unknown>; errors: string[] };

/**
 * summarizeErrors absent/true: any failure → 400 listing the failing elements (the valid ones
 * stay saved, as reported, docs/vendors/xero.md §4); false → 200 with every element's status in request order.
 */
export function batchResponse(
  collection: string,
  results: ElementResult[],
  summarize: boolean,
  errorFlag: 'HasErrors' | 'HasValidationErrors' | undefined,
  head: { providerName: string; nowMs: number },
): { status: number; body: Record<string, unknown> } {
  const failed = (result: ElementResult & { ok: false }) => ({
    ...result.input,
    ...(errorFlag && { [errorFlag]: true }),
    StatusAttributeString: 'ERROR',
    ValidationErrors: result.errors.map((Message) => ({ Message })),
  });
  if (summarize) {
    const failures = results.filter((result) => !result.ok);
    if (failures.length > 0)
      return { status: 400, body: validationException(failures.map(failed)) };
    const views = results.map((result) => (result.ok ? result.view : {}));
    return { status: 200, body: envelope(head.providerName, head.nowMs, { [collection]: views }) };
  }
  const elements = results.map((result) =>
    result.ok
      ? {
          ...result.view,
          ...(errorFlag && { [errorFlag]: false }),
          StatusAttributeString: 'OK',
          ValidationErrors: [],
        }
      : failed(result),
  );
  return {
    status: 200,
    body: {
      SummarizeErrors: false,
      ...envelope(head.providerName, head.nowMs, { [collection]: elements }),
    },
  };
}
