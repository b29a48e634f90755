// A process world without processes: spawn and signal fakes for testing the runner as pure flow control.
import { PassThrough } from "node:stream";
import type { ChildCommand } from "../../src/plan/planned-run.js";
import type { SignalGroup } from "../../src/run/signal-process-group.js";
import type { ChildExit, ChildHandle, SpawnChild } from "../../src/run/spawn-child.js";

/** How a fake child behaves, chosen per config path. */
export interface FakeBehaviour {
  /** Exit code after `ms` (default 0 after 10 ms); null: never exits by itself. */
  exitCode?: number | null;
  ms?: number;
  output?: string;
  ignoreTerm?: boolean;
  /** Exit codes per attempt (overrides exitCode). */
  attempts?: number[];
  spawnError?: string;
}

export interface FakeChild {
  pid: number;
  config: string;
  startedAt: number;
  endedAt: number | null;
  signals: string[];
}

/** Builds a fake spawn + signalGroup pair and a log of what happened. */
export function createFakeWorld(behaviours: (config: string) => FakeBehaviour) {
  const children: FakeChild[] = [];
  const alive = new Map<number, (exit: ChildExit) => void>();
  const attemptsByConfig = new Map<string, number>();
  let nextPid = 1000;
  let concurrent = 0;
  let maxConcurrent = 0;

  const spawn: SpawnChild = (command: ChildCommand): ChildHandle => {
    const config = command.env["CAMCOPS_CONFIG_FILE"]!;
    const behaviour = behaviours(config);
    const attempt = (attemptsByConfig.get(config) ?? 0) + 1;
    attemptsByConfig.set(config, attempt);
    const pid = nextPid++;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const child: FakeChild = { pid, config, startedAt: Date.now(), endedAt: null, signals: [] };
    children.push(child);
    if (behaviour.spawnError) {
      stdout.end();
      stderr.end();
      const exit = { exitCode: null, signal: null, spawnError: behaviour.spawnError };
      return {
        pid: undefined,
        stdout,
        stderr,
        exited: Promise.resolve(exit),
        finished: Promise.resolve(),
      };
    }
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    let finishedResolve: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      finishedResolve = resolve;
    });
    const exited = new Promise<ChildExit>((resolve) => {
      alive.set(pid, (exit) => {
        alive.delete(pid);
        concurrent -= 1;
        child.endedAt = Date.now();
        stdout.end();
        stderr.end();
        resolve(exit);
        finishedResolve();
      });
    });
    if (behaviour.output) stderr.write(behaviour.output);
    const exitCode = behaviour.attempts
      ? (behaviour.attempts[attempt - 1] ?? 0)
      : (behaviour.exitCode ?? 0);
    if (behaviour.exitCode !== null) {
      setTimeout(
        () => alive.get(pid)?.({ exitCode, signal: null, spawnError: null }),
        behaviour.ms ?? 10,
      );
    }
    return { pid, stdout, stderr, exited, finished };
  };

  const signalGroup: SignalGroup = (pgid, signal) => {
    const exit = alive.get(pgid);
    if (!exit) return false;
    if (signal === 0) return true;
    const child = children.find((candidate) => candidate.pid === pgid)!;
    child.signals.push(signal);
    if (signal === "SIGKILL" || !behaviours(child.config).ignoreTerm) {
      exit({ exitCode: null, signal, spawnError: null });
    }
    return true;
  };

  return { spawn, signalGroup, children, getMaxConcurrent: () => maxConcurrent };
}
