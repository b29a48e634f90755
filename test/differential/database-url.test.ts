// Compares parseDatabaseUrl / renderRedactedUrl with SQLAlchemy 1.4's make_url / repr, case by case:
// every URL form PRODUCT.md names, plus >= 2000 generated URLs per run (seeded; CAMCOPS_META_SEED replays).
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  DatabaseUrlError,
  type ParsedDatabaseUrl,
  parseDatabaseUrl,
  renderRedactedUrl,
} from "../../src/config/database-url.js";
import { createRandom } from "./generate-ini-case.js";

const HELPER = join(dirname(fileURLToPath(import.meta.url)), "make-url-dump.py");
// SQLAlchemy 1.4 comes from the distribution's package, which installs into the system Python;
// the python3 first on PATH may be another build without it.
const PYTHON_CANDIDATES = [
  process.env["CAMCOPS_META_PYTHON"],
  "python3",
  "/usr/bin/python3",
  "/usr/local/bin/python3",
  "python",
].filter((candidate): candidate is string => Boolean(candidate));

// The first interpreter that imports SQLAlchemy 1.4, or null.
function findSqlalchemyPython(): string | null {
  for (const candidate of PYTHON_CANDIDATES) {
    const probe = spawnSync(candidate, ["-c", "import sqlalchemy; print(sqlalchemy.__version__)"], {
      encoding: "utf8",
    });
    if (probe.status === 0 && probe.stdout.startsWith("1.4.")) return candidate;
  }
  return null;
}

type PythonResult =
  | {
      ok: true;
      drivername: string;
      dialect: string;
      driver: string | null;
      username: string | null;
      password: string | null;
      host: string | null;
      port: number | string | null;
      database: string | null;
      query: Record<string, string | string[]>;
      repr: string;
    }
  | { ok: false; type: string; message: string };

