// Flow control: runs the plan with bounded concurrency and the database rule; emits events; never throws per config.
import type { PlannedRun } from "../plan/planned-run.js";
import { OutputCapture } from "./output-capture.js";
import { pickNextRun, type RemainingWork, sumRemainingWork } from "./pick-next-run.js";
import { type RunningAttempt, startAttempt } from "./run-attempt.js";
import type { RunEventListener } from "./run-events.js";
import type { Attempt, ResultKind, RunResult } from "./run-result.js";
import { type SignalGroup, signalProcessGroup } from "./signal-process-group.js";
import type { SpawnChild } from "./spawn-child.js";

/** Where a config's full output goes with --log-dir. */
export interface LogWriter {
  file: string;
  write(text: string): boolean;
  onDrain(resume: () => void): void;
  close(): Promise<void>;
}

export interface RunPlanOptions {
  jobs: number;
  timeoutMs: number | null;
  killGraceMs: number;
  retries: number;
  bail: boolean;
  /** Use recorded durations (--history) to order the work. */
  useHistory: boolean;
  /** Which output lines become events: none, the newest every so often (live display), or all (-v). */
  liveOutput: "none" | "newest" | "all";
  onEvent: RunEventListener;
  /** Hides a config's secrets in its output. */
  getMask: (run: PlannedRun) => (text: string) => string;
  /** Opens DIR/<site>.log; absent without --log-dir. */
  openLog?: ((run: PlannedRun) => LogWriter) | undefined;
  /** Whether the config file is still there right before its child starts. */
  configExists?: (path: string) => boolean;
  spawn: SpawnChild;
  signalGroup?: SignalGroup;
  now?: () => number;
  tailLines?: number;
}

/** A run in progress: its results, and the way to interrupt it (signals). */
export interface RunController {
  /** Results in plan (sorted config) order, once everything has stopped. */
  done: Promise<RunResult[]>;
  /** First call: start nothing new, SIGTERM every group, SIGKILL after the grace. Second call: SIGKILL now. */
  interrupt(signal: string): void;
  /** SIGKILL to every running group at once, synchronously: the last resort when camcops-meta itself exits. */
  killAll(): void;
}

const NEWEST_LINE_INTERVAL_MS = 250;
const DEFAULT_TAIL_LINES = 20;

