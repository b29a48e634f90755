// loadConfig on real temporary files: format, database, problems with their lines, secrets.
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addSharedDatabaseWarnings,
  findSharedDatabases,
} from "../../src/config/find-shared-databases.js";
import { type LoadOptions, loadConfig } from "../../src/config/load-config.js";
import type { LoadedConfig } from "../../src/config/loaded-config.js";

const BROKEN = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "broken");

let folder: string;
let count = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "camcops-meta-load-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Writes a config (mode 0600 unless told) and loads it.
async function load(
  text: string | Uint8Array,
  mode = 0o600,
  options?: LoadOptions,
): Promise<LoadedConfig> {
  const path = join(folder, `site${++count}.conf`);
  await writeFile(path, text);
  await chmod(path, mode);
  return loadConfig(path, path, `site${count}`, options);
}

const CURRENT = `# demo
[site]
DB_URL = mysql+mysqldb://camcops:s3cret-pw@localhost:3306/camcops?charset=utf8
SESSION_COOKIE_SECRET = cookie-secret-value

[server]
HOST = 127.0.0.1
`;

describe("loadConfig: formats and database", () => {
  it("reads a current config", async () => {
    const config = await load(CURRENT);
    expect(config.format).toBe("current");
    expect(config.problems).toEqual([]);
    expect(config.database).toEqual({
      url: "mysql+mysqldb://camcops:***@localhost:3306/camcops?charset=utf8",
      dialect: "mysql",
      driver: "mysqldb",
      username: "camcops",
      host: "localhost",
      port: 3306,
      database: "camcops",
      query: { charset: "utf8" },
      identity: "mysql://localhost:3306/camcops",
    });
    expect(new Set(config.secrets)).toEqual(new Set(["s3cret-pw", "cookie-secret-value"]));
  });

  it("reads a legacy config (DB_URL in [server])", async () => {
    const config = await load("[server]\nDB_URL = mssql+pyodbc://@my_dsn\n");
    expect(config.format).toBe("legacy");
    expect(config.problems).toEqual([]);
    expect(config.database?.url).toBe("mssql+pyodbc://@my_dsn");
    expect(config.database?.identity).toBe("mssql://my_dsn:1433/");
  });

  it("prefers [site] when both sections have DB_URL, and warns when they differ", async () => {
    const config = await load("[site]\nDB_URL = mysql://h/a\n[server]\nDB_URL = mysql://h/b\n");
    expect(config.format).toBe("current");
    expect(config.database?.database).toBe("a");
    expect(config.problems).toEqual([
      { severity: "warning", line: 4, message: expect.stringContaining("differs") },
    ]);
  });

  it("reads DB_URL through %-interpolation and [DEFAULT]", async () => {
    const config = await load(
      "[DEFAULT]\nhost = db.example.org\n[site]\nDB_URL = postgresql://u:100%%sure@%(host)s/camcops\n",
    );
    expect(config.problems).toEqual([]);
    expect(config.database?.host).toBe("db.example.org");
    expect(config.secrets).toContain("100%sure");
  });

  it("finds DB_URL inherited from [DEFAULT], at its [DEFAULT] line", async () => {
    const config = await load("[DEFAULT]\nDB_URL = mysql://h:bad/db\n[site]\nx = 1\n");
    expect(config.format).toBe("current");
    expect(config.problems).toEqual([
      { severity: "error", line: 2, message: expect.stringContaining("invalid port") },
    ]);
  });

  it("gives SQLite files their real path and in-memory databases the config's own identity", async () => {
    const file = await load("[site]\nDB_URL = sqlite:////srv/camcops.db\n", 0o600, {
      realPath: (path) => `/real${path}`,
    });
    expect(file.database?.identity).toBe("sqlite:/real/srv/camcops.db");
    const memory = await load("[site]\nDB_URL = sqlite://\n");
    expect(memory.database?.identity).toBe(`sqlite::memory:${memory.realPath}`);
  });
});

