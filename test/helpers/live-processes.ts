// Checks that no process outlived a run: the "no leftover child or grandchild" assertions.
import { readFileSync } from "node:fs";
import { type WaitForOptions, waitFor } from "./wait-for.js";

/** Reads a process's state letter from /proc (Linux), or null where unavailable. */
function readProcState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return null;
  }
}

/** Reads a process's command line from /proc, for error messages. */
function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "?";
  }
}

/** Whether a process exists and is not a zombie (signal 0 probes without sending). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A zombie is dead: it only waits to be reaped (a container's init may never reap it).
  return readProcState(pid) !== "Z";
}

/** The pids of the list that are still alive. */
export function listLiveProcesses(pids: readonly number[]): number[] {
  return pids.filter((pid) => isAlive(pid));
}

/** Sends a signal to each pid, ignoring those already gone. */
export function killProcesses(pids: readonly number[], signal: NodeJS.Signals = "SIGKILL"): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Throws when any pid is still alive after a short grace period (signals take a moment
 * to land). Leftovers are SIGKILLed before throwing, so a failing test leaks nothing.
 */
export async function assertNoneAlive(
  pids: readonly number[],
  options: Pick<WaitForOptions, "timeoutMs"> = {},
): Promise<void> {
  try {
    await waitFor(() => listLiveProcesses(pids).length === 0, {
      timeoutMs: options.timeoutMs ?? 2_000,
      what: "processes to end",
    });
  } catch {
    const alive = listLiveProcesses(pids);
    if (alive.length === 0) return;
    const described = alive.map((pid) => `${pid} (${readCmdline(pid)})`).join(", ");
    killProcesses(alive);
    throw new Error(`processes still alive: ${described}`);
  }
}
