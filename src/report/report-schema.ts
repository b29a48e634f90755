// The JSON run report (--json, --report): one versioned shape, described for others in docs/report.schema.json.
import type { ConfigFormat, ConfigProblem } from "../config/loaded-config.js";
import type { ResultKind } from "../run/run-result.js";

/** Bumped only when a field changes meaning or disappears; new fields keep the version. */
export const REPORT_SCHEMA_VERSION = 1;

/** The run as a whole. */
export interface ReportRun {
  /** The camcops_server subcommand. */
  command: string;
  /** The argv each child got (executable first), with a placeholder where each config's path goes. */
  argvTemplate: string[];
  camcopsMetaVersion: string;
  /** ISO-8601 UTC. */
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** The exit code camcops-meta exited (or will exit) with. */
  exitCode: number;
  /** The signal that interrupted the run, or null. */
  signal: string | null;
  jobs: number;
  /** The options the run used (secrets never included). */
  options: Record<string, unknown>;
}

/** How many configs ended with each result, and in all. */
export type ReportTotals = Record<ResultKind, number> & { total: number };

/** The database a config names, without the password. */
export interface ReportDatabase {
  /** Redacted, exactly as SQLAlchemy prints it. */
  url: string;
  identity: string;
  dialect: string;
  host: string | null;
  port: number | null;
  database: string | null;
}

/** One try at running a config. */
export interface ReportAttempt {
  startedAt: string;
  endedAt: string;
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  result: ResultKind;
  spawnError: string | null;
}

/** One config's outcome. */
export interface ReportConfig {
  path: string;
  realPath: string;
  site: string;
  format: ConfigFormat | null;
  database: ReportDatabase | null;
  result: ResultKind;
  exitCode: number | null;
  signal: string | null;
  attempts: ReportAttempt[];
  durationMs: number;
  logFile: string | null;
  /** Last output lines, oldest first, secrets hidden. */
  tail: string[];
  reason: string | null;
  problems: ConfigProblem[];
}

/** The whole report. */
export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  run: ReportRun;
  totals: ReportTotals;
  /** In sorted config order (by path). */
  configs: ReportConfig[];
}
