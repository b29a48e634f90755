// Results in sorted config order: by path, in code-unit order, as discovery sorts.
import type { RunResult } from "../run/run-result.js";

/** Returns a copy of results sorted by config path. */
export function sortByPath(results: readonly RunResult[]): RunResult[] {
  return [...results].sort((a, b) => {
    const pa = a.run.config.path;
    const pb = b.run.config.path;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
}
