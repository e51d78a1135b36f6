/**
 * How long the app took to get back to work after each disruption (a kill -9, its database
 * connections terminated). An episode opens on a slot (one app process and its replacements) with
 * the roles it must resume — serving webhooks, finishing jobs — and closes when the slot has done
 * each of them again. Pure: the supervisor feeds it times.
 */
export type Role = 'serve' | 'worker';

export interface Episode {
  cause: 'kill' | 'db';
  slot: string;
  startedAt: number;
  /** When each role was seen working again. */
  resumed: Partial<Record<Role, number>>;
  roles: Role[];
}

export interface RecoverySummary {
  episodes: number;
  /** Longest time to recover, in seconds; an episode still open counts until `endAt`. */
  maxSeconds: number;
  /** Episodes that never closed. */
  unrecovered: number;
  /** The longest episode: what caused it and where. */
  worst?: { cause: Episode['cause']; slot: string };
}

export class RecoveryTracker {
  private readonly list: Episode[] = [];

  open(cause: Episode['cause'], slot: string, roles: Role[], startedAt: number): void {
    this.list.push({ cause, slot, roles, startedAt, resumed: {} });
  }

  /** The slot did work of this role at `at`. */
  worked(slot: string, role: Role, at: number): void {
    for (const episode of this.list) {
      if (episode.slot !== slot || at < episode.startedAt) continue;
      if (episode.roles.includes(role)) episode.resumed[role] ??= at;
    }
  }

  summary(endAt: number): RecoverySummary {
    let maxMs = 0;
    let unrecovered = 0;
    let worst: RecoverySummary['worst'];
    for (const episode of this.list) {
      const times = episode.roles.map((role) => episode.resumed[role]);
      const open = times.some((time) => time === undefined);
      if (open) unrecovered += 1;
      const end = open ? endAt : Math.max(...(times as number[]));
      if (end - episode.startedAt >= maxMs) {
        maxMs = end - episode.startedAt;
        worst = { cause: episode.cause, slot: episode.slot };
      }
    }
    return {
      episodes: this.list.length,
      maxSeconds: Math.round(maxMs / 100) / 10,
      unrecovered,
      ...(worst && { worst }),
    };
  }

  episodes(): readonly Episode[] {
    return this.list;
  }
}
