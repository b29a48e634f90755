// Deciding, before anything runs, whether a command may run across these configs (pure).

import { getCommandKind } from "./command-catalogue.js";
import type { PlannedRun } from "./planned-run.js";

export interface CommandCheck {
  /** Set when the command must not run at all (exit 2). */
  refusal: string | null;
  /** Set when the operator must confirm first (prompt, or --yes). */
  confirmation: string | null;
  warnings: string[];
}

/** Applies the catalogue's rules to this command, these runs and this concurrency. */
export function checkCommand(
  ccCommand: string,
  runs: readonly PlannedRun[],
  jobs: number,
): CommandCheck {
  const runnable = runs.filter((run) => run.preResult === null);
  const kind = getCommandKind(ccCommand);
  const check: CommandCheck = { refusal: null, confirmation: null, warnings: [] };
  switch (kind) {
    case undefined:
      check.warnings.push(
        `"${ccCommand}" is not a camcops_server command this camcops-meta knows (it knows v2.4.24's); running it anyway`,
      );
      break;
    case "no-config":
      check.refusal = `"${ccCommand}" takes no config file: run it once as "camcops_server ${ccCommand}", not across sites`;
      break;
    case "never-ending": {
      const blocker = findWhyNotAllAtOnce(runnable, jobs);
      if (blocker) {
        check.refusal = `"${ccCommand}" never ends, so every config must run at once, but ${blocker}`;
      }
      break;
    }
    case "destructive":
      check.confirmation = `"${ccCommand}" may destroy data in ${runnable.length} database(s)`;
      break;
    case "interactive":
      check.warnings.push(
        `"${ccCommand}" may ask for input; camcops-meta gives children no input, so pass what it needs as arguments (--ccargs or after --)`,
      );
      break;
    case "ordinary":
      break;
  }
  return check;
}

/** Why not every runnable config could be running at the same moment, or null when they can. */
function findWhyNotAllAtOnce(runnable: readonly PlannedRun[], jobs: number): string | null {
  if (runnable.length > jobs) {
    return `${runnable.length} configs would run with --jobs ${jobs} (use --jobs ${runnable.length})`;
  }
  const sites = new Map<string, string>();
  for (const run of runnable) {
    if (run.databaseGroup === null) continue;
    const other = sites.get(run.databaseGroup);
    if (other) {
      return `${other} and ${run.config.site} share a database and would wait for each other (--same-database allow or skip lifts that)`;
    }
    sites.set(run.databaseGroup, run.config.site);
  }
  return null;
}
