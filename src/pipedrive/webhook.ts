import { z } from 'zod';

import { zodProblems } from '../zod-problems.js';

/**
 * Pipedrive webhooks v2 intake, pure (docs/vendors/pipedrive.md §5.3–5.4): parse the body, name its dedupe key,
 * and tell whether a deal event is a stage move or a win.
 *
 * The schema checks what the app relies on and lets the rest through: Pipedrive adds fields to
 * its payloads over time, and rejecting an event for an unknown key would lose it (invariant
 * 2). `data` is not the API v2 object (§5.3), so the app re-fetches the deal.
 */

/** meta ids are strings in v2 (§5.3, §8): "8", not 8. */
const idString = z.string().regex(/^\d+$/, 'expected a numeric id as a string');

/** ISO 8601 with ms, or epoch seconds (user events, and "10 character timestamp" in the docs). */
const timestamp = z.union([z.string(), z.number()]).transform((value, context) => {
  const epoch = typeof value === 'number' || /^\d{9,10}$/.test(value);
  const date = epoch ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime()) || (!epoch && !/^\d{4}-\d{2}-\d{2}T/.test(String(value)))) {
    context.addIssue({ code: 'custom', message: 'expected an ISO 8601 time or epoch seconds' });
    return z.NEVER;
  }
  return date;
});

const record = z.record(z.string(), z.unknown());

const metaSchema = z.object({
  action: z.enum(['create', 'change', 'delete']),
  entity: z.string().min(1),
  /** The event id: a UUID, or the user id for `user` events (§5.3). */
  id: z.string().min(1),
  company_id: idString,
  entity_id: idString,
  user_id: idString,
  timestamp,
  version: z.literal('2.0', { error: 'only webhooks version 2.0 are supported' }),
  change_source: z.string().optional(),
  correlation_id: z.string().optional(),
  webhook_id: idString.optional(),
  attempt: z.number().int().positive().optional(),
  is_bulk_edit: z.boolean().optional(),
  host: z.string().optional(),
});

const webhookSchema = z
  .object({ meta: metaSchema, data: record.nullable(), previous: record.nullable() })
  .superRefine((event, context) => {
    // §5.3: create and change carry the object; delete carries only `previous`.
    if (event.meta.action !== 'delete' && event.data === null) {
      context.addIssue({
        code: 'custom',
        path: ['data'],
        message: `required for ${event.meta.action}`,
      });
    }
  });

export type PipedriveWebhookEvent = z.output<typeof webhookSchema>;

export type ParsedWebhook =
  { ok: true; event: PipedriveWebhookEvent } | { ok: false; errors: string[] };

export function parseWebhook(body: unknown): ParsedWebhook {
  if (body && typeof body === 'object' && 'current' in body && 'event' in body) {
    return { ok: false, errors: ['webhook version 1.0 payload; subscribe with version 2.0'] };
  }
  const parsed = webhookSchema.safeParse(body);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, errors: zodProblems(parsed.error, 'body') };
}

/** The dedupe key: Pipedrive may deliver an event more than once, in any order (§5.2). */
export function eventKey(event: PipedriveWebhookEvent): string {
  return event.meta.id;
}

export type DealTransition =
  | {
      kind: 'stage_changed';
      dealId: number;
      fromStageId: number;
      toStageId: number;
      pipelineId: number;
      /** The same edit also marked the deal won. */
      won: boolean;
    }
  | { kind: 'won'; dealId: number };

/**
 * §5.4: stage moved ⇔ action `change` and `stage_id` in `previous`; won ⇔ `previous.status`
 * present and `data.status == "won"`. Anything else (other entities, creates, our own notes,
 * edits of other fields) is null.
 */
export function detectDealTransition(event: PipedriveWebhookEvent): DealTransition | null {
  const { meta, data, previous } = event;
  if (meta.entity !== 'deal' || meta.action !== 'change' || !data || !previous) return null;
  const dealId = Number(meta.entity_id);
  const won = 'status' in previous && data['status'] === 'won';
  if ('stage_id' in previous) {
    const from = previous['stage_id'];
    const to = data['stage_id'];
    const pipelineId = data['pipeline_id'];
    if (!isId(from) || !isId(to) || !isId(pipelineId)) return null;
    return { kind: 'stage_changed', dealId, fromStageId: from, toStageId: to, pipelineId, won };
  }
  return won ? { kind: 'won', dealId } : null;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * When the deal entered its stage (`stage_change_time`) or was won (`won_time`), as the event's
 * deal says it: the same value the API shows, so a catch-up and a late delivery of the same edit
 * agree. `meta.timestamp` (the event's own time) when the field is absent or unreadable.
 */
export function transitionTime(
  event: PipedriveWebhookEvent,
  field: 'stage_change_time' | 'won_time',
): Date {
  const value = event.data?.[field];
  const date = typeof value === 'string' ? new Date(value) : null;
  return date !== null && !Number.isNaN(date.getTime()) ? date : event.meta.timestamp;
}