/** Starts the plan; the controller's `done` resolves with one result per planned config. */
export function runPlan(plan: readonly PlannedRun[], options: RunPlanOptions): RunController {
  const now = options.now ?? Date.now;
  const signalGroup = options.signalGroup ?? signalProcessGroup;
  const tailLines = options.tailLines ?? DEFAULT_TAIL_LINES;
  const results = new Map<PlannedRun, RunResult>();
  const waiting: PlannedRun[] = [];
  const busyGroups = new Set<string>();
  const running = new Map<
    PlannedRun,
    { attempt: RunningAttempt; capture: OutputCapture; lastShown: string | null }
  >();
  let interruptCount = 0;
  let bailing = false;
  let active = 0;
  let finishAll: () => void = () => {};
  const allFinished = new Promise<void>((resolve) => {
    finishAll = resolve;
  });

  options.onEvent({ type: "plan", runs: plan, jobs: options.jobs });
  for (const run of plan) {
    if (run.preResult !== null) {
      settle(buildResult(run, run.preResult, [], [], null, run.preReason));
    } else {
      waiting.push(run);
    }
  }
  const remaining: RemainingWork | null = options.useHistory ? sumRemainingWork(waiting) : null;

  const ticker =
    options.liveOutput === "newest"
      ? setInterval(() => {
          for (const [run, entry] of running) {
            const line = entry.capture.getNewestLine();
            if (line !== null && line !== entry.lastShown) {
              entry.lastShown = line;
              options.onEvent({ type: "output", run, stream: "stdout", line, at: now() });
            }
          }
        }, NEWEST_LINE_INTERVAL_MS)
      : null;
  ticker?.unref();

  /** Records a final result and tells the listeners. */
  function settle(result: RunResult): void {
    results.set(result.run, result);
    options.onEvent({ type: "finish", result, at: now() });
  }

  /** Fills free slots with runs whose database is free, until nothing more can start. */
  function fillSlots(): void {
    while (active < options.jobs && interruptCount === 0 && !bailing) {
      const index = pickNextRun(waiting, busyGroups, remaining);
      if (index === -1) break;
      const [run] = waiting.splice(index, 1) as [PlannedRun];
      if (run.databaseGroup !== null) {
        busyGroups.add(run.databaseGroup);
        remaining?.set(
          run.databaseGroup,
          (remaining.get(run.databaseGroup) ?? 0) - (run.expectedMs ?? 0),
        );
      }
      active += 1;
      void runConfig(run).then((result) => {
        active -= 1;
        if (run.databaseGroup !== null) busyGroups.delete(run.databaseGroup);
        settle(result);
        if (options.bail && (result.result === "failed" || result.result === "timeout"))
          bailing = true;
        fillSlots();
        if (active === 0) finishAll();
      });
    }
    if (active === 0) finishAll();
  }

  /** Every attempt of one config, retries included; always resolves with its result. */
  async function runConfig(run: PlannedRun): Promise<RunResult> {
    const command = run.command!;
    if (options.configExists && !options.configExists(run.config.path)) {
      return buildResult(
        run,
        "failed",
        [],
        [],
        null,
        "config file no longer exists (removed after it was loaded); not run",
      );
    }
    const mask = options.getMask(run);
    const log = options.openLog?.(run) ?? null;
    const capture = new OutputCapture({
      mask,
      writeLog: log ? (text) => log.write(text) : undefined,
      onLogDrain: log ? (resume) => log.onDrain(resume) : undefined,
      onLine:
        options.liveOutput === "all"
          ? (stream, line) => options.onEvent({ type: "output", run, stream, line, at: now() })
          : undefined,
    });
    const attempts: Attempt[] = [];
    let leftovers = false;
    for (let number = 1; ; number += 1) {
      if (number > 1) capture.note(`--- camcops-meta: attempt ${number} ---`);
      const attempt = startAttempt({
        command,
        capture,
        spawn: options.spawn,
        signalGroup,
        timeoutMs: options.timeoutMs,
        killGraceMs: options.killGraceMs,
        now,
        onStart: (pid) => options.onEvent({ type: "start", run, attempt: number, pid, at: now() }),
        onTimeout: () => options.onEvent({ type: "timeout", run, at: now() }),
        onLeftovers: () => {
          leftovers = true;
        },
      });
      running.set(run, { attempt, capture, lastShown: null });
      if (interruptCount > 0) attempt.interrupt();
      const outcome = await attempt.outcome;
      running.delete(run);
      attempts.push(outcome);
      const retryable = outcome.result === "failed" || outcome.result === "timeout";
      if (
        !retryable ||
        number > options.retries ||
        interruptCount > 0 ||
        bailing ||
        outcome.spawnError !== null
      )
        break;
      options.onEvent({ type: "retry", run, attempt: number + 1, at: now() });
    }
    await log?.close();
    if (leftovers) {
      options.onEvent({
        type: "warning",
        message: `${run.config.site}: processes started by camcops_server were still running after it exited; they were stopped`,
        at: now(),
      });
    }
    const last = attempts.at(-1)!;
    return buildResult(
      run,
      last.result,
      attempts,
      capture.getTail(tailLines),
      log?.file ?? null,
      last.spawnError,
    );
  }

  fillSlots();
  const done = allFinished.then(() => {
    if (ticker) clearInterval(ticker);
    for (const run of waiting) {
      const reason =
        interruptCount > 0
          ? "interrupted before it started"
          : "not started after a failure (--bail)";
      settle(buildResult(run, "not started", [], [], null, reason));
    }
    waiting.length = 0;
    return plan.map((run) => results.get(run)!);
  });

  return {
    done,
    interrupt(signal: string) {
      interruptCount += 1;
      if (interruptCount === 1) {
        options.onEvent({ type: "interrupt", signal, at: now() });
        for (const entry of running.values()) entry.attempt.interrupt();
      } else {
        for (const entry of running.values()) entry.attempt.kill();
      }
    },
    killAll() {
      for (const entry of running.values()) entry.attempt.kill();
    },
  };
}

/** Assembles a RunResult from its attempts (durations add up over retries). */
function buildResult(
  run: PlannedRun,
  result: ResultKind,
  attempts: Attempt[],
  tail: string[],
  logFile: string | null,
  reason: string | null,
): RunResult {
  const last = attempts.at(-1);
  return {
    run,
    result,
    exitCode: last?.exitCode ?? null,
    signal: last?.signal ?? null,
    attempts,
    durationMs: attempts.reduce(
      (total, attempt) => total + (attempt.endedAt - attempt.startedAt),
      0,
    ),
    tail,
    logFile,
    reason,
  };
}
