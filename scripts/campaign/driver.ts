import type { Call } from './control.js';
import type { Random } from './random.js';
import type { SeededCompany, SeededDeal } from './seed.js';

/**
 * Moves the deals into their trigger stages over the firing window, as a sales team would: one shot
 * at a time at an even pace, a burst's deals at the same moment. A bouncing deal is moved out of its
 * trigger stage a few seconds later and back in (the same trigger again). Each move is a Pipedrive
 * edit, so the app hears of it only through its webhook.
 */
export interface Driver {
  /** Resolves when every shot and every bounce is done. */
  done: Promise<void>;
  fired: ReadonlySet<number>;
}

export function driveDeals(input: {
  shots: SeededDeal[][];
  companies: readonly SeededCompany[];
  fireMs: number;
  pipedrive: Call;
  random: Random;
}): Driver {
  const { shots, fireMs, pipedrive, random } = input;
  const fired = new Set<number>();
  const stagesOf = new Map(input.companies.map((company) => [company.plan.id, company.stages]));
  const move = (deal: SeededDeal, stageId: number) =>
    pipedrive(
      'POST',
      `/__sandbox/pipedrive/companies/${deal.companyId}/deals/${deal.dealId}/move`,
      {
        stage_id: stageId,
      },
    );
  const bounces: Promise<void>[] = [];
  const bounce = async (deal: SeededDeal, outMs: number, backMs: number) => {
    await sleep(outMs);
    await move(deal, stagesOf.get(deal.companyId)!.negotiation);
    await sleep(backMs);
    await move(deal, deal.triggerStage);
  };
  const started = Date.now();
  const done = (async () => {
    for (const [index, shot] of shots.entries()) {
      await sleep(started + (index * fireMs) / shots.length - Date.now());
      await Promise.all(
        shot.map(async (deal) => {
          await move(deal, deal.triggerStage);
          fired.add(deal.dealId);
          if (deal.plan.bounce)
            bounces.push(bounce(deal, random.int(3_000, 6_000), random.int(2_000, 4_000)));
        }),
      );
    }
    await Promise.all(bounces);
  })();
  return { done, fired };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
