// `list` output: table rows and the --json objects of PRODUCT.md.
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl, toDatabaseInfo } from "../../../src/config/database-url.js";
import type { LoadedConfig } from "../../../src/config/loaded-config.js";
import {
  buildListRow,
  formatListJson,
  formatListTable,
  toListJsonEntry,
} from "../../../src/report/format-list.js";

const URL = "mysql+mysqldb://user:hunter22@localhost:3306/camcops?charset=utf8";

const VALID: LoadedConfig = {
  path: "/etc/camcops/a.conf",
  realPath: "/etc/camcops/a.conf",
  site: "a",
  format: "current",
  database: toDatabaseInfo(parseDatabaseUrl(URL), "mysql://localhost:3306/camcops"),
  problems: [],
  secrets: ["hunter22"],
};

const WARNED: LoadedConfig = {
  ...VALID,
  path: "/etc/camcops/long-name.conf",
  site: "long-name",
  format: "legacy",
  problems: [{ severity: "warning", line: 1, message: "file is readable by every user" }],
};

const INVALID: LoadedConfig = {
  path: "/etc/camcops/b.conf",
  realPath: "/etc/camcops/b.conf",
  site: "b",
  format: null,
  database: null,
  problems: [
    { severity: "warning", line: 1, message: "w" },
    { severity: "error", line: 3, message: "DB_URL is missing from [site]" },
  ],
  secrets: [],
};

describe("buildListRow", () => {
  it.each([
    [
      VALID,
      {
        format: "current",
        database: "mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8",
        status: "ok",
      },
    ],
    [WARNED, { format: "legacy", status: "ok (1 warning)" }],
    [
      INVALID,
      { format: "-", database: "-", status: "invalid (line 3: DB_URL is missing from [site])" },
    ],
  ])("%#", (config, expected) => {
    expect(buildListRow(config)).toMatchObject({ path: config.path, ...expected });
  });
});

describe("formatListTable", () => {
  it("aligns the columns under a header", () => {
    expect(formatListTable([VALID, WARNED, INVALID])).toEqual([
      "PATH                         FORMAT   DATABASE                                                      STATUS",
      "/etc/camcops/a.conf          current  mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8  ok",
      "/etc/camcops/long-name.conf  legacy   mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8  ok (1 warning)",
      "/etc/camcops/b.conf          -        -                                                             invalid (line 3: DB_URL is missing from [site])",
    ]);
  });
});

describe("toListJsonEntry and formatListJson", () => {
  it("gives exactly PRODUCT.md's keys, in its order", () => {
    const entry = toListJsonEntry(VALID);
    expect(Object.keys(entry)).toEqual(["path", "site", "format", "database", "problems"]);
    expect(Object.keys(entry.database!)).toEqual([
      "url",
      "dialect",
      "driver",
      "username",
      "host",
      "port",
      "database",
      "query",
      "identity",
    ]);
    expect(entry).toEqual({
      path: "/etc/camcops/a.conf",
      site: "a",
      format: "current",
      database: {
        url: "mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8",
        dialect: "mysql",
        driver: "mysqldb",
        username: "user",
        host: "localhost",
        port: 3306,
        database: "camcops",
        query: { charset: "utf8" },
        identity: "mysql://localhost:3306/camcops",
      },
      problems: [],
    });
  });

  it("gives null database and the problems of an invalid config", () => {
    expect(toListJsonEntry(INVALID)).toEqual({
      path: "/etc/camcops/b.conf",
      site: "b",
      format: null,
      database: null,
      problems: INVALID.problems,
    });
  });

  it("prints an array and never the password", () => {
    const text = formatListJson([VALID, INVALID]);
    const parsed = JSON.parse(text) as unknown[];
    expect(parsed).toHaveLength(2);
    expect(text).not.toContain("hunter22");
    expect(text).not.toContain("secrets");
  });
});
