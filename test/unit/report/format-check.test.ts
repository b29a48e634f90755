// `check` text: "path:line: message", warnings marked, one line per problem.
import { describe, expect, it } from "vitest";
import type { ConfigProblem, LoadedConfig } from "../../../src/config/loaded-config.js";
import {
  formatCheckLines,
  formatCheckSummary,
  formatProblem,
} from "../../../src/report/format-check.js";

// A config with just the fields check output reads.
function makeConfig(path: string, problems: ConfigProblem[]): LoadedConfig {
  return {
    path,
    realPath: path,
    site: path,
    format: "current",
    database: null,
    problems,
    secrets: [],
  };
}

describe("formatProblem", () => {
  it.each([
    [
      { severity: "error", line: 4, message: "DB_URL is missing from [site]" },
      "/etc/a.conf:4: DB_URL is missing from [site]",
    ],
    [
      { severity: "warning", line: 1, message: "file is readable by every user (mode 0644)" },
      "/etc/a.conf:1: warning: file is readable by every user (mode 0644)",
    ],
    [{ severity: "error", line: 2, message: "two\nlines" }, "/etc/a.conf:2: two lines"],
  ] as const)("%j", (problem, line) => {
    expect(formatProblem("/etc/a.conf", problem)).toBe(line);
  });
});

describe("formatCheckLines", () => {
  it("lists every problem of every config in the given order", () => {
    const configs = [
      makeConfig("/etc/a.conf", [
        { severity: "warning", line: 1, message: "w" },
        { severity: "error", line: 5, message: "e" },
      ]),
      makeConfig("/etc/b.conf", []),
      makeConfig("/etc/c.conf", [
        { severity: "error", line: 1, message: "cannot read the file: permission denied (EACCES)" },
      ]),
    ];
    expect(formatCheckLines(configs)).toEqual([
      "/etc/a.conf:1: warning: w",
      "/etc/a.conf:5: e",
      "/etc/c.conf:1: cannot read the file: permission denied (EACCES)",
    ]);
  });

  it("prints nothing for valid configs", () => {
    expect(formatCheckLines([makeConfig("/etc/b.conf", [])])).toEqual([]);
  });
});

describe("formatCheckSummary", () => {
  it("counts configs, invalid ones and warnings", () => {
    const configs = [
      makeConfig("/a", [
        { severity: "error", line: 1, message: "e" },
        { severity: "error", line: 2, message: "e" },
      ]),
      makeConfig("/b", [{ severity: "warning", line: 1, message: "w" }]),
      makeConfig("/c", []),
    ];
    expect(formatCheckSummary(configs)).toBe("3 configs checked: 1 invalid, 1 warning");
    expect(formatCheckSummary([makeConfig("/c", [])])).toBe(
      "1 config checked: 0 invalid, 0 warnings",
    );
  });
});
