// One try at one config: spawn, follow its output, enforce the timeout, leave no process behind.
import type { ChildCommand } from "../plan/planned-run.js";
import type { OutputCapture } from "./output-capture.js";
import type { Attempt } from "./run-result.js";
import type { SignalGroup } from "./signal-process-group.js";
import type { SpawnChild } from "./spawn-child.js";
import { type Termination, terminateGroup } from "./terminate-group.js";

export interface AttemptOptions {
  command: ChildCommand;
  capture: OutputCapture;
  spawn: SpawnChild;
  signalGroup: SignalGroup;
  timeoutMs: number | null;
  killGraceMs: number;
  now: () => number;
  onStart: (pid: number | undefined) => void;
  onTimeout: () => void;
  /** Processes of the child's group were still alive after it exited, and were stopped. */
  onLeftovers: () => void;
}

/** An attempt in flight: its outcome, and the handles that stop it early. */
export interface RunningAttempt {
  outcome: Promise<Attempt>;
  /** Stops it because camcops-meta was interrupted: SIGTERM now, SIGKILL after the grace. */
  interrupt(): void;
  /** SIGKILL to the group at once (second Ctrl-C). */
  kill(): void;
}

/** After the group is gone, how long to wait for pipes held open by something that escaped it. */
const STREAM_CLOSE_WAIT_MS = 2000;

/** Starts one attempt; its result is data, never an exception. */
export function startAttempt(options: AttemptOptions): RunningAttempt {
  const { command, capture, spawn, signalGroup, now } = options;
  const startedAt = now();
  const handle = spawn(command);
  const pid = handle.pid;
  options.onStart(pid);
  const following = [handle.stdout, handle.stderr]
    .map((stream, index) =>
      stream ? capture.follow(stream, index === 0 ? "stdout" : "stderr") : null,
    )
    .filter((promise) => promise !== null);

  let termination: Termination | null = null;
  let timedOut = false;
  let interrupted = false;
  const stop = () => {
    if (termination === null && pid !== undefined) {
      termination = terminateGroup(pid, { signalGroup, graceMs: options.killGraceMs });
    }
  };
  const timer =
    options.timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          options.onTimeout();
          stop();
        }, options.timeoutMs);

  let exited = false;
  const outcome = (async (): Promise<Attempt> => {
    const exit = await handle.exited;
    exited = true;
    if (timer) clearTimeout(timer);
    if (pid !== undefined && exit.spawnError === null && signalGroup(pid, 0)) {
      // Grandchildren outliving the child would outlive us too: stop them now.
      if (termination === null) options.onLeftovers();
      stop();
    }
    await (termination as Termination | null)?.done;
    await waitAtMost(Promise.all([handle.finished, ...following]), STREAM_CLOSE_WAIT_MS);
    handle.stdout?.destroy();
    handle.stderr?.destroy();
    capture.flush();
    return {
      startedAt,
      endedAt: now(),
      exitCode: exit.exitCode,
      signal: exit.signal,
      result: interrupted
        ? "interrupted"
        : timedOut
          ? "timeout"
          : exit.exitCode === 0 && exit.spawnError === null
            ? "ok"
            : "failed",
      spawnError: exit.spawnError,
    };
  })();

  return {
    outcome,
    interrupt() {
      // A child that already exited has its result; only its pipes may still be closing.
      if (exited) return;
      interrupted = true;
      stop();
    },
    kill() {
      if (!exited) {
        interrupted = true;
        stop();
      }
      // Also ends a group still being stopped for leftovers after the child exited.
      (termination as Termination | null)?.kill();
    },
  };
}

function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
