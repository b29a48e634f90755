// The end-of-run summary for people: a table of every config, failure details, slowest sites, totals.

import { hideSecrets } from "../config/secrets.js";
import { cleanText } from "../progress/clean-text.js";
import type { RunResult } from "../run/run-result.js";
import { countResults, RESULT_ORDER } from "./count-results.js";
import { formatDuration } from "./format-duration.js";
import { createPaint, isFailure, type Paint } from "./paint.js";
import { sortByPath } from "./sort-by-path.js";

export interface SummaryOptions {
  /** ANSI colour (a terminal without NO_COLOR). */
  color: boolean;
  /** The camcops_server subcommand, named in the totals line. */
  command: string;
  /** Wall time of the whole run. */
  totalMs: number;
  /** Output lines shown for each failure (default 10). */
  tailLines?: number;
}

/** A run with fewer configs than this that started gets no "slowest" line: the table says it all. */
const SLOWEST_MIN_RAN = 4;

/** Formats the summary; every line ends in "\n". */
export function formatSummary(results: readonly RunResult[], options: SummaryOptions): string {
  const paint = createPaint(options.color);
  const sorted = sortByPath(results);
  const sections = [
    formatTable(sorted, paint),
    formatFailures(sorted, options.tailLines ?? 10, paint),
    formatSlowest(sorted),
    formatTotals(sorted, options, paint),
  ].filter((section) => section.length > 0);
  return sections.map((lines) => lines.map((line) => `${line}\n`).join("")).join("\n");
}

/** `0`, `3`, `SIGKILL`, or `-` when there is neither. */
export function formatExit(result: RunResult): string {
  if (result.signal !== null) return result.signal;
  return result.exitCode === null ? "-" : String(result.exitCode);
}

/** The duration cell: `-` for a config that never started. */
function formatDurationCell(result: RunResult): string {
  return result.attempts.length === 0 ? "-" : formatDuration(result.durationMs);
}

/** The aligned table: site, database, result, exit, duration. */
function formatTable(results: readonly RunResult[], paint: Paint): string[] {
  if (results.length === 0) return [];
  const header = ["site", "database", "result", "exit", "duration"];
  const rows = results.map((r) => [
    cleanText(r.run.config.site),
    cleanText(hideSecrets(r.run.config.database?.url ?? "-", r.run.config.secrets)),
    r.result,
    formatExit(r),
    formatDurationCell(r),
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  // Pad before painting so escapes never disturb the alignment.
  const layout = (cells: string[], style: (cell: string, column: number) => string): string =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell.padEnd(widths[column]!);
        return style(padded, column);
      })
      .join("  ")
      .trimEnd();
  const lines = [layout(header, (cell) => paint.dim(cell))];
  results.forEach((result, index) => {
    lines.push(
      layout(rows[index]!, (cell, column) =>
        column === 2 ? paint.result(result.result, cell) : cell,
      ),
    );
  });
  return lines;
}

/** For every failure: what happened, its log file and its last output lines. */
function formatFailures(results: readonly RunResult[], tailLines: number, paint: Paint): string[] {
  const failures = results.filter((r) => isFailure(r.result));
  if (failures.length === 0) return [];
  const lines = [paint.bold(failures.length === 1 ? "Failure:" : "Failures:")];
  for (const failure of failures) {
    const secrets = failure.run.config.secrets;
    const exit = formatExit(failure);
    const status =
      exit === "-" ? "" : failure.signal !== null ? ` (signal ${exit})` : ` (exit ${exit})`;
    const reason = failure.reason ?? failure.attempts.at(-1)?.spawnError ?? null;
    const because = reason ? `: ${cleanText(hideSecrets(reason, secrets))}` : "";
    lines.push(
      `${failure.run.config.site}: ${paint.result(failure.result, failure.result)}${status}${because}`,
    );
    if (failure.logFile !== null) lines.push(`  log: ${failure.logFile}`);
    const tail = tailLines > 0 ? failure.tail.slice(-tailLines) : [];
    for (const line of tail) lines.push(paint.dim(`  | ${cleanText(hideSecrets(line, secrets))}`));
    if (tail.length === 0 && failure.attempts.length > 0 && tailLines > 0) {
      lines.push(paint.dim("  (no output)"));
    }
  }
  return lines;
}

/** The longest-running configs: 3, or 5 in runs of more than 20 configs. */
function formatSlowest(results: readonly RunResult[]): string[] {
  const ran = results.filter((r) => r.attempts.length > 0);
  if (ran.length < SLOWEST_MIN_RAN) return [];
  const count = results.length > 20 ? 5 : 3;
  const slowest = [...ran].sort((a, b) => b.durationMs - a.durationMs).slice(0, count);
  const list = slowest.map((r) => `${r.run.config.site} ${formatDuration(r.durationMs)}`);
  return [`Slowest: ${list.join(", ")}`];
}

/** `upgrade_db on 12 configs: 10 ok, 1 failed, 1 skipped in 4m12s`. */
function formatTotals(
  results: readonly RunResult[],
  options: SummaryOptions,
  paint: Paint,
): string[] {
  const counts = countResults(results);
  const parts = RESULT_ORDER.filter((kind) => counts[kind] > 0).map((kind) =>
    paint.result(kind, `${counts[kind]} ${kind}`),
  );
  const noun = results.length === 1 ? "config" : "configs";
  const list = parts.length > 0 ? `: ${parts.join(", ")}` : "";
  return [
    `${options.command} on ${results.length} ${noun}${list} in ${formatDuration(options.totalMs)}`,
  ];
}
