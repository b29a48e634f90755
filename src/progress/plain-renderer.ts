// Progress as plain lines for cron, CI and pipes: one event a line, no ANSI, no spinners.
import type { RunEvent } from "../run/run-events.js";
import { formatPlainLine } from "./format-plain-line.js";
import type { ProgressRenderer } from "./progress-renderer.js";

export interface PlainRendererOptions {
  /** Receives whole lines, each ending in "\n". */
  write: (text: string) => void;
  verbose: boolean;
  quiet: boolean;
  /** Clock for events that carry no time (plan); the others are stamped with their own `at`. */
  now?: () => Date;
}

/** Creates the plain-line progress renderer (format documented in docs/output-format.md). */
export function createPlainRenderer(options: PlainRendererOptions): ProgressRenderer {
  const lineOptions = { verbose: options.verbose, quiet: options.quiet, now: options.now };
  return {
    onEvent(event: RunEvent): void {
      const line = formatPlainLine(event, lineOptions);
      if (line !== null) options.write(`${line}\n`);
    },
    close(): void {
      // Every line is written as its event arrives; nothing is buffered.
    },
  };
}
