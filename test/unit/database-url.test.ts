// DB_URL parsing, redaction and identity; expectations taken from SQLAlchemy 1.4.46 (no Python needed).
import { describe, expect, it } from "vitest";
import {
  DatabaseUrlError,
  findRawPassword,
  findRawPasswordSpan,
  getDatabaseIdentity,
  isKnownDialect,
  type ParsedDatabaseUrl,
  parseDatabaseUrl,
  renderRedactedUrl,
  toDatabaseInfo,
} from "../../src/config/database-url.js";

type Fields = Partial<ParsedDatabaseUrl> & { repr?: string };

const PARSE_CASES: Array<[string, Fields]> = [
  [
    "mysql+mysqldb://user:secret@localhost:3306/camcops?charset=utf8",
    {
      drivername: "mysql+mysqldb",
      dialect: "mysql",
      driver: "mysqldb",
      username: "user",
      password: "secret",
      host: "localhost",
      port: 3306,
      database: "camcops",
      query: { charset: "utf8" },
      repr: "mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8",
    },
  ],
  [
    "mssql+pyodbc://@dsn",
    {
      username: "",
      password: null,
      host: "dsn",
      port: null,
      database: null,
      repr: "mssql+pyodbc://@dsn",
    },
  ],
  ["sqlite://", { host: null, database: null, driver: null, repr: "sqlite://" }],
  ["sqlite:///", { host: null, database: "", repr: "sqlite:///" }],
  ["sqlite:///rel.db", { host: null, database: "rel.db", repr: "sqlite:///rel.db" }],
  ["sqlite:////abs.db", { host: null, database: "/abs.db", repr: "sqlite:////abs.db" }],
  ["postgresql://[::1]:5432/db", { host: "::1", port: 5432, repr: "postgresql://[::1]:5432/db" }],
  ["mysql://u:@h/db", { username: "u", password: "", repr: "mysql://u:***@h/db" }],
  // The password stops at the first "@": the rest becomes part of the host.
  ["mysql://u:p@ss@h/db", { password: "p", host: "ss@h", repr: "mysql://u:***@ss@h/db" }],
  // Without a password the username runs to the last "@"; repr escapes only : @ /.
  ["mysql://us@er@h/db", { username: "us@er", host: "h", repr: "mysql://us%40er@h/db" }],
  ["mysql://u%3a@h", { username: "u:", repr: "mysql://u%3A@h" }],
  ["mysql://u:p%40ss%3Aw%2Frd@h/db", { password: "p@ss:w/rd", repr: "mysql://u:***@h/db" }],
  ["mysql://u:%C3%A9@h", { password: "é" }],
  // CPython decodes each ASCII run on its own: a literal é splits the escaped sequence.
  ["mysql://u:%C3é%A9@h", { password: "\ufffdé\ufffd" }],
  ["mysql://u:%EF%BB%BFx@h", { password: "\ufeffx" }],
  ["mysql://u:%zz%4@h", { password: "%zz%4" }],
  // Host and database are never percent-decoded.
  ["mysql://h%41/d%41", { host: "h%41", database: "d%41", repr: "mysql://h%41/d%41" }],
  [
    "mysql://h/db?a=1&a=2&b=&c&=x&a=3",
    { query: { a: ["1", "2", "3"], "": "x" }, repr: "mysql://h/db?=x&a=1&a=2&a=3" },
  ],
  [
    "mysql://h/db?c=1&b+x=2 3",
    { query: { c: "1", "b x": "2 3" }, repr: "mysql://h/db?b+x=2+3&c=1" },
  ],
  ["mysql://h/db?x=%C3é%A9", { repr: "mysql://h/db?x=%EF%BF%BD%C3%A9%EF%BF%BD" }],
  ["mysql://h/db?", { query: {}, repr: "mysql://h/db" }],
  ["mysql://h/db?k=v;w=1", { query: { k: "v;w=1" }, repr: "mysql://h/db?k=v%3Bw%3D1" }],
  // The query ends at a newline and the rest of the text is ignored, as in Python's re.
  ["x://a\nb?q=1\nzz", { host: "a\nb", query: { q: "1" }, repr: "x://a\nb?q=1" }],
  ["mysql://h/db#frag", { database: "db#frag" }],
  ["mysql://h: 42 /db", { port: 42, repr: "mysql://h:42/db" }],
  ["mysql://h:+4_2/db", { port: 42 }],
  ["mysql://h:-1/db", { port: -1, repr: "mysql://h:-1/db" }],
  ["mysql://h:0/db", { port: 0, repr: "mysql://h:0/db" }],
  ["mysql://h:٤٢/db", { port: 42 }],
  ["a+b+c://", { dialect: "a", driver: "b", repr: "a+b+c://" }],
  ["名前://h", { dialect: "名前" }],
];

