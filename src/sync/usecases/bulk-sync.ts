import { randomUUID } from 'node:crypto';

import { AppError } from '../../errors.js';
import type { PageRequest, PipedriveFieldDefinition } from '../../pipedrive/types.js';
import {
  type BulkFailure,
  type BulkSyncState,
  getBulkSync,
  saveBulkSync,
} from '../../store/repos/bulk-sync.js';
import type { BulkSyncWhat } from '../../store/tables.js';
import type { ContactSource } from '../mapping/contact.js';
import type { SyncDeps } from '../ports.js';
import { pipedriveIdOf } from './contact-writes.js';
import { customFieldDefinitions, productFieldDefinitions } from './read-deal.js';
import { syncContactSources } from './sync-contacts.js';
import { syncProducts } from './sync-items.js';

/**
 * Every customer (organizations, then persons) or every product of the company → Xero, page by
 * page (Pipedrive cursor paging, ids ascending, docs/vendors/pipedrive.md §4), each page one Xero batch
 * (sync-contacts.ts / sync-items.ts: a few calls per page whatever its size, never one per record).
 * Pages run one after another: the Xero client's per-tenant limiter paces them to Xero's limits.
 *
 * Resumable: after each page the position, the count and the failures are saved
 * (store/repos/bulk-sync.ts), so a pass interrupted by a crash or a thrown error (Xero down, a lost
 * connection) continues, when called again, at the page it stopped in. Redoing that page creates
 * nothing twice: what it already created is linked (or found by its contact code), and its writes
 * carry the same Idempotency-Key. A pass that completed starts over from the first page.
 *
 * States of a pass: running (a position saved) → completed. `signal` stops it between pages.
 */

export interface BulkSyncInput {
  what: BulkSyncWhat;
  /** Start here (a nextCursor from an earlier call); default: where the saved pass stopped. */
  cursor?: string;
  /** After each page: records done so far (failed ones included); no total is known upfront. */
  onProgress?: (done: number, total: number | undefined) => void | Promise<void>;
  /** Stops the pass between pages; the result then has a nextCursor. */
  signal?: AbortSignal;
  /** Records per page, hence per Xero batch. Default and maximum 50 (Xero's batch size, docs/vendors/xero.md §4). */
  pageSize?: number;
}

export interface BulkSyncResult {
  /** Records handled in this pass, failed ones included. */
  done: number;
  failed: BulkFailure[];
  /** Where a stopped pass would continue; null when it completed. */
  nextCursor: string | null;
}

const MAX_PAGE = 50;
type Phase = 'organizations' | 'persons' | 'products';
const PHASES: Record<BulkSyncWhat, readonly Phase[]> = {
  customers: ['organizations', 'persons'],
  products: ['products'],
};
interface Position {
  phase: Phase;
  cursor?: string;
}

export async function bulkSync(deps: SyncDeps, input: BulkSyncInput): Promise<BulkSyncResult> {
  const state = await startPass(deps, input);
  const limit = Math.min(Math.max(1, input.pageSize ?? MAX_PAGE), MAX_PAGE);
  const fieldDefinitions =
    input.what === 'customers'
      ? await customFieldDefinitions(deps, true)
      : await productFieldDefinitions(deps);
  let position: Position | null = decodeCursor(input.what, state.cursor);
  const result = (): BulkSyncResult => ({
    done: state.done,
    failed: state.failed,
    nextCursor: position && encodeCursor(position),
  });

  while (position !== null) {
    if (input.signal?.aborted) return result();
    const { phase, cursor } = position;
    const request = { limit, ...(cursor !== undefined && { cursor }) };
    const keyParts = ['bulk', state.runId, phase, cursor ?? ''];
    const page = await syncPage(deps, phase, request, keyParts, fieldDefinitions);
    position = nextPosition(input.what, phase, page.nextCursor);
    state.done += page.count;
    state.failed = [...state.failed, ...page.failures];
    state.cursor = position && encodeCursor(position);
    state.status = position ? 'running' : 'completed';
    state.updatedAt = deps.clock.now();
    await saveBulkSync(deps.db, state);
    await input.onProgress?.(state.done, undefined);
  }
  return result();
}

