import { AppError } from '../errors.js';

/**
 * Documents of one organisation created together (issue 12: Xero's 60 calls a minute, not the
 * documents, are the limit). Runs of the same company, organisation and kind that reach their
 * create at about the same time join one PUT of up to 50 elements (Xero's guidance) with
 * `summarizeErrors=false`, so each element is answered on its own and each run gets its own
 * answer: its document, or its own refusal (docs/vendors/xero.md §4).
 *
 * When to send: a run says it is preparing a document (`enter`) before it reads the deal, and the
 * batch goes as soon as every such run of the group is waiting in it, or when it holds 50. A lone
 * run is sent at once, as before. If other runs are still preparing `windowMs` after its first
 * element, the batch waits at the gate the caller gives (the organisation's Xero budget: until a
 * call is due) and takes, when it passes, every element waiting by then: while Xero's budget is
 * what limits, documents gather into fewer, fuller requests instead of queueing one request each.
 * Only then: a run with nobody to wait for never holds its worker slot for Xero's pace (the job's
 * deferral, services/job-handlers.ts, is what keeps a backlog out of the slots).
 *
 * Exactly once holds as for a single create (create-document.ts): each run has claimed its document
 * in the store before it gets here, and a run that retries looks for its document by Reference
 * before creating anything. The request's Idempotency-Key is made of its elements' keys (the
 * caller's SendMany), so a resend of the same batch is replayed by Xero. A batch Xero refuses as a
 * whole (a 4xx that no retry helps) is sent again one element at a time, so one bad document never
 * holds back the others.
 *
 * Per process: each process batches the runs it is working on.
 */

/** Sends the items in one request, under one Idempotency-Key made of theirs; one result each. */
export type SendMany<T, R> = (items: T[], keys: string[]) => Promise<R[]>;

/** Resolves when a request may go (the organisation's Xero budget has room). */
export type Gate = () => Promise<void>;

interface Waiting {
  item: unknown;
  key: string;
  send: SendMany<unknown, unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

interface Group {
  active: number;
  waiting: Waiting[];
  timer: NodeJS.Timeout | undefined;
  /** The group's gate, and whether a closed batch is waiting at it. */
  gate: Gate;
  atGate: boolean;
}

const open: Gate = () => Promise.resolve();

/** Xero's guidance for the elements of one request (docs/vendors/xero.md §4). */
export const BATCH_MAX = 50;
/**
 * The longest a document waits for others still being prepared: jobs that start together (a
 * backlog's deferred jobs come back together, rate-budget.ts) reach their create within a few
 * milliseconds of each other, and a longer wait holds a worker slot for nothing when Xero's budget
 * is not what limits (the PostgreSQL burst of bench/, 20 organisations: 123 s with 200 ms, 121 s
 * with 50 ms, 120 s before batching, in one session).
 */
export const BATCH_WINDOW_MS = 50;

export class DocumentBatcher {
  private readonly groups = new Map<string, Group>();

  constructor(
    readonly max = BATCH_MAX,
    readonly windowMs = BATCH_WINDOW_MS,
  ) {}

  /** A run that is preparing a document of this group; call what it returns when it is done. */
  enter(group: string): () => void {
    const entry = this.groupOf(group);
    entry.active += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      entry.active -= 1;
      this.flushIfReady(group, entry);
    };
  }

  /**
   * Sends the item with others of its group: the item's own result (undefined if Xero's answer
   * held none for it), or the request's error.
   */
  write<T, R>(
    group: string,
    item: T,
    key: string,
    send: SendMany<T, R>,
    gate: Gate = open,
  ): Promise<R | undefined> {
    const entry = this.groupOf(group);
    entry.gate = gate;
    return new Promise<R | undefined>((resolve, reject) => {
      entry.waiting.push({
        item,
        key,
        send: send as SendMany<unknown, unknown>,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      entry.timer ??= setTimeout(() => this.toGate(group, entry), this.windowMs);
      this.flushIfReady(group, entry);
    });
  }

  private flushIfReady(group: string, entry: Group): void {
    const count = entry.waiting.length;
    if (count > 0 && (count >= this.max || count >= entry.active)) this.send(group, entry);
    else if (count === 0 && entry.active === 0) this.forget(group, entry);
  }

  /**
   * The window ran out while other runs of the group are still preparing: the batch waits at the
   * gate for them, unless it is already there.
   */
  private toGate(group: string, entry: Group): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (entry.atGate) return;
    entry.atGate = true;
    // A failed gate only means sending now: the request's own limiter still paces it.
    void entry
      .gate()
      .catch(() => undefined)
      .then(() => {
        entry.atGate = false;
        this.send(group, entry);
      });
  }

  /** Sends what waits, 50 to a request (full, or no other run to wait for, or past the gate). */
  private send(group: string, entry: Group): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    while (entry.waiting.length > 0) void sendBatch(entry.waiting.splice(0, this.max));
    this.forget(group, entry);
  }

  private forget(group: string, entry: Group): void {
    const idle = entry.active === 0 && entry.waiting.length === 0 && !entry.atGate;
    if (this.groups.get(group) === entry && idle) this.groups.delete(group);
  }

  private groupOf(group: string): Group {
    let entry = this.groups.get(group);
    if (entry === undefined) {
      entry = { active: 0, waiting: [], timer: undefined, gate: open, atGate: false };
      this.groups.set(group, entry);
    }
    return entry;
  }
}

async function sendBatch(batch: Waiting[]): Promise<void> {
  const [first] = batch;
  if (first === undefined) return;
  if (batch.length === 1) return settle(batch, () => first.send([first.item], [first.key]));
  try {
    const results = await first.send(
      batch.map((waiting) => waiting.item),
      batch.map((waiting) => waiting.key),
    );
    answer(batch, results);
  } catch (error) {
    if (!(error instanceof AppError) || error.retryable) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    await Promise.all(
      batch.map((waiting) => settle([waiting], () => waiting.send([waiting.item], [waiting.key]))),
    );
  }
}

async function settle(batch: Waiting[], send: () => Promise<unknown[]>): Promise<void> {
  try {
    answer(batch, await send());
  } catch (error) {
    for (const waiting of batch) waiting.reject(error);
  }
}

/** Xero answers the elements in the order they were sent (docs/vendors/xero.md §4). */
function answer(batch: Waiting[], results: unknown[]): void {
  batch.forEach((waiting, index) => waiting.resolve(results[index]));
}

export const processDocumentBatcher = new DocumentBatcher();
