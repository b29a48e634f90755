// Starting one child in its own process group, with execa; the only place that spawns.
import type { Readable } from "node:stream";
import { execa } from "execa";
import type { ChildCommand } from "../plan/planned-run.js";

/** How a child ended: an exit code, a signal, or a failure to start at all. */
export interface ChildExit {
  exitCode: number | null;
  signal: string | null;
  /** Set when the process could not be started (e.g. ENOENT, EACCES). */
  spawnError: string | null;
}

/** A started child: its output, its exit, and the end of its output streams. */
export interface ChildHandle {
  pid: number | undefined;
  stdout: Readable | null;
  stderr: Readable | null;
  /** Resolves when the child itself has exited (grandchildren may still hold its pipes). */
  exited: Promise<ChildExit>;
  /** Resolves once the child is gone and its output streams have closed. */
  finished: Promise<void>;
}

export type SpawnChild = (command: ChildCommand) => ChildHandle;

/** Spawns without a shell, detached into a new process group so the whole group can be signalled. */
export const spawnChild: SpawnChild = (command) => {
  const subprocess = execa(command.file, command.args, {
    env: command.env,
    extendEnv: true,
    detached: true,
    stdin: "ignore",
    buffer: false,
    reject: false,
    cleanup: false,
    encoding: "buffer",
    stripFinalNewline: false,
  });
  const exitEvent = new Promise<ChildExit>((resolve) => {
    subprocess.once("exit", (exitCode, signal) => resolve({ exitCode, signal, spawnError: null }));
  });
  const result = subprocess.then((outcome) => outcome);
  const startFailure = result.then((outcome): ChildExit | Promise<never> =>
    outcome.failed && outcome.exitCode === undefined && outcome.signal === undefined
      ? { exitCode: null, signal: null, spawnError: describeSpawnError(outcome) }
      : new Promise<never>(() => {}),
  );
  return {
    pid: subprocess.pid,
    stdout: subprocess.stdout,
    stderr: subprocess.stderr,
    exited: Promise.race([exitEvent, startFailure]),
    finished: result.then(() => undefined),
  };
};

/** The OS reason a child could not start, in words. */
function describeSpawnError(outcome: {
  code?: string;
  originalMessage?: string;
  shortMessage?: string;
}): string {
  switch (outcome.code) {
    case "ENOENT":
      return "executable not found";
    case "EACCES":
      return "permission denied (not executable?)";
    default:
      return outcome.originalMessage ?? outcome.shortMessage ?? "could not start";
  }
}
