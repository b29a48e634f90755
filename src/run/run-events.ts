// Events the runner emits while it works; renderers (listr, plain lines, JSON) only consume these.
import type { PlannedRun } from "../plan/planned-run.js";
import type { RunResult } from "./run-result.js";

export type RunEvent =
  /** The run is about to start: every planned config, in sorted order. */
  | { type: "plan"; runs: readonly PlannedRun[]; jobs: number }
  /** A child was started (attempt counts from 1). */
  | { type: "start"; run: PlannedRun; attempt: number; pid: number | undefined; at: number }
  /** One complete output line of a child (secrets already hidden). */
  | { type: "output"; run: PlannedRun; stream: "stdout" | "stderr"; line: string; at: number }
  /** A failed attempt will be tried again. */
  | { type: "retry"; run: PlannedRun; attempt: number; at: number }
  /** A child did not finish in time and is being terminated. */
  | { type: "timeout"; run: PlannedRun; at: number }
  /** A config reached its final result (including invalid, skipped, not started). */
  | { type: "finish"; result: RunResult; at: number }
  /** Something the operator should know that is not a config result. */
  | { type: "warning"; message: string; at: number }
  /** A signal arrived: nothing new starts, running children are being stopped. */
  | { type: "interrupt"; signal: string; at: number };

/** Anything that wants to hear about a run. */
export type RunEventListener = (event: RunEvent) => void;
