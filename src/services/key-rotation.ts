import { listSealedValues, replaceSealedValue } from '../store/repos/sealed-secrets.js';
import type { AppContext } from './context.js';

/**
 * `rotate-key`: every stored secret sealed under a previous key (ENCRYPTION_KEY_PREVIOUS) sealed
 * again under the current one (ENCRYPTION_KEY), one value at a time and only if unchanged since
 * read, so it runs while the app serves and works (docs/going-live.md "Changing the encryption
 * key"). Running it again changes nothing; a value no key opens is counted, never dropped.
 */
export interface RotationResult {
  resealed: number;
  alreadyCurrent: number;
  /** Changed by the app while rotating (so sealed under the current key already). */
  changedMeanwhile: number;
  unreadable: number;
}

export async function rotateSecrets(deps: Pick<AppContext, 'db' | 'box'>): Promise<RotationResult> {
  const result: RotationResult = {
    resealed: 0,
    alreadyCurrent: 0,
    changedMeanwhile: 0,
    unreadable: 0,
  };
  for (const value of await listSealedValues(deps.db)) {
    let previous: boolean;
    try {
      previous = deps.box.sealedWithPrevious(value.sealed);
    } catch {
      result.unreadable += 1;
      continue;
    }
    if (!previous) {
      result.alreadyCurrent += 1;
      continue;
    }
    const resealed = deps.box.seal(deps.box.open(value.sealed));
    if (await replaceSealedValue(deps.db, value, resealed)) result.resealed += 1;
    else result.changedMeanwhile += 1;
  }
  return result;
}
