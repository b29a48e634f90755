// Turns a finished run into its report: pure data in, plain JSON-ready data out, secrets hidden.
import type { DatabaseInfo } from "../config/loaded-config.js";
import { hideSecrets } from "../config/secrets.js";
import type { Attempt, RunResult } from "../run/run-result.js";
import { countResults } from "./count-results.js";
import {
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportAttempt,
  type ReportConfig,
  type ReportDatabase,
} from "./report-schema.js";
import { sortByPath } from "./sort-by-path.js";

export interface BuildReportInput {
  ccCommand: string;
  argvTemplate: string[];
  /** camcops-meta's own version. */
  version: string;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number;
  exitCode: number;
  signal: string | null;
  jobs: number;
  options: Record<string, unknown>;
  results: RunResult[];
}

/** Builds the report of a run (configs in sorted order; every known secret hidden as ***). */
export function buildReport(input: BuildReportInput): Report {
  const sorted = sortByPath(input.results);
  const allSecrets = [...new Set(sorted.flatMap((r) => r.run.config.secrets))];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    run: {
      command: input.ccCommand,
      argvTemplate: input.argvTemplate.map((arg) => hideSecrets(arg, allSecrets)),
      camcopsMetaVersion: input.version,
      startedAt: toIso(input.startedAt),
      endedAt: toIso(input.endedAt),
      durationMs: Math.max(0, input.endedAt - input.startedAt),
      exitCode: input.exitCode,
      signal: input.signal,
      jobs: input.jobs,
      options: hideSecretsDeep(input.options, allSecrets) as Record<string, unknown>,
    },
    totals: { total: sorted.length, ...countResults(sorted) },
    configs: sorted.map(buildConfig),
  };
}

/** One config's entry. */
function buildConfig(result: RunResult): ReportConfig {
  const config = result.run.config;
  const hide = (text: string): string => hideSecrets(text, config.secrets);
  return {
    path: config.path,
    realPath: config.realPath,
    site: config.site,
    format: config.format,
    database: config.database === null ? null : buildDatabase(config.database),
    result: result.result,
    exitCode: result.exitCode,
    signal: result.signal,
    attempts: result.attempts.map((attempt) => buildAttempt(attempt, hide)),
    durationMs: result.durationMs,
    logFile: result.logFile,
    tail: result.tail.map(hide),
    reason: result.reason === null ? null : hide(result.reason),
    problems: config.problems.map((p) => ({
      severity: p.severity,
      line: p.line,
      message: hide(p.message),
    })),
  };
}

/** The database fields a report keeps (never the password: url is already redacted). */
function buildDatabase(database: DatabaseInfo): ReportDatabase {
  return {
    url: database.url,
    identity: database.identity,
    dialect: database.dialect,
    host: database.host,
    port: database.port,
    database: database.database,
  };
}

/** One attempt with ISO times. */
function buildAttempt(attempt: Attempt, hide: (text: string) => string): ReportAttempt {
  return {
    startedAt: toIso(attempt.startedAt),
    endedAt: toIso(attempt.endedAt),
    durationMs: Math.max(0, attempt.endedAt - attempt.startedAt),
    exitCode: attempt.exitCode,
    signal: attempt.signal,
    result: attempt.result,
    spawnError: attempt.spawnError === null ? null : hide(attempt.spawnError),
  };
}

/** Epoch milliseconds as ISO-8601 UTC. */
function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Copies JSON-like data with every string's secrets hidden. */
function hideSecretsDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return hideSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => hideSecretsDeep(item, secrets));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, hideSecretsDeep(item, secrets)]),
    );
  }
  return value;
}
