// `list` output: table rows for people, and the --json objects PRODUCT.md specifies.
import type { ConfigProblem, DatabaseInfo, LoadedConfig } from "../config/loaded-config.js";

/** One row of the `list` table (all text). */
export interface ListRow {
  path: string;
  /** "current", "legacy", or "-" when unknown. */
  format: string;
  /** The redacted URL, or "-" when there is no usable DB_URL. */
  database: string;
  /** "ok", "ok (N warnings)", or "invalid (line N: first error)". */
  status: string;
}

/** The database object of a --json entry: make_url's fields, the redacted URL, the identity. */
export type ListJsonDatabase = DatabaseInfo;

/** One --json entry: exactly the keys of PRODUCT.md's list JSON. */
export interface ListJsonEntry {
  path: string;
  site: string;
  format: "legacy" | "current" | null;
  database: ListJsonDatabase | null;
  problems: ConfigProblem[];
}

/** The table row for one config. */
export function buildListRow(config: LoadedConfig): ListRow {
  return {
    path: config.path,
    format: config.format ?? "-",
    database: config.database?.url ?? "-",
    status: describeStatus(config.problems),
  };
}

function describeStatus(problems: readonly ConfigProblem[]): string {
  const firstError = problems.find((problem) => problem.severity === "error");
  if (firstError !== undefined) {
    return `invalid (line ${firstError.line}: ${firstError.message.replace(/\r?\n/g, " ")})`;
  }
  const warnings = problems.length;
  if (warnings === 0) return "ok";
  return `ok (${warnings} warning${warnings === 1 ? "" : "s"})`;
}

const HEADER: ListRow = { path: "PATH", format: "FORMAT", database: "DATABASE", status: "STATUS" };

/** The table as lines: a header, then one aligned row per config (the last column is not padded). */
export function formatListTable(configs: readonly LoadedConfig[]): string[] {
  const rows = [HEADER, ...configs.map(buildListRow)];
  const width = (key: "path" | "format" | "database"): number =>
    Math.max(...rows.map((row) => row[key].length));
  const widths = { path: width("path"), format: width("format"), database: width("database") };
  return rows.map((row) =>
    [
      row.path.padEnd(widths.path),
      row.format.padEnd(widths.format),
      row.database.padEnd(widths.database),
      row.status,
    ].join("  "),
  );
}

/** The --json object for one config (keys in PRODUCT.md's order; the password is never present). */
export function toListJsonEntry(config: LoadedConfig): ListJsonEntry {
  const database = config.database;
  return {
    path: config.path,
    site: config.site,
    format: config.format,
    database:
      database === null
        ? null
        : {
            url: database.url,
            dialect: database.dialect,
            driver: database.driver,
            username: database.username,
            host: database.host,
            port: database.port,
            database: database.database,
            query: database.query,
            identity: database.identity,
          },
    problems: config.problems.map(({ severity, line, message }) => ({ severity, line, message })),
  };
}

/** The whole `list --json` document: an array, one object per config. */
export function formatListJson(configs: readonly LoadedConfig[]): string {
  return JSON.stringify(configs.map(toListJsonEntry), null, 2);
}
