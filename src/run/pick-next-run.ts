// The scheduling rule: which waiting config starts when a slot frees up (pure).
import type { PlannedRun } from "../plan/planned-run.js";

/** Work still waiting per database group, so chains that remain longest go first. */
export type RemainingWork = Map<string, number>;

/** Sums the recorded durations of the waiting runs of each database group. */
export function sumRemainingWork(waiting: readonly PlannedRun[]): RemainingWork {
  const remaining: RemainingWork = new Map();
  for (const run of waiting) {
    if (run.databaseGroup === null) continue;
    remaining.set(
      run.databaseGroup,
      (remaining.get(run.databaseGroup) ?? 0) + (run.expectedMs ?? 0),
    );
  }
  return remaining;
}

/**
 * Index of the waiting run to start next, or -1 when every waiting run's database is busy.
 * Without history: the first in sorted order whose database is free. With history: runs with a
 * recorded duration first, the one whose database chain has the most work left first (a lone
 * config is its own chain), then the longer run; runs without a duration follow in sorted order.
 */
export function pickNextRun(
  waiting: readonly PlannedRun[],
  busyGroups: ReadonlySet<string>,
  remaining: RemainingWork | null,
): number {
  let best = -1;
  let bestChain = -1;
  let bestOwn = -1;
  for (let index = 0; index < waiting.length; index += 1) {
    const run = waiting[index]!;
    if (run.databaseGroup !== null && busyGroups.has(run.databaseGroup)) continue;
    if (remaining === null) return index;
    if (run.expectedMs === null) {
      if (best === -1) best = index;
      continue;
    }
    const own = run.expectedMs;
    const chain = run.databaseGroup === null ? own : (remaining.get(run.databaseGroup) ?? own);
    if (chain > bestChain || (chain === bestChain && own > bestOwn)) {
      best = index;
      bestChain = chain;
      bestOwn = own;
    }
  }
  return best;
}
