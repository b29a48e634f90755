// DB_URL read exactly as SQLAlchemy 1.4's make_url reads it, its redacted form, and its database identity.
//
// The rules, from sqlalchemy/engine/url.py (1.4.46) and CPython 3.11's urllib.parse:
// - One regular expression, anchored at the start only (trailing text it cannot use is ignored):
//   name "[\w+]+://", then optionally "username[:password]@" (username: no ":" or "/"; password: no "@"),
//   then host ("[ipv6]" or anything without "/", ":", "?"), optionally ":port" (anything without "/", "?"),
//   optionally "/database" (anything without "?"), optionally "?query" (up to the first newline).
// - Only username and password are percent-decoded (urllib.parse.unquote, utf-8 with replacement);
//   host and database are kept as written. The query goes through parse_qsl: "&" separates, "+" is a
//   space, empty values and fields without "=" are dropped, repeated keys give a tuple.
// - A non-empty port goes through Python's int() (spaces, sign, "_" and Unicode digits allowed);
//   an empty port ("host:/db") reaches int("") too, so both raise ValueError.
// - Nothing else raises: make_url does not check the dialect (create_engine does).

import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { DatabaseInfo } from "./loaded-config.js";
import {
  compareCodePoints,
  parsePythonInt,
  parseQueryPairs,
  quotePlusPython,
  unquotePython,
} from "./python-url-text.js";

/** DB_URL as make_url gives it; password kept (percent-decoded) so secrets can be collected. */
export interface ParsedDatabaseUrl {
  drivername: string;
  dialect: string;
  driver: string | null;
  username: string | null;
  password: string | null;
  host: string | null;
  port: number | null;
  database: string | null;
  query: Record<string, string | string[]>;
}

/** DB_URL that make_url would refuse; the message is for an operator, the reason says why. */
export class DatabaseUrlError extends Error {
  override readonly name = "DatabaseUrlError";
  /** What SQLAlchemy would raise: ArgumentError (no match) or ValueError (bad port). */
  readonly pythonType: "ArgumentError" | "ValueError";
  constructor(message: string, pythonType: "ArgumentError" | "ValueError") {
    super(message);
    this.pythonType = pythonType;
  }
}

// sqlalchemy.engine.url._parse_url's pattern; "." there stops at "\n" only, hence [^\n].
// Python's \w is Unicode letters, digits and numerics plus "_": \p{L}\p{N}_ here.
const URL_PATTERN =
  /^([\p{L}\p{N}_+]+):\/\/(?:([^:/]*)(?::([^@]*))?@)?(?:(?:\[([^/?]+)\]|([^/:?]+))?(?::([^/?]*))?)?(?:\/([^?]*))?(?:\?([^\n]*))?/du;

const GROUP = { name: 1, username: 2, password: 3, ipv6host: 4, ipv4host: 5, port: 6 } as const;
const DATABASE_GROUP = 7;
const QUERY_GROUP = 8;

const EXPECTED_FORM = "dialect+driver://user:password@host:port/database";

/** Parses DB_URL as make_url does; throws DatabaseUrlError where make_url raises. */
export function parseDatabaseUrl(url: string): ParsedDatabaseUrl {
  const match = URL_PATTERN.exec(url);
  if (match === null) {
    throw new DatabaseUrlError(
      `DB_URL is not a valid database URL (expected ${EXPECTED_FORM})`,
      "ArgumentError",
    );
  }
  const drivername = match[GROUP.name]!;
  const username = match[GROUP.username];
  const password = match[GROUP.password];
  const portText = match[GROUP.port];
  const queryText = match[QUERY_GROUP];
  return {
    drivername,
    dialect: getBackendName(drivername),
    driver: drivername.includes("+") ? drivername.split("+")[1]! : null,
    username: username === undefined ? null : unquotePython(username),
    password: password === undefined ? null : unquotePython(password),
    host: match[GROUP.ipv4host] ?? match[GROUP.ipv6host] ?? null,
    port: portText === undefined ? null : parsePort(portText),
    database: match[DATABASE_GROUP] ?? null,
    query: queryText === undefined ? createQuery() : buildQuery(queryText),
  };
}

/** The password exactly as written in DB_URL (before percent-decoding), or null when there is none. */
export function findRawPassword(url: string): string | null {
  return URL_PATTERN.exec(url)?.[GROUP.password] ?? null;
}

/** Where the written password sits in DB_URL ([start, end) offsets), or null when make_url finds none. */
export function findRawPasswordSpan(url: string): [number, number] | null {
  const span = URL_PATTERN.exec(url)?.indices?.[GROUP.password];
  return span === undefined ? null : [span[0], span[1]];
}

// URL.get_backend_name(): the part before the first "+".
function getBackendName(drivername: string): string {
  return drivername.split("+")[0]!;
}

// int(port) as make_url does it; ports beyond 2^53 cannot be a JS number, so they are refused too.
function parsePort(text: string): number {
  const value = parsePythonInt(text);
  if (value === null) {
    throw new DatabaseUrlError(
      `DB_URL has an invalid port ${JSON.stringify(text)} (expected a number, as in ${EXPECTED_FORM})`,
      "ValueError",
    );
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    // Deviation: SQLAlchemy keeps the huge integer; no database listens there, and we cannot hold it.
    throw new DatabaseUrlError(`DB_URL has a port out of range (${text.trim()})`, "ValueError");
  }
  return Number(value);
}

// A null-prototype record, so that a key such as "__proto__" stays an ordinary key.
function createQuery(): Record<string, string | string[]> {
  return Object.create(null) as Record<string, string | string[]>;
}

