// The one exit code a script sees, from the results of a run (pure).
import type { RunResult } from "../run/run-result.js";

/** Exit status after a signal: 128 + its number, as shells report it. */
export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

/** 0 when every config succeeded (a skip is not a failure), 1 otherwise; 129/130/143 after a signal. */
export function getExitCode(results: readonly RunResult[], interruptedBy: string | null): number {
  if (interruptedBy !== null) return SIGNAL_EXIT_CODES[interruptedBy] ?? 1;
  return results.every((result) => result.result === "ok" || result.result === "skipped") ? 0 : 1;
}