interface PageDone {
  nextCursor: string | null;
  count: number;
  failures: BulkFailure[];
}

/** Reads one Pipedrive page and syncs it as one Xero batch. */
async function syncPage(
  deps: SyncDeps,
  phase: Phase,
  request: PageRequest,
  keyParts: string[],
  fieldDefinitions: PipedriveFieldDefinition[],
): Promise<PageDone> {
  const again = 'run the bulk sync again';
  if (phase === 'products') {
    const page = await deps.pipedrive.listProducts(request);
    const live = page.items.filter((product) => !product.is_deleted);
    const results = await syncProducts(deps, live, fieldDefinitions, keyParts, again);
    return {
      nextCursor: page.nextCursor,
      count: live.length,
      failures: results.flatMap((outcome, index) =>
        outcome.ok ? [] : [failure(`product:${live[index]!.id}`, outcome.stop)],
      ),
    };
  }
  const { nextCursor, items: sources } =
    phase === 'organizations'
      ? await deps.pipedrive.listOrganizations(request).then((page) => ({
          nextCursor: page.nextCursor,
          items: page.items
            .filter((org) => !org.is_deleted)
            .map((org): ContactSource => ({ kind: 'organization', org, fieldDefinitions })),
        }))
      : await deps.pipedrive.listPersons(request).then((page) => ({
          nextCursor: page.nextCursor,
          items: page.items
            .filter((person) => !person.is_deleted)
            .map((person): ContactSource => ({ kind: 'person', person, fieldDefinitions })),
        }));
  const results = await syncContactSources(deps, sources, keyParts, again);
  return {
    nextCursor,
    count: sources.length,
    failures: results.flatMap((outcome, index) => {
      const source = sources[index]!;
      return outcome.ok ? [] : [failure(`${source.kind}:${pipedriveIdOf(source)}`, outcome.stop)];
    }),
  };
}

/** The saved pass to resume, or a new one (none saved, or the last one completed). */
async function startPass(deps: SyncDeps, input: BulkSyncInput): Promise<BulkSyncState> {
  const key = { companyId: deps.company.id, tenantId: deps.tenant.tenantId, what: input.what };
  const saved = await getBulkSync(deps.db, key);
  const now = deps.clock.now();
  const state: BulkSyncState =
    saved?.status === 'running'
      ? { ...saved, cursor: input.cursor ?? saved.cursor, updatedAt: now }
      : {
          ...key,
          runId: randomUUID(),
          status: 'running',
          cursor: input.cursor ?? null,
          done: 0,
          failed: [],
          startedAt: now,
          updatedAt: now,
        };
  decodeCursor(input.what, state.cursor);
  await saveBulkSync(deps.db, state);
  return state;
}

function nextPosition(what: BulkSyncWhat, phase: Phase, cursor: string | null): Position | null {
  if (cursor !== null) return { phase, cursor };
  const phases = PHASES[what];
  const next = phases[phases.indexOf(phase) + 1];
  return next === undefined ? null : { phase: next };
}

/** Cursors are `<phase>:<Pipedrive cursor>`; an empty Pipedrive cursor is the phase's first page. */
function encodeCursor(position: Position): string {
  return `${position.phase}:${position.cursor ?? ''}`;
}

function decodeCursor(what: BulkSyncWhat, cursor: string | null): Position {
  if (cursor === null) return { phase: PHASES[what][0]! };
  const at = cursor.indexOf(':');
  const phase = cursor.slice(0, at) as Phase;
  if (at < 0 || !PHASES[what].includes(phase))
    throw new AppError('bulk_bad_cursor', `"${cursor}" is not a cursor of a ${what} bulk sync`);
  const rest = cursor.slice(at + 1);
  return rest === '' ? { phase } : { phase, cursor: rest };
}

function failure(id: string, stop: Pick<BulkFailure, 'code'> & { note: string }): BulkFailure {
  return { id, code: stop.code, message: stop.note };
}