// make_url's query dict: repeated keys collect their values in order.
function buildQuery(text: string): Record<string, string | string[]> {
  const query = createQuery();
  for (const [key, value] of parseQueryPairs(text)) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}

// _sqla_url_quote: only ":", "@" and "/" are escaped in the rendered username.
function quoteUserPart(text: string): string {
  return text.replace(/[:@/]/g, (char) => "%" + char.charCodeAt(0).toString(16).toUpperCase());
}

/** Renders the URL exactly as repr(make_url(DB_URL)) does in SQLAlchemy 1.4 (password as ***). */
export function renderRedactedUrl(url: ParsedDatabaseUrl): string {
  let text = url.drivername + "://";
  if (url.username !== null) {
    text += quoteUserPart(url.username);
    if (url.password !== null) text += ":***";
    text += "@";
  }
  if (url.host !== null) text += url.host.includes(":") ? `[${url.host}]` : url.host;
  if (url.port !== null) text += ":" + String(url.port);
  if (url.database !== null) text += "/" + url.database;
  const keys = Object.keys(url.query).sort(compareCodePoints);
  if (keys.length > 0) {
    const fields = keys.flatMap((key) => {
      const value = url.query[key]!;
      return (Array.isArray(value) ? value : [value]).map(
        (element) => `${quotePlusPython(key)}=${quotePlusPython(element)}`,
      );
    });
    text += "?" + fields.join("&");
  }
  return text;
}

// SQLAlchemy 1.4's own dialects (sqlalchemy.dialects.__all__ plus the "mariadb" alias it resolves).
const BUILT_IN_DIALECTS = new Set([
  "firebird",
  "mariadb",
  "mssql",
  "mysql",
  "oracle",
  "postgresql",
  "sqlite",
  "sybase",
]);

/**
 * True for the dialects SQLAlchemy 1.4 ships (firebird, mariadb, mssql, mysql, oracle, postgresql,
 * sqlite, sybase). Third-party dialects (cockroachdb, snowflake, ...) count as unknown on purpose:
 * camcops_server can use them only when their plugin is installed, which is worth a warning, and
 * "postgres" is unknown because SQLAlchemy 1.4 removed that alias.
 */
export function isKnownDialect(dialect: string): boolean {
  return BUILT_IN_DIALECTS.has(dialect);
}

// The same server reached under another dialect name is the same database (mariadb is mysql).
const DIALECT_FAMILY: Record<string, string> = { mariadb: "mysql" };

const DEFAULT_PORTS: Record<string, number> = {
  mysql: 3306,
  postgresql: 5432,
  mssql: 1433,
  oracle: 1521,
};

// Names that reach the local server; treated as one host so that two spellings never run at once.
const LOOPBACK_HOSTS = new Set(["", "localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1"]);

let memoryDatabaseCount = 0;

/**
 * Which physical database the URL names, for the same-database rule. Server databases:
 * "family://host:port/database" with the host lower-cased (no host and loopback names all read
 * "localhost"), the dialect's default port when none is given, the database lower-cased; the
 * query is ignored. Two URLs that may be the same database therefore share an identity: a false
 * match only serialises two runs, a missed one could run two upgrades on one database.
 * SQLite: "sqlite:" + the real path of the file (relative paths from the current directory).
 * In-memory SQLite ("sqlite://", ":memory:", "", mode=memory) is private to each process: it gets
 * "sqlite::memory:" + owner (pass the config's real path) or else a fresh number, never shared.
 */
export function getDatabaseIdentity(
  url: ParsedDatabaseUrl,
  resolveRealPath: (path: string) => string = resolveRealPathLoosely,
  owner?: string,
): string {
  const family = DIALECT_FAMILY[url.dialect] ?? url.dialect;
  if (family === "sqlite") {
    const file = getSqliteFile(url);
    if (file === null) return `sqlite::memory:${owner ?? `#${++memoryDatabaseCount}`}`;
    return `sqlite:${resolveRealPath(resolve(file))}`;
  }
  const rawHost = (url.host ?? "").toLowerCase();
  const host = LOOPBACK_HOSTS.has(rawHost) ? "localhost" : rawHost;
  const port = url.port ?? DEFAULT_PORTS[family] ?? "";
  return `${family}://${host}:${port}/${(url.database ?? "").toLowerCase()}`;
}

// The file an SQLite URL opens, or null for a private in-memory database.
function getSqliteFile(url: ParsedDatabaseUrl): string | null {
  let file = url.database ?? "";
  if (getQueryValue(url, "uri") === "true" && file.startsWith("file:")) {
    if (getQueryValue(url, "mode") === "memory") return null;
    file = file.slice("file:".length).replace(/^\/\/[^/]*/, "");
  }
  if (file === "" || file === ":memory:") return null;
  return file;
}

/** Real path of a file that may not exist yet: its folder's real path plus its name, or itself. */
export function resolveRealPathLoosely(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

// The last value of a query key (a repeated key counts by its last occurrence).
function getQueryValue(url: ParsedDatabaseUrl, key: string): string | undefined {
  const value = url.query[key];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** The shared DatabaseInfo for a parsed URL: redacted URL, make_url's fields, no password. */
export function toDatabaseInfo(url: ParsedDatabaseUrl, identity: string): DatabaseInfo {
  return {
    url: renderRedactedUrl(url),
    dialect: url.dialect,
    driver: url.driver,
    username: url.username,
    host: url.host,
    port: url.port,
    database: url.database,
    query: copyQuery(url.query),
    identity,
  };
}

// A plain-object copy (own "__proto__" keys kept as data) so callers can serialise it freely.
function copyQuery(query: Record<string, string | string[]>): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    Object.defineProperty(copy, key, {
      value: Array.isArray(value) ? [...value] : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
