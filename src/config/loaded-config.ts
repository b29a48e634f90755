// The CamCOPS view of one config file: what every command (run, list, check, show) needs to know.

/** legacy = CamCOPS v2.3.0 and older (DB_URL in [server]); current = v2.3.1+ (DB_URL in [site]). */
export type ConfigFormat = "legacy" | "current";

/** One thing wrong with a config, at a 1-based line of its file. */
export interface ConfigProblem {
  severity: "error" | "warning";
  line: number;
  message: string;
}

/** DB_URL as SQLAlchemy's make_url reads it; the password is never kept here. */
export interface DatabaseInfo {
  /** Exactly what repr(make_url(DB_URL)) prints: password as ***, query keys sorted. */
  url: string;
  /** Backend name before any "+driver", e.g. "mysql", "sqlite", "mssql". */
  dialect: string;
  driver: string | null;
  username: string | null;
  host: string | null;
  port: number | null;
  database: string | null;
  /** Query parameters; repeated keys give an array, as make_url gives a tuple. */
  query: Record<string, string | string[]>;
  /** Which physical database this is, for the same-database rule (see database-url.ts). */
  identity: string;
}

/** A discovered config after loading it through the shared parser. */
export interface LoadedConfig {
  /** Absolute path as discovered (not resolved through symlinks). */
  path: string;
  /** Real path (symlinks resolved), used for de-duplication and report matching. */
  realPath: string;
  /** Unique short name: file name without .conf, made unique with its folder. */
  site: string;
  format: ConfigFormat | null;
  database: DatabaseInfo | null;
  /** Line where DB_URL is written, when the file has one. */
  dbUrlLine?: number;
  problems: ConfigProblem[];
  /** Secret values found in the file (DB password, SESSION_COOKIE_SECRET, *PASSWORD*, *SECRET*). */
  secrets: string[];
}

/** True when camcops_server could not load this config (it would not run). */
export function isInvalid(config: LoadedConfig): boolean {
  return config.problems.some((problem) => problem.severity === "error");
}
