// Stopping a process group: SIGTERM, then SIGKILL after a grace period if anything is still alive.
import type { SignalGroup } from "./signal-process-group.js";

export interface TerminateOptions {
  signalGroup: SignalGroup;
  graceMs: number;
  /** How often to look whether the group is gone. */
  pollMs?: number;
}

/** A group being stopped; `kill()` skips the rest of the grace period (second Ctrl-C). */
export interface Termination {
  done: Promise<void>;
  kill(): void;
}

/** Sends SIGTERM to the group now and SIGKILL after the grace period; resolves when the group is gone. */
export function terminateGroup(pgid: number, options: TerminateOptions): Termination {
  const { signalGroup, graceMs } = options;
  const pollMs = options.pollMs ?? 50;
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    signalGroup(pgid, "SIGKILL");
  };
  if (!signalGroup(pgid, "SIGTERM")) return { done: Promise.resolve(), kill: () => {} };
  const done = new Promise<void>((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (!signalGroup(pgid, 0)) {
        clearInterval(timer);
        resolve();
        return;
      }
      if (Date.now() - started >= graceMs) kill();
    }, pollMs);
  });
  return { done, kill };
}
