// Factories for sample configs, planned runs and run results in tests: only the fields a test cares about.
import type { DatabaseInfo, LoadedConfig } from "../../src/config/loaded-config.js";
import type { PlannedRun } from "../../src/plan/planned-run.js";
import type { Attempt, ResultKind, RunResult } from "../../src/run/run-result.js";

/** A fixed epoch for tests: 2026-11-26T04:10:00.000Z. */
export const T0 = Date.UTC(2026, 10, 26, 4, 10, 0, 0);

/** A MySQL database description as the parser would give it, password already hidden. */
export function makeDatabase(name: string, overrides: Partial<DatabaseInfo> = {}): DatabaseInfo {
  return {
    url: `mysql+mysqldb://camcops:***@localhost:3306/${name}?charset=utf8`,
    dialect: "mysql",
    driver: "mysqldb",
    username: "camcops",
    host: "localhost",
    port: 3306,
    database: name,
    query: { charset: "utf8" },
    identity: `mysql://localhost:3306/${name}`,
    ...overrides,
  };
}

/** A loaded config for site, under /etc/camcops, on its own database. */
export function makeConfig(site: string, overrides: Partial<LoadedConfig> = {}): LoadedConfig {
  const path = `/etc/camcops/${site}.conf`;
  return {
    path,
    realPath: path,
    site,
    format: "current",
    database: makeDatabase(site),
    problems: [],
    secrets: [],
    ...overrides,
  };
}

/** A runnable planned run for site. */
export function makeRun(site: string, overrides: Partial<PlannedRun> = {}): PlannedRun {
  const config = overrides.config ?? makeConfig(site);
  return {
    config,
    command: {
      file: "camcops_server",
      args: ["upgrade_db", "--config", config.path],
      env: { CAMCOPS_CONFIG_FILE: config.path },
    },
    databaseGroup: config.database?.identity ?? null,
    preResult: null,
    preReason: null,
    expectedMs: null,
    ...overrides,
  };
}

/** One attempt that started at startedAt and lasted durationMs. */
export function makeAttempt(overrides: Partial<Attempt> = {}): Attempt {
  const startedAt = overrides.startedAt ?? T0;
  return {
    startedAt,
    endedAt: startedAt + 1000,
    exitCode: 0,
    signal: null,
    result: "ok",
    spawnError: null,
    ...overrides,
  };
}

export interface ResultSpec {
  site: string;
  result: ResultKind;
  exitCode?: number | null;
  signal?: string | null;
  durationMs?: number;
  tail?: string[];
  logFile?: string | null;
  reason?: string | null;
  attempts?: Attempt[];
  run?: PlannedRun;
}

/** A final result; configs that ran get one attempt matching exit code, signal and duration. */
export function makeResult(spec: ResultSpec): RunResult {
  const ran = !["invalid", "skipped", "not started"].includes(spec.result);
  const exitCode = spec.exitCode !== undefined ? spec.exitCode : ran && !spec.signal ? 0 : null;
  const signal = spec.signal ?? null;
  const durationMs = spec.durationMs ?? (ran ? 1200 : 0);
  const attempts =
    spec.attempts ??
    (ran
      ? [
          makeAttempt({
            startedAt: T0,
            endedAt: T0 + durationMs,
            exitCode,
            signal,
            result: spec.result,
          }),
        ]
      : []);
  return {
    run:
      spec.run ??
      makeRun(spec.site, {
        ...(spec.result === "invalid" || spec.result === "skipped"
          ? { preResult: spec.result, preReason: spec.reason ?? null }
          : {}),
        ...(spec.result === "invalid" ? { command: null } : {}),
      }),
    result: spec.result,
    exitCode,
    signal,
    attempts,
    durationMs,
    tail: spec.tail ?? [],
    logFile: spec.logFile ?? null,
    reason: spec.reason ?? null,
  };
}