describe("parseDatabaseUrl and renderRedactedUrl", () => {
  it.each(PARSE_CASES)("%j", (url, expected) => {
    const parsed = parseDatabaseUrl(url);
    const { repr, ...fields } = expected;
    expect({ ...parsed, query: { ...parsed.query } }).toMatchObject(fields);
    if (repr !== undefined) expect(renderRedactedUrl(parsed)).toBe(repr);
  });

  it("keeps a __proto__ query key as an ordinary key", () => {
    const parsed = parseDatabaseUrl("mysql://h/db?__proto__=x");
    expect(Object.keys(parsed.query)).toEqual(["__proto__"]);
    expect(renderRedactedUrl(parsed)).toBe("mysql://h/db?__proto__=x");
  });

  it("sorts query keys by code point, as Python does", () => {
    // UTF-16 order would put the astral character first.
    const parsed = parseDatabaseUrl("x://h?%F0%9F%98%80=1&%EF%BD%81=2");
    expect(renderRedactedUrl(parsed)).toBe("x://h?%EF%BD%81=2&%F0%9F%98%80=1");
  });
});

const ERROR_CASES: Array<[string, "ArgumentError" | "ValueError"]> = [
  ["", "ArgumentError"],
  ["some_sqlalchemy_url", "ArgumentError"],
  ["mysql:/h/db", "ArgumentError"],
  ["my-sql://h/db", "ArgumentError"],
  [" mysql://h/db", "ArgumentError"],
  ["mysql://h:/db", "ValueError"],
  ["mysql://h:abc/db", "ValueError"],
  ["mysql://h:4__2/db", "ValueError"],
  ["mysql://h:4_/db", "ValueError"],
  ["mysql://h:²/db", "ValueError"],
  // Deviation: Python keeps this port; a JS number cannot, so we refuse it.
  ["mysql://h:99999999999999999999/db", "ValueError"],
];

describe("parseDatabaseUrl errors", () => {
  it.each(ERROR_CASES)("%j raises like %s", (url, pythonType) => {
    let caught: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseUrlError);
    expect((caught as DatabaseUrlError).pythonType).toBe(pythonType);
    expect((caught as DatabaseUrlError).message).toMatch(/^DB_URL /);
  });

  it("explains the expected form", () => {
    expect(() => parseDatabaseUrl("nonsense")).toThrow(
      "DB_URL is not a valid database URL (expected dialect+driver://user:password@host:port/database)",
    );
  });
});

describe("findRawPassword and findRawPasswordSpan", () => {
  it.each([
    ["mysql://u:p%40ss@h/db", "p%40ss", [10, 16]],
    ["mysql://u:@h/db", "", [10, 10]],
    ["mysql://u@h/db", null, null],
    ["not a url", null, null],
  ] as const)("%j", (url, raw, span) => {
    expect(findRawPassword(url)).toBe(raw);
    expect(findRawPasswordSpan(url)).toEqual(span);
  });
});

