// The text of the terminal list's rows: pure functions of the progress model and the clock.

import { hideSecrets } from "../config/secrets.js";
import { formatDuration } from "../report/format-duration.js";
import { formatExit } from "../report/format-summary.js";
import type { Paint } from "../report/paint.js";
import { cleanText } from "./clean-text.js";
import type { ProgressCounts, ProgressRow } from "./progress-model.js";

/** A run of text with one style; titles are built from these so truncation never cuts an escape. */
export interface Segment {
  text: string;
  style?: (text: string) => string;
}

/** Joins segments, cut to width characters (ending in "…" when cut), then styles each. */
export function renderSegments(segments: readonly Segment[], width: number): string {
  let room = Math.max(1, width);
  let out = "";
  const total = segments.reduce((sum, s) => sum + [...s.text].length, 0);
  const cut = total > room;
  if (cut) room -= 1;
  for (const segment of segments) {
    if (room <= 0) break;
    const chars = [...segment.text];
    const text = chars.slice(0, room).join("");
    room -= Math.min(chars.length, room);
    out += segment.style ? segment.style(text) : text;
  }
  return cut ? `${out}…` : out;
}

/** The header: `upgrade_db: 3/12 done, 4 running, 1 failed`, plus an interruption when there is one. */
export function formatHeaderTitle(
  command: string,
  counts: ProgressCounts,
  interruptedBy: string | null,
  paint: Paint,
): Segment[] {
  const segments: Segment[] = [
    { text: `${command}: ${counts.done}/${counts.total} done` },
    { text: `, ${counts.running} running` },
  ];
  if (counts.failed > 0)
    segments.push({ text: ", " }, { text: `${counts.failed} failed`, style: paint.red });
  if (interruptedBy !== null) {
    segments.push(
      { text: ", " },
      { text: `interrupted by ${interruptedBy}: stopping`, style: paint.red },
    );
  }
  return segments;
}

/** One config's row: `site  waiting`, `site  running 12s  › line`, `site  failed  exit 3  4.0s`. */
export function formatRowTitle(
  row: ProgressRow,
  now: number,
  siteWidth: number,
  paint: Paint,
): Segment[] {
  const site = { text: `${cleanText(row.run.config.site).padEnd(siteWidth)}  ` };
  if (row.state === "waiting") return [site, { text: "waiting", style: paint.dim }];
  if (row.state === "running") {
    const elapsed = formatDuration(row.startedAt === null ? 0 : now - row.startedAt);
    const segments: Segment[] = [site, { text: `running ${elapsed}`, style: paint.yellow }];
    if (row.attempt > 1) segments.push({ text: `  attempt ${row.attempt}` });
    if (row.stopping) segments.push({ text: "  timed out, stopping", style: paint.red });
    if (row.latestLine !== null) {
      const line = cleanText(hideSecrets(row.latestLine, row.run.config.secrets)).trim();
      segments.push({ text: `  › ${line}`, style: paint.dim });
    }
    return segments;
  }
  const result = row.result!;
  const segments: Segment[] = [
    site,
    { text: result.result, style: (t) => paint.result(result.result, t) },
  ];
  if (result.attempts.length > 0) {
    const exit = formatExit(result);
    segments.push({ text: `  ${result.signal !== null ? exit : `exit ${exit}`}` });
    segments.push({ text: `  ${formatDuration(result.durationMs)}` });
    if (result.attempts.length > 1) segments.push({ text: `  ${result.attempts.length} attempts` });
  }
  const reason = result.reason ?? result.attempts.at(-1)?.spawnError ?? null;
  if (reason) {
    segments.push({
      text: `  ${cleanText(hideSecrets(reason, row.run.config.secrets))}`,
      style: paint.dim,
    });
  }
  return segments;
}
