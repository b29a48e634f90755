// Reads what the stand-in camcops_server recorded (FAKE_CAMCOPS_RECORD=DIR, DIR/events.jsonl).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type WaitForOptions, waitFor } from "./wait-for.js";

/** One line of events.jsonl; `t` is Date.now() in milliseconds. */
export type RecordEvent =
  | {
      event: "start";
      config: string;
      pid: number;
      ppid: number;
      pgid: number | null;
      command: string;
      argv: string[];
      cwd: string;
      env_config: string | null;
      /** The Python interpreter, when run through camcops_server.py; else null. */
      via: string | null;
      t: number;
    }
  | {
      event: "end";
      config: string;
      pid: number;
      code: number | null;
      signal?: string;
      error?: string;
      t: number;
    }
  | {
      event: "grandchild";
      config: string;
      pid: number;
      ppid: number;
      pgid: number | null;
      t: number;
    }
  | { event: "term"; config: string; pid: number; ignored: boolean; t: number }
  | { event: "usage-error"; pid: number; argv: string[]; cwd: string; message: string; t: number };

export type RecordEventName = RecordEvent["event"];

/** Reads every recorded event, in the order written; [] when nothing was recorded. */
export function readRecord(dir: string): RecordEvent[] {
  let text: string;
  try {
    text = readFileSync(join(dir, "events.jsonl"), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as RecordEvent);
}

/** Picks the events of one kind, typed. */
export function eventsOf<K extends RecordEventName>(
  events: readonly RecordEvent[],
  name: K,
): Extract<RecordEvent, { event: K }>[] {
  return events.filter((e): e is Extract<RecordEvent, { event: K }> => e.event === name);
}

/** Every process id the record knows: stand-in processes and their grandchildren. */
export function pidsFromRecord(events: readonly RecordEvent[]): number[] {
  const pids = events
    .filter((e) => e.event === "start" || e.event === "grandchild")
    .map((e) => e.pid);
  return [...new Set(pids)];
}

/** Waits until the record satisfies check (e.g. three `start` events), and returns it. */
export function waitForRecord(
  dir: string,
  check: (events: RecordEvent[]) => boolean,
  options: WaitForOptions = {},
): Promise<RecordEvent[]> {
  return waitFor(
    () => {
      const events = readRecord(dir);
      return check(events) ? events : undefined;
    },
    { what: "the recorded events", ...options },
  );
}