describe("getDatabaseIdentity", () => {
  const identity = (url: string, realPath?: (path: string) => string, owner?: string): string =>
    getDatabaseIdentity(parseDatabaseUrl(url), realPath, owner);

  it.each([
    ["mysql+mysqldb://u:p@DB.Example.org/camcops", "mysql://db.example.org:3306/camcops"],
    [
      "mysql+pymysql://other:x@db.example.org:3306/CamCOPS?charset=utf8",
      "mysql://db.example.org:3306/camcops",
    ],
    ["mariadb://h/db", "mysql://h:3306/db"],
    ["postgresql://h/db", "postgresql://h:5432/db"],
    ["mssql+pyodbc://u:p@h/db", "mssql://h:1433/db"],
    ["oracle://h/db", "oracle://h:1521/db"],
    ["mysql://h:3307/db", "mysql://h:3307/db"],
    ["mysql:///db", "mysql://localhost:3306/db"],
    ["mysql://127.0.0.1/db", "mysql://localhost:3306/db"],
    ["mysql://[::1]/db", "mysql://localhost:3306/db"],
    ["mssql+pyodbc://@dsn", "mssql://dsn:1433/"],
    ["foo://h/db", "foo://h:/db"],
  ])("%j is %j", (url, expected) => {
    expect(identity(url)).toBe(expected);
  });

  it("uses the real path of an SQLite file, relative paths from the current directory", () => {
    const seen: string[] = [];
    const realPath = (path: string): string => {
      seen.push(path);
      return "/real" + path;
    };
    expect(identity("sqlite:////srv/db.sqlite", realPath)).toBe("sqlite:/real/srv/db.sqlite");
    expect(identity("sqlite:///rel.db", realPath)).toBe(`sqlite:/real${process.cwd()}/rel.db`);
    expect(identity("sqlite+pysqlcipher://:k@/x.db", realPath)).toBe(
      `sqlite:/real${process.cwd()}/x.db`,
    );
    expect(seen).toHaveLength(3);
  });

  it("gives in-memory SQLite databases identities that are never shared", () => {
    expect(identity("sqlite://", undefined, "/etc/a.conf")).toBe("sqlite::memory:/etc/a.conf");
    expect(identity("sqlite:///:memory:", undefined, "/etc/b.conf")).toBe(
      "sqlite::memory:/etc/b.conf",
    );
    const anonymous = ["sqlite://", "sqlite:///", "sqlite:///file:x?mode=memory&uri=true"].map(
      (url) => identity(url),
    );
    expect(new Set(anonymous).size).toBe(3);
  });

  it("reads SQLite URI filenames", () => {
    expect(identity("sqlite:///file:/srv/x.db?mode=ro&uri=true", (path) => path)).toBe(
      "sqlite:/srv/x.db",
    );
  });
});

describe("isKnownDialect", () => {
  it.each([
    ["mysql", true],
    ["mariadb", true],
    ["postgresql", true],
    ["mssql", true],
    ["oracle", true],
    ["sqlite", true],
    ["firebird", true],
    ["sybase", true],
    ["postgres", false],
    ["cockroachdb", false],
    ["MySQL", false],
    ["", false],
  ])("%j: %s", (dialect, known) => {
    expect(isKnownDialect(dialect)).toBe(known);
  });
});

describe("toDatabaseInfo", () => {
  it("keeps make_url's fields and the redacted URL, never the password", () => {
    const parsed = parseDatabaseUrl("mysql+mysqldb://u:pw@h:3306/db?a=1&a=2&__proto__=z");
    const info = toDatabaseInfo(parsed, "mysql://h:3306/db");
    expect(JSON.parse(JSON.stringify(info))).toEqual({
      url: "mysql+mysqldb://u:***@h:3306/db?__proto__=z&a=1&a=2",
      dialect: "mysql",
      driver: "mysqldb",
      username: "u",
      host: "h",
      port: 3306,
      database: "db",
      query: JSON.parse('{"a":["1","2"],"__proto__":"z"}'),
      identity: "mysql://h:3306/db",
    });
    expect(JSON.stringify(info)).not.toContain("pw");
    // The info's query is a copy: changing it leaves the parsed URL alone.
    (info.query["a"] as string[]).push("3");
    expect(parsed.query["a"]).toEqual(["1", "2"]);
  });
});
