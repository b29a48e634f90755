// The outcome of one config in a run, collected as data (failures are never thrown through the pool).
import type { PlannedRun } from "../plan/planned-run.js";

export type ResultKind =
  | "ok"
  | "failed"
  | "timeout"
  | "invalid"
  | "skipped"
  | "not started"
  | "interrupted";

/** One try at running a config's child. */
export interface Attempt {
  startedAt: number;
  endedAt: number;
  exitCode: number | null;
  signal: string | null;
  /** "ok" | "failed" | "timeout" | "interrupted" for this try. */
  result: ResultKind;
  /** Set when the child could not be started at all (e.g. ENOENT). */
  spawnError: string | null;
}

/** What happened to one config. */
export interface RunResult {
  run: PlannedRun;
  result: ResultKind;
  exitCode: number | null;
  signal: string | null;
  attempts: Attempt[];
  /** Wall time over all attempts, milliseconds; 0 when it never started. */
  durationMs: number;
  /** The last lines of combined output (secrets hidden), oldest first. */
  tail: string[];
  /** Full output log, when --log-dir was given and the config started. */
  logFile: string | null;
  /** Human reason for invalid / skipped / not started / spawn errors. */
  reason: string | null;
}
