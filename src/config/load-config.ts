// The CamCOPS view of one config file: format, database, problems and secrets, read through the shared parser.
//
// Format: "current" (v2.3.1+) when [site] has DB_URL, "legacy" (v2.3.0 and older) when only [server]
// has it; DB_URL inherited from [DEFAULT] counts, as configparser's get() finds it there. When both
// have it, current wins (that is what camcops_server v2.3.1+ reads). When neither has it: a [site]
// section makes the file current and DB_URL is missing at the [site] header; else a [server] section
// makes it legacy, missing at the [server] header; else the format is unknown and DB_URL is missing
// at line 1.
//
// Errors: unreadable file (line 1, the OS reason), anything the INI parser rejects (every malformed
// line of a ParsingError on its own), DB_URL missing or empty, DB_URL that %-interpolation rejects,
// DB_URL that make_url rejects. Warnings: file readable by every user, unknown dialect, an "@" that
// make_url reads as part of the host (an unescaped "@" in the password), DB_URL in both [site] and
// [server] with different values. The same-database warning needs every config: see
// find-shared-databases.ts. Never throws for anything wrong with the file itself.

import { readFile as readFileFromDisk, stat as statFromDisk } from "node:fs/promises";
import {
  DatabaseUrlError,
  getDatabaseIdentity,
  isKnownDialect,
  parseDatabaseUrl,
  resolveRealPathLoosely,
  toDatabaseInfo,
} from "./database-url.js";
import { quoteText } from "./ini/describe-text.js";
import { DEFAULT_SECTION, type IniDocument } from "./ini/ini-document.js";
import { IniError } from "./ini/ini-error.js";
import { hasOption, listOptionNames, readOption } from "./ini/interpolate.js";
import { parseIniFile } from "./ini/parse-ini.js";
import type { ConfigFormat, ConfigProblem, DatabaseInfo, LoadedConfig } from "./loaded-config.js";
import { type ConfigValue, collectSecrets, hideSecretsInText } from "./secrets.js";

/** File-system access, injectable for tests. */
export interface LoadOptions {
  readFile?: (path: string) => Promise<Uint8Array>;
  stat?: (path: string) => Promise<{ mode: number }>;
  /** Real path of an SQLite database file (which may not exist yet), for the database identity. */
  realPath?: (path: string) => string;
}

const DB_URL = "db_url";
const SITE_SECTION = "site";
const SERVER_SECTION = "server";
const EXPECTED_FORM = "dialect+driver://user:password@host:port/database";

/** Loads one config as camcops_server would; every problem becomes a ConfigProblem, never a throw. */
export async function loadConfig(
  path: string,
  realPath: string,
  site: string,
  options: LoadOptions = {},
): Promise<LoadedConfig> {
  const config: LoadedConfig = {
    path,
    realPath,
    site,
    format: null,
    database: null,
    problems: [],
    secrets: [],
  };
  let bytes: Uint8Array;
  try {
    bytes = await (options.readFile ?? readFileFromDisk)(path);
  } catch (error) {
    config.problems.push(makeError(1, `cannot read the file: ${describeOsError(error)}`));
    return config;
  }
  const mode = await getMode(path, options.stat ?? statFromDisk);
  if (mode !== null && (mode & 0o004) !== 0) {
    config.problems.push(makeWarning(1, describeWorldReadable(mode)));
  }
  let doc: IniDocument;
  try {
    doc = parseIniFile(bytes);
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    config.problems.push(...describeIniError(error));
    return config;
  }
  config.secrets = collectSecrets(readAllValues(doc));
  const located = locateDbUrl(doc);
  config.format = located.format;
  config.problems.push(...located.problems);
  if (located.section !== null) {
    config.dbUrlLine = getDbUrlLine(doc, located.section);
    const result = readDatabase(doc, located.section, realPath, options.realPath);
    config.database = result.database;
    config.problems.push(...result.problems);
  }
  config.problems.sort((left, right) => left.line - right.line);
  return config;
}

function makeError(line: number, message: string): ConfigProblem {
  return { severity: "error", line, message };
}

function makeWarning(line: number, message: string): ConfigProblem {
  return { severity: "warning", line, message };
}

// The file's permission bits, or null when stat fails (reading worked, so that is no problem).
async function getMode(
  path: string,
  stat: (path: string) => Promise<{ mode: number }>,
): Promise<number | null> {
  try {
    return (await stat(path)).mode;
  } catch {
    return null;
  }
}

function describeWorldReadable(mode: number): string {
  const bits = (mode & 0o777).toString(8).padStart(4, "0");
  return `file is readable by every user (mode ${bits}) and holds the database password; consider chmod o-r`;
}

/** The OS reason of a failed read, e.g. "permission denied (EACCES)". */
export function describeOsError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Node's messages read "EACCES: permission denied, open '/path'": keep the middle part.
    const reason = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message;
    return code !== undefined && !reason.includes(code) ? `${reason} (${code})` : reason;
  }
  return String(error);
}