// Runs make_url on every URL in one Python process.
function runMakeUrl(python: string, urls: string[]): PythonResult[] {
  const output = execFileSync(python, [HELPER], {
    input: JSON.stringify(urls),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return (JSON.parse(output) as { results: PythonResult[] }).results;
}

/** Every URL form PRODUCT.md and the CamCOPS manual mention, plus the tricky corners. */
const NAMED_URLS = [
  "mysql+mysqldb://user:password@localhost:3306/camcops?charset=utf8",
  "mysql+pymysql://YYY_USERNAME_REPLACE_ME:ZZZ_PASSWORD_REPLACE_ME@localhost:3306/camcops?charset=utf8",
  "mssql+pyodbc://user:password@odbc_dsn_name",
  "mssql+pyodbc://@odbc_dsn_name",
  "mssql+pyodbc://@dsn",
  "postgresql://[::1]:5432/db",
  "postgresql+psycopg2://u:p@[2001:db8::1]/db",
  "postgresql://[fe80::1%25eth0]:5432/db",
  "sqlite://",
  "sqlite:///",
  "sqlite:///relative.db",
  "sqlite:///sub/dir/relative.db",
  "sqlite:////absolute/path.db",
  "sqlite:///:memory:",
  "sqlite:///file:data.db?mode=ro&uri=true",
  "mysql://user:@host/db",
  "mysql://user@host/db",
  "mysql://:pw@host/db",
  "mysql://user:p%40ss%3Aw%2Frd@host/db",
  "mysql://user:p@ss@host/db",
  "mysql://us@er@host/db",
  "mysql://user:pa%zzss@host/db",
  "mysql://user:%C3%A9%E2%82%AC@host/db",
  "mysql://user:%C3@host/db",
  "mysql://user:%C3é%A9@host/db",
  "mysql://user:%EF%BB%BFbom@host/db",
  "mysql://u%3a%40%2f@host/db",
  "mysql://host:/db",
  "mysql://host:abc/db",
  "mysql://host: 42 /db",
  "mysql://host:+4_2/db",
  "mysql://host:4__2/db",
  "mysql://host:-1/db",
  "mysql://host:0/db",
  "mysql://host:٤٢/db",
  "mysql://host:99999999999999999999/db",
  "mysql://host/db?a=1&a=2&b=&c&=x&a=3",
  "mysql://host/db?b+x=2 3&c=%2F",
  "mysql://host/db?",
  "mysql://host/db?charset=utf8&charset=latin1",
  "mysql://host/db?k=v\nrest",
  "mysql://ho\nst/db",
  "mysql://host/db#fragment",
  "mysql://host/db?__proto__=x&constructor=y",
  "mysql://HOST.Example.ORG/DB",
  "mysql:/host/db",
  "mysql//host/db",
  "://host/db",
  "my-sql://host/db",
  "my.sql://host/db",
  "a+b+c://",
  "+x://h",
  "ünïcode://h",
  "",
  " mysql://h/db",
  "mysql://h/db ",
  "some_sqlalchemy_url",
];

// Characters that matter to the grammar or to decoding, and some that do not.
const ALPHABET = Array.from(
  "abcXYZ019_-.~%%%@@::://??&&==++[]# \t\n\r;,'\"\\!$*()éß中😀\u00a0\u2003٣\ufeff",
);
const HEX = Array.from("0123456789abcdefABCDEFgz");
const DRIVERNAMES = [
  "mysql",
  "mysql+mysqldb",
  "mysql+pymysql",
  "mariadb+mariadbconnector",
  "postgresql",
  "postgresql+psycopg2",
  "mssql+pyodbc",
  "oracle+cx_oracle",
  "sqlite",
  "sqlite+pysqlcipher",
  "postgres",
  "cockroachdb",
  "a+b+c",
  "+x",
  "x+",
  "my-sql",
  "名前",
  "",
];

// Builds one random URL from grammar-shaped pieces, often slightly broken.
function generateUrl(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const text = (max: number): string => {
    let result = "";
    const length = Math.floor(random() * (max + 1));
    for (let index = 0; index < length; index++) {
      if (chance(0.12)) result += "%" + pick(HEX) + pick(HEX);
      else if (chance(0.04))
        result += pick(["%C3%A9", "%E2%82%AC", "%F0%9F%98%80", "%C3", "%ED%A0%80"]);
      else result += pick(ALPHABET);
    }
    return result;
  };
  if (chance(0.05)) return text(30);
  let url = pick(DRIVERNAMES) + (chance(0.93) ? "://" : pick(["//", ":/", ":", ""]));
  if (chance(0.6)) {
    const username = chance(0.8) ? text(8) : "";
    url += chance(0.7) ? `${username}:${text(10)}@` : `${username}@`;
  }
  const host = pick([
    () => "localhost",
    () => "DB.Example.org",
    () => "10.0.0.1",
    () => "[::1]",
    () => `[${text(6)}]`,
    () => text(8),
    () => "",
  ])();
  url += host;
  if (chance(0.4)) {
    url +=
      ":" +
      pick([
        () => String(Math.floor(random() * 70000)),
        () => "",
        () => " 42 ",
        () => "+1_0",
        () => "-5",
        () => "٤٢",
        () => "１２",
        () => "12345678901234567890",
        () => text(4),
      ])();
  }
  if (chance(0.75))
    url += "/" + pick([() => "camcops", () => "", () => "/abs/x.db", () => text(10)])();
  if (chance(0.5)) {
    const fields: string[] = [];
    const count = Math.floor(random() * 5);
    for (let index = 0; index < count; index++) {
      const key = chance(0.5) ? pick(["charset", "a", "b", "", "__proto__"]) : text(4);
      fields.push(chance(0.85) ? `${key}=${text(6)}` : key);
    }
    url += "?" + fields.join(chance(0.9) ? "&" : ";");
  }
  if (chance(0.05)) url += text(5);
  return url;
}

// What our parser makes of a URL, shaped like the Python helper's answer.
function describeOurs(url: string): PythonResult | { ok: false; type: string; ours: true } {
  let parsed: ParsedDatabaseUrl;
  try {
    parsed = parseDatabaseUrl(url);
  } catch (error) {
    if (error instanceof DatabaseUrlError) return { ok: false, type: error.pythonType, ours: true };
    throw error;
  }
  const { password, ...rest } = parsed;
  return {
    ok: true,
    ...rest,
    password,
    query: { ...parsed.query },
    repr: renderRedactedUrl(parsed),
  };
}

// Checks one case; a huge port is our one documented deviation (we refuse what Python keeps).
function compareCase(url: string, expected: PythonResult, context: string): void {
  const actual = describeOurs(url);
  const label = `${context} url=${JSON.stringify(url)}`;
  if (expected.ok && typeof expected.port === "string") {
    expect(actual, label).toMatchObject({ ok: false, type: "ValueError" });
    return;
  }
  if (!expected.ok) {
    expect(actual, label).toEqual({ ok: false, type: expected.type, ours: true });
    return;
  }
  expect(actual, label).toEqual(expected);
}

const python = findSqlalchemyPython();
const seed = process.env["CAMCOPS_META_SEED"]
  ? Number(process.env["CAMCOPS_META_SEED"])
  : Math.floor(Math.random() * 2 ** 31);
const GENERATED_COUNT = 3000;

if (python === null) {
  console.warn(
    `database-url differential tests SKIPPED: no interpreter among ${PYTHON_CANDIDATES.join(", ")} ` +
      "imports SQLAlchemy 1.4 (install python3-sqlalchemy or set CAMCOPS_META_PYTHON)",
  );
}

describe.skipIf(python === null)("DB_URL parsing against SQLAlchemy 1.4 make_url", () => {
  it("agrees on every named URL form", () => {
    const results = runMakeUrl(python!, NAMED_URLS);
    NAMED_URLS.forEach((url, index) => {
      compareCase(url, results[index]!, "named case");
    });
  });

  it(`agrees on ${GENERATED_COUNT} generated URLs (seed ${seed}; replay with CAMCOPS_META_SEED=${seed})`, () => {
    const random = createRandom(seed);
    const urls = Array.from({ length: GENERATED_COUNT }, () => generateUrl(random));
    const results = runMakeUrl(python!, urls);
    let accepted = 0;
    urls.forEach((url, index) => {
      const expected = results[index]!;
      if (expected.ok) accepted++;
      compareCase(url, expected, `seed=${seed} (CAMCOPS_META_SEED=${seed} replays) case=${index}`);
    });
    // The generator must exercise both outcomes, or it tests nothing.
    expect(accepted).toBeGreaterThan(GENERATED_COUNT / 4);
    expect(accepted).toBeLessThan(GENERATED_COUNT);
  });
});
