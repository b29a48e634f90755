// How many configs ended with each result, in the order people read them.
import type { ResultKind, RunResult } from "../run/run-result.js";

/** Every result kind, in the order totals list them. */
export const RESULT_ORDER: readonly ResultKind[] = [
  "ok",
  "failed",
  "timeout",
  "invalid",
  "skipped",
  "not started",
  "interrupted",
];

/** Counts the configs that ended with each result (every kind present, zero when none). */
export function countResults(results: readonly RunResult[]): Record<ResultKind, number> {
  const counts = Object.fromEntries(RESULT_ORDER.map((kind) => [kind, 0])) as Record<
    ResultKind,
    number
  >;
  for (const result of results) counts[result.result] += 1;
  return counts;
}