/** The problems of a file the INI parser rejects: one per malformed line for a ParsingError. */
export function describeIniError(error: IniError): ConfigProblem[] {
  if (error.type === "ParsingError" && error.lines.length > 0) {
    return error.lines.map((bad) =>
      makeError(
        bad.line,
        hideSecretsInText(
          `not a [section], an option (name = value) or a comment: ${quoteText(bad.text.trim())}`,
        ),
      ),
    );
  }
  return [makeError(error.line, hideSecretsInText(error.message))];
}

// Every option value of the file as camcops_server would read it, for collecting secrets.
function* readAllValues(doc: IniDocument): Generator<ConfigValue> {
  for (const option of doc.defaults.keys()) {
    yield {
      section: DEFAULT_SECTION,
      option,
      value: readOption(doc, DEFAULT_SECTION, option).value,
    };
  }
  for (const section of doc.sections.keys()) {
    for (const option of listOptionNames(doc, section)) {
      if (doc.defaults.has(option) && !doc.sections.get(section)!.options.has(option)) continue;
      yield { section, option, value: readOption(doc, section, option).value };
    }
  }
}

interface LocatedDbUrl {
  format: ConfigFormat | null;
  /** The section to read DB_URL from, or null when it is missing. */
  section: string | null;
  problems: ConfigProblem[];
}

/** Decides the format and where DB_URL is read from (see the top of this file). */
export function locateDbUrl(doc: IniDocument): LocatedDbUrl {
  const inSite = doc.sections.has(SITE_SECTION) && hasOption(doc, SITE_SECTION, DB_URL);
  const inServer = doc.sections.has(SERVER_SECTION) && hasOption(doc, SERVER_SECTION, DB_URL);
  if (inSite) {
    const problems: ConfigProblem[] = [];
    const siteValue = doc.sections.get(SITE_SECTION)!.options.get(DB_URL);
    const serverValue = doc.sections.get(SERVER_SECTION)?.options.get(DB_URL);
    if (siteValue !== undefined && serverValue !== undefined && siteValue.raw !== serverValue.raw) {
      problems.push(
        makeWarning(
          serverValue.line,
          "DB_URL in [server] differs from DB_URL in [site]; camcops_server v2.3.1 and newer use [site]",
        ),
      );
    }
    return { format: "current", section: SITE_SECTION, problems };
  }
  if (inServer) return { format: "legacy", section: SERVER_SECTION, problems: [] };
  const site = doc.sections.get(SITE_SECTION);
  if (site !== undefined) {
    return {
      format: "current",
      section: null,
      problems: [makeError(site.line, "DB_URL is missing from [site]")],
    };
  }
  const server = doc.sections.get(SERVER_SECTION);
  if (server !== undefined) {
    return {
      format: "legacy",
      section: null,
      problems: [makeError(server.line, "DB_URL is missing from [server]")],
    };
  }
  return {
    format: null,
    section: null,
    problems: [
      makeError(
        1,
        "no [site] section with DB_URL (nor a [server] section, as in configs before v2.3.1)",
      ),
    ],
  };
}

/** Line where a section's DB_URL is written (its own, else the inherited [DEFAULT] one). */
function getDbUrlLine(doc: IniDocument, section: string): number {
  return (
    doc.sections.get(section)?.options.get(DB_URL)?.line ?? doc.defaults.get(DB_URL)?.line ?? 1
  );
}

/** Reads, interpolates and parses DB_URL from the section that holds it. */
function readDatabase(
  doc: IniDocument,
  section: string,
  configRealPath: string,
  resolveRealPath: ((path: string) => string) | undefined,
): { database: DatabaseInfo | null; problems: ConfigProblem[] } {
  const line = getDbUrlLine(doc, section);
  const read = readOption(doc, section, DB_URL);
  if (read.error !== null) {
    return {
      database: null,
      problems: [makeError(line, `DB_URL cannot be read: ${read.error.message}`)],
    };
  }
  if (read.value === "") {
    return {
      database: null,
      problems: [makeError(line, `DB_URL is empty (expected ${EXPECTED_FORM})`)],
    };
  }
  let url: ReturnType<typeof parseDatabaseUrl>;
  try {
    url = parseDatabaseUrl(read.value);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    return { database: null, problems: [makeError(line, error.message)] };
  }
  const problems: ConfigProblem[] = [];
  if (!isKnownDialect(url.dialect)) {
    problems.push(
      makeWarning(
        line,
        `unknown database dialect ${JSON.stringify(url.dialect)}: not one of SQLAlchemy's own ` +
          "(mysql, mariadb, postgresql, mssql, oracle, sqlite, firebird, sybase); camcops_server needs its plugin installed",
      ),
    );
  }
  if (url.host?.includes("@")) {
    problems.push(
      makeWarning(
        line,
        "DB_URL has more than one '@' before the host: SQLAlchemy ends the password at the first '@'; write an '@' in the password as %40",
      ),
    );
  }
  const identity = getDatabaseIdentity(
    url,
    resolveRealPath ?? resolveRealPathLoosely,
    configRealPath,
  );
  return { database: toDatabaseInfo(url, identity), problems };
}
