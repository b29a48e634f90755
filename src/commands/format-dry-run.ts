// What a dry run prints: every command exactly as it would run, shell-quoted, with its database (pure).
import type { PlannedRun } from "../plan/planned-run.js";
import { quoteCommandLine } from "../plan/quote-shell-word.js";

/** One block per config, in sorted order: a comment line (site, database, status), then the command. */
export function formatDryRun(
  runs: readonly PlannedRun[],
  mask: (run: PlannedRun, text: string) => string,
): string {
  const sharing = describeSharing(runs);
  const lines: string[] = [];
  for (const run of runs) {
    const database = run.config.database?.url ?? "(no database)";
    const notes = [
      sharing.get(run),
      run.preResult === null ? null : `${run.preResult}: ${run.preReason}`,
    ]
      .filter((note) => note)
      .join("; ");
    lines.push(`# ${run.config.site}  ${database}${notes ? `  (${mask(run, notes)})` : ""}`);
    if (run.command && run.preResult === null) {
      lines.push(quoteCommandLine([run.command.file, ...run.command.args], run.command.env));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** "same database as x, y" for every config that shares its database with others. */
function describeSharing(runs: readonly PlannedRun[]): Map<PlannedRun, string> {
  const byIdentity = new Map<string, PlannedRun[]>();
  for (const run of runs) {
    const identity = run.config.database?.identity;
    if (identity === undefined || run.preResult === "invalid") continue;
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), run]);
  }
  const notes = new Map<PlannedRun, string>();
  for (const group of byIdentity.values()) {
    if (group.length < 2) continue;
    for (const run of group) {
      const others = group.filter((other) => other !== run).map((other) => other.config.site);
      notes.set(run, `same database as ${others.join(", ")}`);
    }
  }
  return notes;
}
