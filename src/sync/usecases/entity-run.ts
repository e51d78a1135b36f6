import { AppError } from '../../errors.js';
import { getRun, updateRun } from '../../store/repos/runs.js';
import type { RunCode, SyncDeps } from '../ports.js';
import { classifyFailure } from './failures.js';
import type { Stop } from './stop.js';

/**
 * The run around a one-record sync (a contact's or an item's Update), like documentForDeal's but
 * without a deal note: queued → running → succeeded | waiting_fix. A run found `running` is a retry,
 * so its attempt goes up. Retryable failures are recorded and THROWN for the queue to retry; a
 * failure retrying cannot cure waits for a fix, in plain words. A job delivered again after its run
 * ended gets the recorded outcome and changes nothing.
 */

export type EntityOutcome<T extends object> =
  ({ status: 'succeeded' } & T) | { status: 'waiting_fix'; code: RunCode; message: string };

export type EntityWork<T extends object> = { ok: true; value: T } | { ok: false; stop: Stop };

export async function runEntitySync<T extends object>(
  deps: SyncDeps,
  run: { runId: string; kind: 'contact' | 'item'; request: Record<string, unknown> },
  work: () => Promise<EntityWork<T>>,
): Promise<EntityOutcome<T>> {
  const found = await getRun(deps.db, deps.company.id, run.runId);
  if (!found || found.kind !== run.kind)
    throw new AppError(
      'run_not_found',
      `No ${run.kind} run ${run.runId} exists for company ${deps.company.id}`,
    );
  if (found.status === 'succeeded') return { status: 'succeeded', ...(found.responseSummary as T) };
  if (found.status !== 'queued' && found.status !== 'running')
    return {
      status: 'waiting_fix',
      code: found.reasonCode ?? found.status,
      message: found.message ?? `run already ${found.status}`,
    };
  const attempt = found.status === 'running' ? found.attempt + 1 : found.attempt;
  const record = (patch: Parameters<typeof updateRun>[3]) =>
    updateRun(deps.db, deps.company.id, run.runId, patch, deps.clock.now());
  await record({ status: 'running', attempt, requestSummary: run.request });

  const waitForFix = async (stop: Stop): Promise<EntityOutcome<T>> => {
    await record({ status: 'waiting_fix', reasonCode: stop.code, message: stop.note });
    return { status: 'waiting_fix', code: stop.code, message: stop.note };
  };
  try {
    const result = await work();
    if (!result.ok) return await waitForFix(result.stop);
    await record({
      status: 'succeeded',
      reasonCode: null,
      message: null,
      responseSummary: result.value,
    });
    return { status: 'succeeded', ...result.value };
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind === 'stop') return waitForFix(failure.stop);
    const code = error instanceof AppError ? error.code : 'internal_error';
    const message = error instanceof Error ? error.message : String(error);
    await record({ reasonCode: code, message: `will retry: ${message}` });
    throw error;
  }
}
