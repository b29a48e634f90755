import { describe, expect, it } from "vitest";
import { formatSummary } from "../../../src/report/format-summary.js";
import { makeConfig, makeResult, makeRun } from "../../helpers/make-results.js";

const results = [
  makeResult({
    site: "camcops_d",
    result: "timeout",
    signal: "SIGKILL",
    durationMs: 90_000,
    tail: ["still working"],
  }),
  makeResult({ site: "camcops_a", result: "ok", durationMs: 1200 }),
  makeResult({
    site: "camcops_b",
    result: "failed",
    exitCode: 3,
    durationMs: 4000,
    tail: ["line 1", "line 2", "\x1b[31mERROR\x1b[0m: boom"],
    logFile: "/var/log/cm/camcops_b.log",
  }),
  makeResult({
    site: "camcops_c",
    result: "invalid",
    reason: "/etc/camcops/camcops_c.conf:7: DB_URL is missing",
    run: makeRun("camcops_c", {
      config: makeConfig("camcops_c", { database: null }),
      command: null,
      preResult: "invalid",
    }),
  }),
  makeResult({ site: "camcops_e", result: "skipped", reason: "same database as camcops_a" }),
];

describe("formatSummary", () => {
  const text = formatSummary(results, { color: false, command: "upgrade_db", totalMs: 252_000 });
  const lines = text.split("\n");

  it("lists every config in sorted order in an aligned table", () => {
    expect(lines.slice(0, 6)).toEqual([
      "site       database                                                           result   exit     duration",
      "camcops_a  mysql+mysqldb://camcops:***@localhost:3306/camcops_a?charset=utf8  ok       0        1.2s",
      "camcops_b  mysql+mysqldb://camcops:***@localhost:3306/camcops_b?charset=utf8  failed   3        4.0s",
      "camcops_c  -                                                                  invalid  -        -",
      "camcops_d  mysql+mysqldb://camcops:***@localhost:3306/camcops_d?charset=utf8  timeout  SIGKILL  1m30s",
      "camcops_e  mysql+mysqldb://camcops:***@localhost:3306/camcops_e?charset=utf8  skipped  -        -",
    ]);
  });

  it("details every failure with its log file and last output lines, without escapes", () => {
    const start = lines.indexOf("Failures:");
    expect(lines.slice(start, start + 9)).toEqual([
      "Failures:",
      "camcops_b: failed (exit 3)",
      "  log: /var/log/cm/camcops_b.log",
      "  | line 1",
      "  | line 2",
      "  | ERROR: boom",
      "camcops_c: invalid: /etc/camcops/camcops_c.conf:7: DB_URL is missing",
      "camcops_d: timeout (signal SIGKILL)",
      "  | still working",
    ]);
    expect(text).not.toContain("camcops_e: skipped");
    expect(text).not.toContain("\x1b");
  });

  it("ends with the totals line", () => {
    expect(text.endsWith("\n")).toBe(true);
    expect(lines.at(-2)).toBe(
      "upgrade_db on 5 configs: 1 ok, 1 failed, 1 timeout, 1 invalid, 1 skipped in 4m12s",
    );
  });

  it("keeps only the last tailLines output lines", () => {
    const short = formatSummary(results, { color: false, command: "x", totalMs: 0, tailLines: 1 });
    expect(short).toContain("  | ERROR: boom\n");
    expect(short).not.toContain("line 2");
  });

  it("names the slowest sites once enough configs ran", () => {
    expect(text).not.toContain("Slowest");
    const many = ["a", "b", "c", "d", "e"].map((site, i) =>
      makeResult({ site, result: "ok", durationMs: (i + 1) * 1000 }),
    );
    const summary = formatSummary(many, { color: false, command: "x", totalMs: 5000 });
    expect(summary).toContain("Slowest: e 5.0s, d 4.0s, c 3.0s\n");
  });

  it("hides secrets that reached a tail or a reason", () => {
    const leaky = makeResult({
      site: "s",
      result: "failed",
      exitCode: 1,
      tail: ["connect with hunter2 failed"],
      reason: "password hunter2",
      run: makeRun("s", { config: makeConfig("s", { secrets: ["hunter2"] }) }),
    });
    const summary = formatSummary([leaky], { color: false, command: "x", totalMs: 0 });
    expect(summary).not.toContain("hunter2");
    expect(summary).toContain("connect with *** failed");
  });

  it("colours results only when asked, keeping the alignment", () => {
    const coloured = formatSummary(results, { color: true, command: "upgrade_db", totalMs: 1 });
    expect(coloured).toContain("\x1b[32mok");
    expect(coloured).toContain("\x1b[31mfailed");
    const stripped = coloured.replace(/\x1b\[\d+m/g, "");
    expect(stripped).toBe(
      formatSummary(results, { color: false, command: "upgrade_db", totalMs: 1 }),
    );
  });

  it("summarises an empty run", () => {
    expect(formatSummary([], { color: false, command: "upgrade_db", totalMs: 0 })).toBe(
      "upgrade_db on 0 configs in 0.0s\n",
    );
  });
});
