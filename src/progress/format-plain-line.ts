// The plain progress line format (docs/output-format.md): one event, one line, no ANSI, stable for scrapers.

import { hideSecrets } from "../config/secrets.js";
import { formatSeconds } from "../report/format-duration.js";
import type { RunEvent } from "../run/run-events.js";
import type { RunResult } from "../run/run-result.js";
import { cleanText } from "./clean-text.js";

export interface PlainLineOptions {
  /** Include children's output lines. */
  verbose: boolean;
  /** Only failures, warnings and interruptions (wins over verbose). */
  quiet: boolean;
  /** Clock for events that carry no time (plan); default: the system clock. */
  now?: () => Date;
}

/** Results that are not failures: hidden by --quiet. */
const QUIET_HIDDEN_RESULTS = new Set(["ok", "skipped"]);

/** Writes a field that may contain spaces (site, path) as itself, or JSON-quoted when it must be. */
export function formatField(value: string): string {
  return value === "" || value === "-" || /[\s"\\\x00-\x1f\x7f-\x9f]/.test(value)
    ? JSON.stringify(value)
    : value;
}

/** Formats one event as a plain line (without the newline), or null when this mode does not show it. */
export function formatPlainLine(event: RunEvent, options: PlainLineOptions): string | null {
  const body = formatBody(event, options);
  if (body === null) return null;
  const at = "at" in event ? event.at : Number.NaN;
  return `${formatTimestamp(at, options.now)} ${body}`;
}

/** ISO-8601 UTC with milliseconds; the clock stands in for events without a usable time (plan). */
function formatTimestamp(at: number, now: (() => Date) | undefined): string {
  const date = Number.isFinite(at) ? new Date(at) : (now ?? (() => new Date()))();
  return date.toISOString();
}

/** Everything after the timestamp, or null when hidden. */
function formatBody(event: RunEvent, options: PlainLineOptions): string | null {
  const { quiet, verbose } = options;
  switch (event.type) {
    case "plan": {
      if (quiet) return null;
      return `- plan configs=${event.runs.length} jobs=${event.jobs}`;
    }
    case "start": {
      if (quiet) return null;
      const pid = event.pid === undefined ? "-" : String(event.pid);
      return `${formatField(event.run.config.site)} start pid=${pid} attempt=${event.attempt}`;
    }
    case "output": {
      if (quiet || !verbose) return null;
      const marker = event.stream === "stderr" ? "!" : "|";
      const line = cleanText(hideSecrets(event.line, event.run.config.secrets));
      return `${formatField(event.run.config.site)} ${marker} ${line}`;
    }
    case "retry": {
      if (quiet) return null;
      return `${formatField(event.run.config.site)} retry attempt=${event.attempt}`;
    }
    case "timeout": {
      if (quiet) return null;
      return `${formatField(event.run.config.site)} stopping reason=timeout signal=SIGTERM`;
    }
    case "finish": {
      if (quiet && QUIET_HIDDEN_RESULTS.has(event.result.result)) return null;
      return formatFinish(event.result);
    }
    case "warning":
      return `- warning ${cleanText(event.message)}`;
    case "interrupt":
      return `- interrupt signal=${formatField(event.signal)}`;
  }
}

/** `<site> <result> [exit=N|signal=S duration [attempts=N] [log=PATH]] [reason]`. */
function formatFinish(result: RunResult): string {
  const config = result.run.config;
  const parts = [formatField(config.site), result.result.replace(" ", "-")];
  if (result.attempts.length > 0) {
    parts.push(formatStatus(result), formatSeconds(result.durationMs));
    if (result.attempts.length > 1) parts.push(`attempts=${result.attempts.length}`);
    if (result.logFile !== null) parts.push(`log=${formatField(result.logFile)}`);
  }
  const reason = result.reason ?? lastSpawnError(result);
  if (reason) parts.push(cleanText(hideSecrets(reason, config.secrets)));
  return parts.join(" ");
}

/** `signal=SIGKILL` when a signal ended the child, else `exit=N`, or `exit=-` when it never ran. */
function formatStatus(result: RunResult): string {
  if (result.signal !== null) return `signal=${formatField(result.signal)}`;
  return `exit=${result.exitCode === null ? "-" : result.exitCode}`;
}

/** The spawn error of the last attempt, when the child could not be started. */
function lastSpawnError(result: RunResult): string | null {
  return result.attempts.at(-1)?.spawnError ?? null;
}
