// End to end: the built CLI against the stand-in camcops_server.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  EXAMPLE_CONFIGS_DIR,
  eventsOf,
  FAKE_CAMCOPS_PATH,
  makeTempDir,
  readRecord,
  removeTempDirs,
  runCli,
  writeConfig,
} from "../helpers/fake-camcops.js";
import { makeSites, summaryRow } from "../helpers/fault-run.js";
import type { ProcessOptions } from "../helpers/spawn-process.js";

afterAll(() => removeTempDirs());

/** Sites on databases of their own (see makeSites), and an empty folder for the stand-in's record. */
function makeRecordedSites(behaviours: Record<string, string | undefined>) {
  return { dir: makeSites(behaviours), record: makeTempDir() };
}

/** `camcops-meta upgrade_db -f DIR/*.conf --camcops <stand-in> ARGS`. */
function runUpgrade(dir: string, args: string[] = [], options: ProcessOptions = {}) {
  return runCli(
    ["upgrade_db", "-f", `${dir}/*.conf`, "--camcops", FAKE_CAMCOPS_PATH, ...args],
    options,
  );
}

const starts = (record: string) => eventsOf(readRecord(record), "start");

describe("camcops-meta run (end to end)", () => {
  it("every compatible invocation runs the stand-in on each matching config with the right argv", async () => {
    const dir = makeSites({ camcops_a: undefined, camcops_b: undefined });
    const a = path.join(dir, "camcops_a.conf");
    const b = path.join(dir, "camcops_b.conf");
    const invocations: Array<{ args: string[]; tail: string[] }> = [
      { args: ["--filespecs", `${dir}/*.conf`, "upgrade_db"], tail: [] },
      { args: ["upgrade_db", "--filespecs", a, b, "--ccargs", "verbose"], tail: ["--verbose"] },
      {
        args: ["--filespecs", `${dir}/camcops_*.conf`, "--ccargs", "show_sql_only", "upgrade_db"],
        tail: ["--show_sql_only"],
      },
      {
        args: ["upgrade_db", "-f", `${dir}/*.conf`, "--", "--show_sql_only"],
        tail: ["--show_sql_only"],
      },
    ];
    for (const [index, { args, tail }] of invocations.entries()) {
      const recordDir = makeTempDir();
      const result = await runCli(["--camcops", FAKE_CAMCOPS_PATH, ...args], {
        env: { FAKE_CAMCOPS_RECORD: recordDir },
      });
      expect(result.code, `invocation ${index}: ${result.stderr}`).toBe(0);
      const argvs = starts(recordDir)
        .map((event) =>
          event.event === "start" ? { argv: event.argv, env: event.env_config } : null,
        )
        .sort((x, y) => String(x?.env).localeCompare(String(y?.env)));
      expect(argvs).toEqual([
        { argv: ["upgrade_db", "--config", a, ...tail], env: a },
        { argv: ["upgrade_db", "--config", b, ...tail], env: b },
      ]);
    }
  });

  it("the drop-in name camcops_server_meta behaves the same", async () => {
    const { dir, record } = makeRecordedSites({ one: undefined });
    const bin = path.resolve("bin/camcops_server_meta.js");
    const { startProcess } = await import("../helpers/spawn-process.js");
    const result = await startProcess(
      process.execPath,
      [bin, "--filespecs", `${dir}/*.conf`, "--camcops", FAKE_CAMCOPS_PATH, "upgrade_db"],
      {
        env: { FAKE_CAMCOPS_RECORD: record },
      },
    ).result;
    expect(result.code, result.stderr).toBe(0);
    expect(starts(record)).toHaveLength(1);
  });

  it("all succeed: exit 0, a summary naming each site", async () => {
    const { dir } = makeRecordedSites({ alpha: undefined, beta: undefined, gamma: undefined });
    const result = await runUpgrade(dir);
    expect(result.code, result.stderr).toBe(0);
    for (const site of ["alpha", "beta", "gamma"])
      expect(result.stdout).toMatch(new RegExp(`${site}\\s.*ok`));
    expect(result.stdout).toMatch(/3 configs?: 3 ok/);
  });

  it("one fails: exit 1, the others still ran, its output is shown", async () => {
    const { dir, record } = makeRecordedSites({ a: undefined, b: "exit=3 lines=3", c: undefined });
    const result = await runUpgrade(dir, [], { env: { FAKE_CAMCOPS_RECORD: record } });
    expect(result.code).toBe(1);
    expect(starts(record)).toHaveLength(3);
    expect(summaryRow(result.stdout, "b")).toMatchObject({ result: "failed", exit: "3" });
    expect(summaryRow(result.stdout, "a")).toMatchObject({ result: "ok", exit: "0" });
    // The stand-in's own last log line appears in the failure's tail.
    expect(result.stdout).toMatch(/\| .*CRITICAL: Command upgrade_db failed/);
  });

  it("nothing matched: exit 2 with one clear message; --allow-empty: exit 0", async () => {
    const dir = makeTempDir();
    const result = await runUpgrade(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no config file matched/);
    const allowed = await runUpgrade(dir, ["--allow-empty"]);
    expect(allowed.code).toBe(0);
  });

  it("missing executable: exit 2 before anything runs", async () => {
    const { dir } = makeRecordedSites({ a: undefined });
    const missing = await runCli([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--camcops",
      "/nonexistent/camcops_server",
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot run "\/nonexistent\/camcops_server": no such file/);
    const notOnPath = await runCli(["upgrade_db", "-f", `${dir}/*.conf`], {
      env: { PATH: makeTempDir() },
    });
    expect(notOnPath.code).toBe(2);
    expect(notOnPath.stderr).toMatch(/camcops_server.*not found on PATH/);
    const notExecutable = await runCli([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--camcops",
      path.join(dir, "a.conf"),
    ]);
    expect(notExecutable.code).toBe(2);
    expect(notExecutable.stderr).toMatch(/not executable/);
  });

  it("a usage error is exit 2 with one message naming the flag", async () => {
    const result = await runCli(["upgrade_db", "-f", "x.conf", "--jobs", "lots"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/--jobs "lots"/);
  });

  it("-j 4 really runs four at once (recorded start and end times overlap)", async () => {
    const { dir, record } = makeRecordedSites(
      Object.fromEntries(["a", "b", "c", "d"].map((site) => [site, "sleep=1"])),
    );
    const result = await runUpgrade(dir, ["-j", "4"], { env: { FAKE_CAMCOPS_RECORD: record } });
    expect(result.code, result.stderr).toBe(0);
    const events = readRecord(record);
    const lastStart = Math.max(
      ...events.filter((event) => event.event === "start").map((event) => event.t),
    );
    const firstEnd = Math.min(
      ...events.filter((event) => event.event === "end").map((event) => event.t),
    );
    // All four had started before any of them ended.
    expect(lastStart).toBeLessThan(firstEnd);
  });

  it("-j 1 runs one at a time, in sorted order", async () => {
    const { dir, record } = makeRecordedSites({
      c: undefined,
      a: undefined,
      d: undefined,
      b: undefined,
    });
    const result = await runUpgrade(dir, ["-j", "1"], { env: { FAKE_CAMCOPS_RECORD: record } });
    expect(result.code, result.stderr).toBe(0);
    const events = readRecord(record).filter(
      (event) => event.event === "start" || event.event === "end",
    );
    expect(events.map((event) => `${event.event}:${path.basename(event.config)}`)).toEqual(
      ["a", "b", "c", "d"].flatMap((site) => [`start:${site}.conf`, `end:${site}.conf`]),
    );
  });

  it("a dry run prints every command, pasteable, and runs nothing", async () => {
    const { dir, record } = makeRecordedSites({ "site one": undefined, two: undefined });
    const result = await runUpgrade(dir, ["-d", "--ccargs", "verbose"], {
      env: { FAKE_CAMCOPS_RECORD: record },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(readRecord(record)).toEqual([]);
    const one = path.join(dir, "site one.conf");
    expect(result.stdout).toContain(
      `CAMCOPS_CONFIG_FILE='${one}' ${FAKE_CAMCOPS_PATH} upgrade_db --config '${one}' --verbose`,
    );
    expect(result.stdout).toContain(
      "mysql+mysqldb://camcops:***@db.example.org:3306/two?charset=utf8",
    );
    expect(result.stdout).not.toContain(":pw@");
  });

  it("output without a TTY has no escape codes, and -v prefixes each child line with its site", async () => {
    const { dir } = makeRecordedSites({ a: "lines=3", b: "lines=2" });
    const result = await runUpgrade(dir, ["-v"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr + result.stdout).not.toMatch(/\u001b\[/);
    const childLines = result.stderr.split("\n").filter((line) => / a [|!] /.test(line));
    expect(childLines.length).toBeGreaterThanOrEqual(3);
  });

  it("an invalid config is reported with file:line and not run; the others run", async () => {
    const { dir, record } = makeRecordedSites({ good: undefined });
    writeConfig(dir, "bad", { format: "current", dbUrl: null });
    const result = await runUpgrade(dir, [], { env: { FAKE_CAMCOPS_RECORD: record } });
    expect(result.code).toBe(1);
    expect(starts(record).map((event) => path.basename(event.config))).toEqual(["good.conf"]);
    expect(result.stdout).toMatch(/bad\s.*invalid/);
    expect(result.stdout + result.stderr).toContain(`${path.join(dir, "bad.conf")}:`);
  });

  it("--log-dir keeps each site's full output", async () => {
    const { dir } = makeRecordedSites({ a: "lines=5" });
    const logs = makeTempDir();
    const result = await runUpgrade(dir, ["--log-dir", logs]);
    expect(result.code, result.stderr).toBe(0);
    const log = readFileSync(path.join(logs, "a.log"), "utf8");
    expect(log.split("\n").filter((line) => line.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it("a --report that cannot be written stops the run before anything starts", async () => {
    const { dir, record } = makeRecordedSites({ a: undefined });
    const result = await runUpgrade(dir, ["--report", path.join(dir, "no-such-folder", "r.json")], {
      env: { FAKE_CAMCOPS_RECORD: record },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--report .*r\.json: cannot write in/);
    expect(readRecord(record)).toEqual([]);
  });

  it("--rerun-failed takes the report's paths literally, even with glob characters in them", async () => {
    const { dir, record } = makeRecordedSites({ "site(1)": "exit=3", "site[2]": undefined });
    const report = path.join(dir, "r.json");
    const first = await runUpgrade(dir, ["--report", report]);
    expect(first.code).toBe(1);
    const rerun = await runCli(
      ["upgrade_db", "--rerun-failed", report, "--camcops", FAKE_CAMCOPS_PATH],
      { env: { FAKE_CAMCOPS_RECORD: record } },
    );
    expect(rerun.code).toBe(1);
    expect(starts(record).map((event) => path.basename(event.config))).toEqual(["site(1).conf"]);
  });

  it("a --log-dir that cannot be created stops the run before anything starts, without hanging", async () => {
    const { dir, record } = makeRecordedSites({ a: undefined });
    for (const logDir of [path.join(dir, "a.conf", "logs"), "/proc/camcops-meta-test/logs"]) {
      const result = await runUpgrade(dir, ["--log-dir", logDir], {
        env: { FAKE_CAMCOPS_RECORD: record },
        timeoutMs: 20_000,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--log-dir ${logDir}: cannot create it:`);
    }
    expect(readRecord(record)).toEqual([]);
  });

  it("npm run demo's command runs over the shipped examples and exits 0", async () => {
    const result = await runCli([
      "upgrade_db",
      "--filespecs",
      `${EXAMPLE_CONFIGS_DIR}/*.conf`,
      "--camcops",
      FAKE_CAMCOPS_PATH,
    ]);
    expect(result.code, result.stderr).toBe(0);
  });
});
