// Polls until a condition holds: for waiting on processes and files, never for timing assertions.
import { setTimeout as delay } from "node:timers/promises";

export interface WaitForOptions {
  /** Give up after this long (a safety net, not an assertion); default 15 s. */
  timeoutMs?: number;
  intervalMs?: number;
  /** Says what was awaited, for the error on timeout. */
  what?: string;
}

/** Calls check until it returns something other than undefined/false, and returns that. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 20, what = "condition" } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(intervalMs);
  }
}
