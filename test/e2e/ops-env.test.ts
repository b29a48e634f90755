// End to end, for cron and ops scripts: CAMCOPS_META_<OPTION> defaults, a bare cron environment, --quiet.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/report-schema.js";
import {
  eventsOf,
  FAKE_CAMCOPS_PATH,
  makeTempDir,
  readRecord,
  removeTempDirs,
  runCli,
  writeConfig,
} from "../helpers/fake-camcops.js";
import {
  ANSI,
  getSchemaErrors,
  kindsOf,
  makeSites,
  mysqlConfig,
  readDocumentedPatterns,
  splitLines,
  startedConfigs,
} from "./ops-helpers.js";

afterAll(() => removeTempDirs());

const patterns = readDocumentedPatterns();

/** Runs the CLI with the stand-in and a fresh record folder. */
async function runWith(args: string[], env: Record<string, string | undefined> = {}) {
  const record = makeTempDir();
  const result = await runCli(["--camcops", FAKE_CAMCOPS_PATH, ...args], {
    env: { FAKE_CAMCOPS_RECORD: record, ...env },
  });
  return { result, record };
}

describe("CAMCOPS_META_<OPTION> defaults", () => {
  it("CAMCOPS_META_JOBS=1 runs one at a time, in sorted order", async () => {
    // Written out of order, so creation order cannot pass for sorted order.
    const dir = makeSites({
      site_d: "sleep=0.1",
      site_b: "sleep=0.1",
      site_c: "sleep=0.1",
      site_a: "sleep=0.1",
    });
    const { result, record } = await runWith(["upgrade_db", "-f", `${dir}/*.conf`], {
      CAMCOPS_META_JOBS: "1",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ - plan configs=4 jobs=1$/m);
    const sorted = ["site_a", "site_b", "site_c", "site_d"].map((site) =>
      path.join(dir, `${site}.conf`),
    );
    expect(startedConfigs(record)).toEqual(sorted);
    // Serial: each child ended before the next one started.
    const events = readRecord(record).filter((e) => e.event === "start" || e.event === "end");
    expect(events.map((e) => `${e.event} ${path.basename(e.config)}`)).toEqual(
      ["site_a", "site_b", "site_c", "site_d"].flatMap((site) => [
        `start ${site}.conf`,
        `end ${site}.conf`,
      ]),
    );
  });

  it("CAMCOPS_META_FILESPECS gives the config files (several separated by ':') when no --filespecs is typed", async () => {
    const one = makeSites({ first: undefined });
    const two = makeSites({ second: undefined, third: undefined });
    const { result, record } = await runWith(["upgrade_db"], {
      CAMCOPS_META_FILESPECS: `${one}/*.conf:${two}/*.conf`,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(startedConfigs(record).sort()).toEqual(
      [
        path.join(one, "first.conf"),
        path.join(two, "second.conf"),
        path.join(two, "third.conf"),
      ].sort(),
    );
  });

  it("a flag on the command line wins over the variable", async () => {
    const envDir = makeSites({ from_env: undefined });
    const flagDir = makeSites({ from_flag_a: undefined, from_flag_b: undefined });
    const { result, record } = await runWith(["upgrade_db", "-f", `${flagDir}/*.conf`, "-j", "2"], {
      CAMCOPS_META_FILESPECS: `${envDir}/*.conf`,
      CAMCOPS_META_JOBS: "1",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ - plan configs=2 jobs=2$/m);
    expect(startedConfigs(record).sort()).toEqual([
      path.join(flagDir, "from_flag_a.conf"),
      path.join(flagDir, "from_flag_b.conf"),
    ]);
  });

  it("CAMCOPS_META_REPORT and CAMCOPS_META_LOG_DIR work for a cron line that sets only variables", async () => {
    const dir = makeSites({ one: undefined });
    const out = makeTempDir();
    const report = path.join(out, "report.json");
    const logs = path.join(out, "logs");
    const { result } = await runWith(["upgrade_db", "-f", `${dir}/*.conf`], {
      CAMCOPS_META_REPORT: report,
      CAMCOPS_META_LOG_DIR: logs,
      CAMCOPS_META_QUIET: "1",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const data = JSON.parse(readFileSync(report, "utf8")) as Report;
    expect(getSchemaErrors(data)).toBe("");
    expect(data.configs[0]?.logFile).toBe(path.join(logs, "one.log"));
  });

  it.each([
    { variable: "CAMCOPS_META_JOBS", value: "lots" },
    { variable: "CAMCOPS_META_TIMEOUT", value: "soon" },
    { variable: "CAMCOPS_META_KILL_GRACE", value: "-3" },
    { variable: "CAMCOPS_META_RETRIES", value: "many" },
    { variable: "CAMCOPS_META_SAME_DATABASE", value: "sometimes" },
    { variable: "CAMCOPS_META_BAIL", value: "maybe" },
  ])(
    "a bad $variable is exit 2 with a message naming the variable, nothing run",
    async ({ variable, value }) => {
      const dir = makeSites({ one: undefined });
      const { result, record } = await runWith(["upgrade_db", "-f", `${dir}/*.conf`], {
        [variable]: value,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(variable);
      expect(result.stderr).toContain(value);
      expect(startedConfigs(record)).toEqual([]);
    },
  );
});

/** The environment cron gives: PATH only (node's folder first), no HOME, TERM, LANG or anything else. */
function buildCronEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const key of Object.keys(process.env)) env[key] = undefined;
  return { ...env, PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, ...extra };
}

/** A folder with one config of every kind of outcome, one of them world-readable (a warning). */
function makeMixedSites(): string {
  const dir = makeTempDir();
  writeConfig(dir, "alpha", mysqlConfig("alpha", "lines=3"));
  writeConfig(dir, "bravo", mysqlConfig("bravo", "exit=3 lines=2"));
  writeConfig(dir, "charlie", mysqlConfig("charlie", "hang"));
  writeConfig(dir, "delta", { format: "current", dbUrl: null });
  writeConfig(dir, "echo", mysqlConfig("shared"));
  writeConfig(dir, "foxtrot", mysqlConfig("shared"));
  writeConfig(dir, "golf", { ...mysqlConfig("golf", "succeed-after=2"), mode: 0o644 });
  return dir;
}

const MIXED_OPTIONS = [
  "--timeout",
  "1s",
  "--kill-grace",
  "1s",
  "--same-database",
  "skip",
  "--retries",
  "1",
];

describe("a cron-style run", () => {
  it("no terminal, PATH only: every stderr line is a documented plain line, no ANSI anywhere, a valid report", async () => {
    const dir = makeMixedSites();
    const out = makeTempDir();
    const record = makeTempDir();
    const result = await runCli(
      [
        "upgrade_db",
        "-f",
        `${dir}/*.conf`,
        "--camcops",
        FAKE_CAMCOPS_PATH,
        ...MIXED_OPTIONS,
        "--log-dir",
        path.join(out, "logs"),
        "--report",
        path.join(out, "report.json"),
      ],
      { cwd: out, env: buildCronEnv({ FAKE_CAMCOPS_RECORD: record }) },
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(ANSI);
    expect(result.stdout).not.toMatch(ANSI);
    const lines = splitLines(result.stderr);
    for (const line of lines) expect(kindsOf(line, patterns), line).toHaveLength(1);
    // The run really went through every kind of line it can produce here.
    const seen = new Set(lines.flatMap((line) => kindsOf(line, patterns)));
    expect([...seen].sort()).toEqual(
      [
        "plan",
        "start",
        "retry",
        "stopping",
        "warning",
        "result, for a config that ran",
        "result, for a config that did not run",
      ].sort(),
    );
    expect(result.stdout).toMatch(
      /upgrade_db on 7 configs: 3 ok, 1 failed, 1 timeout, 1 invalid, 1 skipped/,
    );
    expect(eventsOf(readRecord(record), "start").length).toBeGreaterThanOrEqual(6);
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as Report;
    expect(getSchemaErrors(report)).toBe("");
    expect(report.totals).toMatchObject({
      total: 7,
      ok: 3,
      failed: 1,
      timeout: 1,
      invalid: 1,
      skipped: 1,
    });
  });

  it("-v in cron: children's lines are documented output lines too", async () => {
    const dir = makeSites({ alpha: "lines=2 stream=both", bravo: "exit=2" });
    const result = await runCli(
      ["upgrade_db", "-f", `${dir}/*.conf`, "--camcops", FAKE_CAMCOPS_PATH, "-v"],
      { env: buildCronEnv({}) },
    );
    expect(result.code, result.stderr).toBe(1);
    const lines = splitLines(result.stderr);
    for (const line of lines) expect(kindsOf(line, patterns), line).toHaveLength(1);
    expect(lines.some((line) => /^\S+ alpha \| /.test(line))).toBe(true);
    expect(lines.some((line) => /^\S+ alpha ! /.test(line))).toBe(true);
  });

  it("--quiet: only failures and warnings on stderr, then the summary", async () => {
    const dir = makeMixedSites();
    const result = await runCli(
      [
        "upgrade_db",
        "-f",
        `${dir}/*.conf`,
        "--camcops",
        FAKE_CAMCOPS_PATH,
        ...MIXED_OPTIONS,
        "--quiet",
      ],
      // The record folder also keeps golf's attempt counter (succeed-after=2).
      { env: buildCronEnv({ FAKE_CAMCOPS_RECORD: makeTempDir() }) },
    );
    expect(result.code, result.stderr).toBe(1);
    const lines = splitLines(result.stderr);
    const byKind = lines.map((line) => {
      const kinds = kindsOf(line, patterns);
      expect(kinds, line).toHaveLength(1);
      return { line, kind: kinds[0]! };
    });
    for (const { line, kind } of byKind) {
      expect(
        ["warning", "result, for a config that ran", "result, for a config that did not run"],
        line,
      ).toContain(kind);
      expect(line).not.toMatch(/^\S+ \S+ (ok|skipped)\b/);
    }
    const results = byKind
      .filter(({ kind }) => kind.startsWith("result"))
      .map(({ line }) => line.split(" ").slice(1, 3).join(" "))
      .sort();
    expect(results).toEqual(["bravo failed", "charlie timeout", "delta invalid"]);
    expect(byKind.some(({ line }) => /golf\.conf.*readable by every user/.test(line))).toBe(true);
    expect(result.stdout).toMatch(
      /upgrade_db on 7 configs: 3 ok, 1 failed, 1 timeout, 1 invalid, 1 skipped/,
    );
  });
});
