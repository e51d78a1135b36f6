import type { Random } from './random.js';

/**
 * When each disruption happens, as offsets (ms) into the firing window (pure, seeded). The window
 * alternates segments of delivery chaos (Pipedrive sends every webhook three times, out of order)
 * and calm ones; whatever takes the HTTP side down — kill -9 of the serving process, the ban
 * episode — falls in a calm segment, so webhook bans come from the one episode meant to cause one
 * and not from three copies of every event failing at once. Everything else happens anywhere.
 *
 * Rates, per deal fired: a kill -9 of the serving process per 250 deals and of a worker-only
 * process per 100 (at least one each), a termination of the database connections per 300
 * (PostgreSQL), a held Xero call (timeout) per 150, a Pipedrive token expiry per 300; a Xero
 * access-token expiry every 90 s; one ban episode. Once, early, one of each steady vendor fault is
 * armed for the next matching call, so that a short run sees every kind even where the steady
 * shares happen to miss.
 */
export type Disruption =
  | { at: number; kind: 'chaos'; on: boolean }
  | { at: number; kind: 'kill'; slot: string }
  | { at: number; kind: 'terminate-db' }
  | { at: number; kind: 'expire-xero-tokens' }
  | { at: number; kind: 'expire-pipedrive-tokens' }
  | { at: number; kind: 'xero-timeout' }
  | { at: number; kind: 'one-of-each' }
  | { at: number; kind: 'ban'; company: number };

export interface ScheduleInput {
  fireMs: number;
  deals: number;
  /** The slot that serves HTTP (start or serve) and the worker-only slots. */
  servingSlot: string;
  workerSlots: string[];
  postgres: boolean;
  companies: number;
}

export function planDisruptions(input: ScheduleInput, random: Random): Disruption[] {
  const { fireMs, deals } = input;
  const segmentMs = Math.min(60_000, Math.max(15_000, fireMs / 8));
  const segments = Math.max(2, Math.floor(fireMs / segmentMs));
  const events: Disruption[] = [];
  const calm: number[] = [];
  for (let index = 0; index < segments; index++) {
    const on = index % 2 === 0;
    events.push({ at: index * segmentMs, kind: 'chaos', on });
    if (!on) calm.push(index);
  }
  const inCalm = () => {
    const index = random.pick(calm);
    // Clear of the segment's edges, so an outage ends before the next chaos segment.
    return index * segmentMs + random.int(1_000, Math.max(1_001, segmentMs - 10_000));
  };
  const anywhere = () => random.int(Math.round(fireMs * 0.05), Math.round(fireMs * 0.9));

  // The serving process less often: each of its outages fails deliveries, ten of which ban.
  for (let i = 0; i < Math.max(1, Math.round(deals / 250)); i++)
    events.push({ at: inCalm(), kind: 'kill', slot: input.servingSlot });
  const { workerSlots } = input;
  if (workerSlots.length > 0)
    for (let i = 0; i < Math.max(workerSlots.length, Math.round(deals / 100)); i++)
      events.push({
        at: anywhere(),
        kind: 'kill',
        slot: i < workerSlots.length ? workerSlots[i]! : random.pick(workerSlots),
      });
  if (input.postgres)
    for (let i = 0; i < Math.max(1, Math.round(deals / 300)); i++)
      events.push({ at: anywhere(), kind: 'terminate-db' });
  // Early, so the held call (the app gives up after 30 s) is over well before the settle ends.
  const early = () => random.int(Math.round(fireMs * 0.05), Math.round(fireMs * 0.3));
  events.push({ at: early(), kind: 'one-of-each' });
  for (let i = 0; i < Math.max(1, Math.round(deals / 150)); i++)
    events.push({ at: i === 0 ? early() : anywhere(), kind: 'xero-timeout' });
  for (let i = 0; i < Math.max(1, Math.round(deals / 300)); i++)
    events.push({ at: anywhere(), kind: 'expire-pipedrive-tokens' });
  for (let at = 90_000; at < fireMs; at += 90_000) events.push({ at, kind: 'expire-xero-tokens' });
  if (fireMs < 90_000) events.push({ at: anywhere(), kind: 'expire-xero-tokens' });
  // The ban episode late in a calm segment of the second half, so most deals ran before it.
  const late = calm.filter((index) => index >= segments / 2);
  const banSegment = late.length > 0 ? random.pick(late) : calm[calm.length - 1]!;
  events.push({
    at: banSegment * segmentMs + 1_000,
    kind: 'ban',
    company: random.int(0, input.companies - 1),
  });
  return events.sort((a, b) => a.at - b.at);
}
