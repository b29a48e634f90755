// Planning (pure): loaded configs + options -> one PlannedRun per config, with argv and database group.
import type { SameDatabasePolicy } from "../cli/cli-command.js";
import { isInvalid, type LoadedConfig } from "../config/loaded-config.js";
import { buildChildCommand, type Executable } from "./build-child-command.js";
import type { PlannedRun } from "./planned-run.js";

export interface PlanInput {
  /** Configs in sorted order. */
  configs: readonly LoadedConfig[];
  executable: Executable;
  ccCommand: string;
  ccargs: readonly string[];
  extra: readonly string[];
  sameDatabase: SameDatabasePolicy;
  /** Durations from an earlier report (--history), keyed by real path. */
  history?: ReadonlyMap<string, number>;
}

/** Decides, for every config, what will run, which database group it is in, and what is known up front. */
export function buildPlan(input: PlanInput): PlannedRun[] {
  const firstSiteOfDatabase = new Map<string, string>();
  return input.configs.map((config): PlannedRun => {
    const expectedMs = input.history?.get(config.realPath) ?? null;
    if (isInvalid(config)) {
      return {
        config,
        command: null,
        databaseGroup: null,
        preResult: "invalid",
        preReason: describeFirstError(config),
        expectedMs,
      };
    }
    const identity = config.database?.identity ?? null;
    const command = buildChildCommand({
      executable: input.executable,
      ccCommand: input.ccCommand,
      configPath: config.path,
      ccargs: input.ccargs,
      extra: input.extra,
    });
    const databaseGroup = input.sameDatabase === "allow" ? null : identity;
    const firstSite = identity === null ? undefined : firstSiteOfDatabase.get(identity);
    if (identity !== null && firstSite === undefined)
      firstSiteOfDatabase.set(identity, config.site);
    if (input.sameDatabase === "skip" && firstSite !== undefined) {
      return {
        config,
        command,
        databaseGroup,
        preResult: "skipped",
        preReason: `same database as ${firstSite} (--same-database skip)`,
        expectedMs,
      };
    }
    return { config, command, databaseGroup, preResult: null, preReason: null, expectedMs };
  });
}

/** `file:line: reason` of the first error, as check prints it. */
export function describeFirstError(config: LoadedConfig): string {
  const error = config.problems.find((problem) => problem.severity === "error");
  return error ? `${config.path}:${error.line}: ${error.message}` : `${config.path}: invalid`;
}
