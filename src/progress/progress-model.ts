// What a live display needs to know about a run, kept up to date from RunEvents (pure, no drawing).
import type { PlannedRun } from "../plan/planned-run.js";
import { isFailure } from "../report/paint.js";
import type { RunEvent } from "../run/run-events.js";
import type { RunResult } from "../run/run-result.js";

export type RowState = "waiting" | "running" | "done";

/** One config as the display sees it. */
export interface ProgressRow {
  run: PlannedRun;
  state: RowState;
  /** Current attempt, from 1; 0 before the first start. */
  attempt: number;
  /** When the current attempt started (epoch ms). */
  startedAt: number | null;
  /** The newest output line of the current attempt. */
  latestLine: string | null;
  /** The child ran out of time and is being stopped. */
  stopping: boolean;
  result: RunResult | null;
}

export interface ProgressCounts {
  total: number;
  done: number;
  running: number;
  waiting: number;
  /** Done rows whose result is a failure (anything but ok and skipped). */
  failed: number;
}

/** A run's progress: rows in plan order, warnings, and the interrupting signal if any. */
export interface ProgressModel {
  readonly rows: readonly ProgressRow[];
  readonly jobs: number;
  readonly warnings: readonly string[];
  readonly interruptedBy: string | null;
  /** Applies an event; returns the row it changed, or null for run-level events. */
  apply(event: RunEvent): ProgressRow | null;
  counts(): ProgressCounts;
}

/** Creates an empty model; the plan event fills in the rows. */
export function createProgressModel(): ProgressModel {
  const rows: ProgressRow[] = [];
  const byRun = new Map<PlannedRun, ProgressRow>();
  // Events may carry copies of planned runs; the config path identifies them too.
  const byPath = new Map<string, ProgressRow>();
  const warnings: string[] = [];
  let jobs = 1;
  let interruptedBy: string | null = null;

  /** The row of run, created when the plan did not list it. */
  function rowOf(run: PlannedRun): ProgressRow {
    const known = byRun.get(run) ?? byPath.get(run.config.path);
    if (known) return known;
    return addRow(run);
  }

  /** Adds a waiting row for run. */
  function addRow(run: PlannedRun): ProgressRow {
    const row: ProgressRow = {
      run,
      state: "waiting",
      attempt: 0,
      startedAt: null,
      latestLine: null,
      stopping: false,
      result: null,
    };
    rows.push(row);
    byRun.set(run, row);
    byPath.set(run.config.path, row);
    return row;
  }

  return {
    rows,
    get jobs() {
      return jobs;
    },
    warnings,
    get interruptedBy() {
      return interruptedBy;
    },
    apply(event: RunEvent): ProgressRow | null {
      switch (event.type) {
        case "plan":
          jobs = event.jobs;
          for (const run of event.runs) if (!byRun.has(run)) addRow(run);
          return null;
        case "start": {
          const row = rowOf(event.run);
          Object.assign(row, {
            state: "running",
            attempt: event.attempt,
            startedAt: event.at,
            latestLine: null,
            stopping: false,
          });
          return row;
        }
        case "output": {
          const row = rowOf(event.run);
          if (event.line.trim() !== "") row.latestLine = event.line;
          return row;
        }
        case "retry": {
          const row = rowOf(event.run);
          row.stopping = false;
          return row;
        }
        case "timeout": {
          const row = rowOf(event.run);
          row.stopping = true;
          return row;
        }
        case "finish": {
          const row = rowOf(event.result.run);
          Object.assign(row, { state: "done", result: event.result, stopping: false });
          return row;
        }
        case "warning":
          warnings.push(event.message);
          return null;
        case "interrupt":
          interruptedBy = event.signal;
          return null;
      }
    },
    counts(): ProgressCounts {
      const counts: ProgressCounts = {
        total: rows.length,
        done: 0,
        running: 0,
        waiting: 0,
        failed: 0,
      };
      for (const row of rows) {
        counts[row.state] += 1;
        if (row.result && isFailure(row.result.result)) counts.failed += 1;
      }
      return counts;
    },
  };
}
