// End to end, for ops scripts: --json and --report (valid against docs/report.schema.json), --rerun-failed.
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
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
  configOf,
  getSchemaErrors,
  makeSites,
  mysqlConfig,
  startedConfigs,
} from "./ops-helpers.js";

afterAll(() => removeTempDirs());

/** Runs upgrade_db with the stand-in over dir/*.conf plus args, recording into a fresh folder. */
async function runUpgrade(dir: string, args: string[] = []) {
  const record = makeTempDir();
  const result = await runCli(
    ["upgrade_db", "-f", `${dir}/*.conf`, "--camcops", FAKE_CAMCOPS_PATH, ...args],
    { env: { FAKE_CAMCOPS_RECORD: record } },
  );
  return { result, record };
}

/** Reads and schema-checks a report file. */
function readValidReport(file: string): Report {
  const data = JSON.parse(readFileSync(file, "utf8")) as Report;
  expect(getSchemaErrors(data)).toBe("");
  return data;
}

describe("--json", () => {
  it("stdout is exactly one JSON report that validates; progress and summary only on stderr", async () => {
    const dir = makeSites({
      camcops_a: "lines=2",
      camcops_b: "exit=3 lines=2",
      camcops_c: undefined,
    });
    const { result } = await runUpgrade(dir, ["--json"]);
    expect(result.code, result.stderr).toBe(1);
    // JSON.parse rejects anything after the document, so this proves "exactly one".
    const report = JSON.parse(result.stdout) as Report;
    expect(getSchemaErrors(report)).toBe("");
    expect(result.stdout.trim().startsWith("{")).toBe(true);
    expect(report.totals).toMatchObject({ total: 3, ok: 2, failed: 1 });
    expect(report.configs.map((config) => config.site)).toEqual([
      "camcops_a",
      "camcops_b",
      "camcops_c",
    ]);
    expect(report.run).toMatchObject({ command: "upgrade_db", exitCode: 1, signal: null });
    // Progress lines and the human summary went to stderr, none of it to stdout.
    expect(result.stderr).toMatch(/ - plan configs=3 jobs=4$/m);
    expect(result.stderr).toMatch(/camcops_b failed exit=3 /);
    expect(result.stderr).toMatch(/upgrade_db on 3 configs: 2 ok, 1 failed/);
    expect(result.stdout).not.toMatch(/upgrade_db on 3 configs/);
  });

  it("--report FILE writes the same report atomically: valid, equal to --json, no temp file left", async () => {
    const dir = makeSites({ camcops_a: undefined, camcops_b: "exit=2" });
    const out = makeTempDir();
    const file = path.join(out, "last.json");
    const { result } = await runUpgrade(dir, ["--json", "--report", file]);
    expect(result.code, result.stderr).toBe(1);
    const written = readValidReport(file);
    expect(written).toEqual(JSON.parse(result.stdout));
    expect(readdirSync(out)).toEqual(["last.json"]);
  });

  it("--report without --json: stdout keeps the human summary, the file is the report; an old report is replaced", async () => {
    const dir = makeSites({ camcops_a: undefined });
    const out = makeTempDir();
    const file = path.join(out, "last.json");
    writeFileSync(file, "an older report\n");
    const { result } = await runUpgrade(dir, ["--report", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/upgrade_db on 1 config: 1 ok/);
    expect(() => JSON.parse(result.stdout)).toThrow();
    const report = readValidReport(file);
    expect(report.totals).toMatchObject({ total: 1, ok: 1 });
    expect(readdirSync(out)).toEqual(["last.json"]);
  });
});

describe("a report of a run with every kind of outcome", () => {
  it("validates and records results, attempts, exit codes, log files and tails", async () => {
    const dir = makeTempDir();
    writeConfig(dir, "alpha", mysqlConfig("alpha", "lines=2"));
    writeConfig(dir, "bravo", mysqlConfig("bravo", "exit=3 lines=4"));
    writeConfig(dir, "charlie", mysqlConfig("charlie", "hang"));
    writeConfig(dir, "delta", { format: "current", dbUrl: null });
    writeConfig(dir, "echo", mysqlConfig("shared"));
    writeConfig(dir, "foxtrot", mysqlConfig("shared"));
    writeConfig(dir, "golf", mysqlConfig("golf", "succeed-after=2"));
    const logDir = path.join(makeTempDir(), "logs");
    const file = path.join(makeTempDir(), "report.json");
    const { result, record } = await runUpgrade(dir, [
      "--timeout",
      "1s",
      "--kill-grace",
      "1s",
      "--same-database",
      "skip",
      "--retries",
      "1",
      "--log-dir",
      logDir,
      "--report",
      file,
    ]);
    expect(result.code, result.stderr).toBe(1);
    const report = readValidReport(file);

    expect(report.run.exitCode).toBe(1);
    expect(report.run.command).toBe("upgrade_db");
    expect(report.totals).toEqual({
      total: 7,
      ok: 3,
      failed: 1,
      timeout: 1,
      invalid: 1,
      skipped: 1,
      "not started": 0,
      interrupted: 0,
    });
    expect(report.configs.map((config) => [config.site, config.result])).toEqual([
      ["alpha", "ok"],
      ["bravo", "failed"],
      ["charlie", "timeout"],
      ["delta", "invalid"],
      ["echo", "ok"],
      ["foxtrot", "skipped"],
      ["golf", "ok"],
    ]);

    // Every attempt the stand-in saw is in the report, and nothing more.
    const starts = eventsOf(readRecord(record), "start");
    for (const config of report.configs) {
      const started = starts.filter((event) => event.config === config.path).length;
      expect(config.attempts, config.site).toHaveLength(started);
      expect(config.path).toBe(path.join(dir, `${config.site}.conf`));
      expect(config.realPath).toBe(config.path);
    }

    const bravo = configOf(report, "bravo");
    expect(bravo).toMatchObject({ exitCode: 3, signal: null });
    expect(bravo.attempts.map((a) => [a.result, a.exitCode])).toEqual([
      ["failed", 3],
      ["failed", 3],
    ]);
    expect(bravo.tail.at(-1)).toMatch(/Command upgrade_db failed \(fake-camcops: exit=3\)/);
    expect(bravo.logFile).toBe(path.join(logDir, "bravo.log"));
    const bravoLog = readFileSync(bravo.logFile!, "utf8");
    expect(bravoLog).toMatch(/Running upgrade step 4 of 4/);
    expect(bravoLog.match(/CRITICAL: Command upgrade_db failed/g)).toHaveLength(2);

    const charlie = configOf(report, "charlie");
    expect(charlie.exitCode).toBeNull();
    expect(charlie.signal).toMatch(/^SIG(TERM|KILL)$/);
    expect(charlie.attempts.length).toBeGreaterThanOrEqual(1);
    for (const attempt of charlie.attempts) expect(attempt.result).toBe("timeout");
    expect(charlie.tail.join("\n")).toMatch(/Hanging \(fake-camcops: hang\)/);
    expect(existsSync(charlie.logFile!)).toBe(true);

    const delta = configOf(report, "delta");
    expect(delta).toMatchObject({ exitCode: null, signal: null, logFile: null, attempts: [] });
    expect(delta.reason).toContain(`${path.join(dir, "delta.conf")}:`);
    expect(delta.reason).toMatch(/DB_URL/);
    expect(delta.problems.some((problem) => problem.severity === "error")).toBe(true);

    const foxtrot = configOf(report, "foxtrot");
    expect(foxtrot).toMatchObject({ exitCode: null, logFile: null, attempts: [] });
    expect(foxtrot.reason).toMatch(/echo/);

    const golf = configOf(report, "golf");
    expect(golf).toMatchObject({ exitCode: 0, signal: null });
    expect(golf.attempts.map((a) => a.result)).toEqual(["failed", "ok"]);

    for (const site of ["alpha", "echo"]) {
      const config = configOf(report, site);
      expect(config, site).toMatchObject({ exitCode: 0, signal: null });
      expect(config.logFile, site).toBe(path.join(logDir, `${site}.log`));
      expect(config.tail.at(-1), site).toBe(`upgrade_db: done (${site})`);
    }
    // Log files exist for exactly the configs that ran.
    expect(readdirSync(logDir).sort()).toEqual(
      ["alpha", "bravo", "charlie", "echo", "golf"].map((site) => `${site}.log`),
    );
  });
});

describe("--rerun-failed", () => {
  /** A first run with two failures and an invalid config; returns its folder and report file. */
  async function firstRun(): Promise<{ dir: string; file: string }> {
    const dir = makeTempDir();
    writeConfig(dir, "a", mysqlConfig("a"));
    writeConfig(dir, "b", mysqlConfig("b", "exit=3"));
    writeConfig(dir, "c", mysqlConfig("c", "exit=4"));
    writeConfig(dir, "d", { format: "current", dbUrl: null });
    writeConfig(dir, "e", mysqlConfig("e"));
    const file = path.join(makeTempDir(), "first.json");
    const { result } = await runUpgrade(dir, ["--report", file]);
    expect(result.code, result.stderr).toBe(1);
    return { dir, file };
  }

  it("runs exactly the configs that were not ok; --filespecs narrows that set, matched by real path", async () => {
    const { dir, file } = await firstRun();

    const record = makeTempDir();
    const second = path.join(makeTempDir(), "second.json");
    const rerun = await runCli(
      ["upgrade_db", "--camcops", FAKE_CAMCOPS_PATH, "--rerun-failed", file, "--report", second],
      { env: { FAKE_CAMCOPS_RECORD: record } },
    );
    expect(rerun.code, rerun.stderr).toBe(1);
    expect(startedConfigs(record).sort()).toEqual([
      path.join(dir, "b.conf"),
      path.join(dir, "c.conf"),
    ]);
    const report = readValidReport(second);
    expect(report.configs.map((config) => [config.site, config.result])).toEqual([
      ["b", "failed"],
      ["c", "failed"],
      ["d", "invalid"],
    ]);

    // A glob that also matches an ok config: only the failed one of them runs.
    const narrowRecord = makeTempDir();
    const narrowed = await runCli(
      [
        "upgrade_db",
        "--camcops",
        FAKE_CAMCOPS_PATH,
        "--rerun-failed",
        file,
        "--filespecs",
        `${dir}/[ab].conf`,
      ],
      { env: { FAKE_CAMCOPS_RECORD: narrowRecord } },
    );
    expect(narrowed.code, narrowed.stderr).toBe(1);
    expect(startedConfigs(narrowRecord)).toEqual([path.join(dir, "b.conf")]);

    // The same files reached through a symlinked folder are the same configs.
    const link = path.join(makeTempDir(), "link");
    symlinkSync(dir, link);
    const linkRecord = makeTempDir();
    const viaLink = await runCli(
      [
        "upgrade_db",
        "--camcops",
        FAKE_CAMCOPS_PATH,
        "--rerun-failed",
        file,
        "-f",
        `${link}/*.conf`,
      ],
      { env: { FAKE_CAMCOPS_RECORD: linkRecord } },
    );
    expect(viaLink.code, viaLink.stderr).toBe(1);
    expect(
      startedConfigs(linkRecord)
        .map((config) => path.basename(config))
        .sort(),
    ).toEqual(["b.conf", "c.conf"]);
  });

  it("a report where everything succeeded: nothing runs, exit 0", async () => {
    const dir = makeSites({ a: undefined });
    const file = path.join(makeTempDir(), "ok.json");
    const first = await runUpgrade(dir, ["--report", file]);
    expect(first.result.code, first.result.stderr).toBe(0);
    const record = makeTempDir();
    const rerun = await runCli(
      ["upgrade_db", "--camcops", FAKE_CAMCOPS_PATH, "--rerun-failed", file],
      { env: { FAKE_CAMCOPS_RECORD: record } },
    );
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(startedConfigs(record)).toEqual([]);
  });

  it.each([
    { name: "a missing report", content: null, says: /no such file/ },
    { name: "a file that is not JSON", content: "not json at all\n", says: /not valid JSON/ },
    {
      name: "a report with another schemaVersion",
      content: JSON.stringify({ schemaVersion: 2, run: {}, totals: {}, configs: [] }),
      says: /schemaVersion 2/,
    },
  ])("$name: exit 2, one clear message naming the file, nothing run", async ({ content, says }) => {
    const dir = makeSites({ a: "exit=1" });
    const file = path.join(makeTempDir(), "earlier report.json");
    if (content !== null) writeFileSync(file, content);
    const record = makeTempDir();
    const result = await runCli(
      ["upgrade_db", "--camcops", FAKE_CAMCOPS_PATH, "--rerun-failed", file, "-f", `${dir}/*.conf`],
      { env: { FAKE_CAMCOPS_RECORD: record } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(says);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(startedConfigs(record)).toEqual([]);
  });
});