describe("loadConfig: problems", () => {
  it.each([
    ["[site]\nDB_ECHO = 1\n", "error", 1, "DB_URL is missing from [site]", "current"],
    ["# c\n\n[server]\nX = 1\n", "error", 3, "DB_URL is missing from [server]", "legacy"],
    ["[other]\nX = 1\n", "error", 1, "no [site] section", null],
    ["[site]\nDB_URL = nonsense\n", "error", 2, "not a valid database URL", "current"],
    ["[site]\nDB_URL =\n", "error", 2, "DB_URL is empty", "current"],
    ["[site]\n\nDB_URL = mysql://u:50%off@h/db\n", "error", 3, "'%%'", "current"],
    ["[site]\nDB_URL = mysql://h/%(nope)s\n", "error", 2, "nope", "current"],
    [
      "[site]\nDB_URL = foo+bar://h/db\n",
      "warning",
      2,
      'unknown database dialect "foo"',
      "current",
    ],
    ["[site]\nDB_URL = postgres://h/db\n", "warning", 2, "unknown database dialect", "current"],
    ["[site]\nDB_URL = mysql://u:p@ss@h/db\n", "warning", 2, "%40", "current"],
  ] as const)("%j: %s at line %i", async (text, severity, line, fragment, format) => {
    const config = await load(text);
    expect(config.format).toBe(format);
    expect(config.problems).toEqual([
      { severity, line, message: expect.stringContaining(fragment) },
    ]);
    if (severity === "error") expect(config.database).toBeNull();
  });

  it("reports every malformed line of a ParsingError on its own, secrets hidden", async () => {
    const config = await load(
      "[site]\nDB_URL = mysql://h/db\nthis is wrong\nemail_password hunter2\n",
    );
    expect(config.problems.map((problem) => [problem.severity, problem.line])).toEqual([
      ["error", 3],
      ["error", 4],
    ]);
    expect(config.problems[0]!.message).toContain("this is wrong");
    expect(config.problems[1]!.message).toContain("email_password");
    expect(config.problems[1]!.message).not.toContain("hunter2");
    expect(config.format).toBeNull();
    expect(config.database).toBeNull();
  });

  it("hides a password quoted in a parser message", async () => {
    const config = await load("DB_URL = mysql://u:hunter22@h/db\n[site]\n");
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]!.line).toBe(1);
    expect(config.problems[0]!.message).not.toContain("hunter22");
  });

  it("reports other parser errors with their line", async () => {
    const duplicate = await load("[site]\nDB_URL = mysql://h/db\n[site]\n");
    expect(duplicate.problems).toEqual([
      { severity: "error", line: 3, message: expect.any(String) },
    ]);
    const badUtf8 = await load(Uint8Array.from([...Buffer.from("[site]\nx = "), 0xff, 0x0a]));
    expect(badUtf8.problems).toEqual([
      { severity: "error", line: 2, message: expect.stringContaining("UTF-8") },
    ]);
  });

  it("warns about a file every user can read", async () => {
    const config = await load(CURRENT, 0o644);
    expect(config.problems).toEqual([
      {
        severity: "warning",
        line: 1,
        message: expect.stringContaining("readable by every user (mode 0644)"),
      },
    ]);
  });

  it("turns an unreadable or vanished file into a problem at line 1, never a throw", async () => {
    const missing = await loadConfig(join(folder, "gone.conf"), join(folder, "gone.conf"), "gone");
    expect(missing.problems).toEqual([
      {
        severity: "error",
        line: 1,
        message: "cannot read the file: no such file or directory (ENOENT)",
      },
    ]);
    const denied = await loadConfig("/x.conf", "/x.conf", "x", {
      readFile: async () => {
        throw Object.assign(new Error("EACCES: permission denied, open '/x.conf'"), {
          code: "EACCES",
        });
      },
    });
    expect(denied.problems).toEqual([
      { severity: "error", line: 1, message: "cannot read the file: permission denied (EACCES)" },
    ]);
    expect(denied.format).toBeNull();
  });
});

describe("broken fixtures (test/fixtures/broken/db-*.conf)", async () => {
  const names = (await readdir(BROKEN)).filter((name) => /^db-.*\.conf$/.test(name)).sort();

  it("exist", () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it.each(names)("%s gives the error its first line announces", async (name) => {
    const path = join(BROKEN, name);
    const header = /^# expect: (\d+): (.+)$/m.exec((await readFile(path, "utf8")).split("\n")[0]!);
    expect(header, "first line must be '# expect: <line>: <tag>'").not.toBeNull();
    const config = await loadConfig(path, path, name, { stat: async () => ({ mode: 0o600 }) });
    const errors = config.problems.filter((problem) => problem.severity === "error");
    expect(errors).toEqual([
      {
        severity: "error",
        line: Number(header![1]),
        message: expect.stringContaining(header![2]!),
      },
    ]);
  });
});

describe("findSharedDatabases and addSharedDatabaseWarnings", () => {
  const make = (path: string, identity: string | null): LoadedConfig => ({
    path,
    realPath: path,
    site: path,
    format: "current",
    database:
      identity === null
        ? null
        : {
            url: "x",
            dialect: "mysql",
            driver: null,
            username: null,
            host: null,
            port: null,
            database: null,
            query: {},
            identity,
          },
    problems: [],
    secrets: [],
  });

  it("groups configs by identity and warns each member, naming the others", () => {
    const configs = [
      make("/a.conf", "m://h:1/x"),
      make("/b.conf", "m://h:1/y"),
      make("/c.conf", "m://h:1/x"),
      make("/d.conf", null),
    ];
    expect(
      [...findSharedDatabases(configs).entries()].map(([key, group]) => [
        key,
        group.map((c) => c.path),
      ]),
    ).toEqual([["m://h:1/x", ["/a.conf", "/c.conf"]]]);
    const warned = addSharedDatabaseWarnings(configs);
    expect(warned[0]!.problems).toEqual([
      {
        severity: "warning",
        line: 1,
        message: expect.stringContaining("same database as /c.conf (m://h:1/x)"),
      },
    ]);
    expect(warned[2]!.problems[0]!.message).toContain("same database as /a.conf");
    expect(warned[1]!.problems).toEqual([]);
    expect(warned[3]!.problems).toEqual([]);
    // Pure: the inputs keep their problems.
    expect(configs[0]!.problems).toEqual([]);
  });
});
