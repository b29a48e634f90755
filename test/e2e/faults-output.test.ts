// Fault injection, end to end: huge output (bounded memory, full log) and secrets printed by a child.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, removeTempDirs, writeConfig } from "../helpers/fake-camcops.js";
import {
  assertRunLeftNothing,
  configOf,
  makeSites,
  mysqlConfig,
  parseSummaryTable,
  readPeakRss,
  readReportFile,
  runCliWithLateReader,
  runMeta,
  startMeta,
  summaryRow,
} from "../helpers/fault-run.js";

afterAll(() => removeTempDirs());

const MB = 1024 * 1024;

/** Runs to the end while sampling the CLI's peak resident memory; returns the run and the peak. */
async function runSampled(args: string[]) {
  const started = startMeta(args);
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, readPeakRss(started.handle.pid) ?? 0);
  }, 25);
  try {
    const result = await started.handle.result;
    return { ...started, result, peak, report: readReportFile(started.reportFile) };
  } finally {
    clearInterval(sampler);
  }
}

describe("huge output (end to end)", () => {
  it("a child printing 50 MB finishes, its tail is in the summary, the log holds it all, memory stays bounded", async () => {
    const dir = makeSites({ chatty: "bytes=50000000 exit=1" });
    const logs = makeTempDir();
    const baselineDir = makeSites({ chatty: "bytes=1000 exit=1" });
    const baseline = await runSampled([
      "upgrade_db",
      "-f",
      `${baselineDir}/*.conf`,
      "--log-dir",
      makeTempDir(),
    ]);
    expect(baseline.result.code, baseline.result.stderr).toBe(1);

    const run = await runSampled(["upgrade_db", "-f", `${dir}/*.conf`, "--log-dir", logs]);
    expect(run.result.code, run.result.stderr).toBe(1);
    expect(summaryRow(run.result.stdout, "chatty")).toMatchObject({ result: "failed", exit: "1" });
    // The failure's tail: the last lines of output, not all of it.
    expect(run.result.stdout).toMatch(/^ {2}\| .*Checking table row \d{8}: ok$/m);
    // (Not the final stderr line: two pipes, so it may arrive before the last stdout chunks are read.)
    expect(run.result.stdout.length).toBeLessThan(64 * 1024);
    const chatty = configOf(run.report, "chatty");
    expect(chatty.tail.length).toBeGreaterThan(0);
    expect(chatty.tail.length).toBeLessThanOrEqual(50);
    expect(chatty.logFile).toBe(path.join(logs, "chatty.log"));

    const logSize = statSync(path.join(logs, "chatty.log")).size;
    expect(logSize).toBeGreaterThanOrEqual(50_000_000);
    expect(logSize).toBeLessThan(50_000_000 + 64 * 1024);

    // Keeping the whole output in memory would add at least 50 MB over the small run.
    expect(baseline.peak).toBeGreaterThan(0);
    expect(
      run.peak - baseline.peak,
      `peak RSS ${run.peak / MB} MB vs ${baseline.peak / MB} MB`,
    ).toBeLessThan(30 * MB);
    await assertRunLeftNothing(run.record, 1);
  }, 120_000);
});

describe("secrets printed by a child (end to end)", () => {
  const PASSWORD = "Tr0ub4dor-horse-staple";
  // In DB_URL as `p%%40ss...` (%% for configparser), i.e. the URL-quoted form of "p@ss...".
  const ENCODED_WRITTEN = "p%%40ssW0rd-quoted";
  const ENCODED_PRINTED = "p%40ssW0rd-quoted";
  const ENCODED_DECODED = "p@ssW0rd-quoted";
  const forbidden = [PASSWORD, ENCODED_PRINTED, ENCODED_DECODED];

  /** Two sites whose stand-in prints its DB_URL line (one fails, so its tail is in the summary). */
  function makeSecretSites(): string {
    const dir = makeTempDir();
    writeConfig(dir, "leaky_ok", mysqlConfig("leaky_ok", "print-secret", PASSWORD));
    writeConfig(dir, "leaky_fails", mysqlConfig("leaky_fails", "print-secret exit=1", PASSWORD));
    writeConfig(
      dir,
      "leaky_quoted",
      mysqlConfig("leaky_quoted", "print-secret exit=1", ENCODED_WRITTEN),
    );
    return dir;
  }

  /** Fails naming where a secret leaked. */
  function expectNoSecret(where: string, text: string): void {
    for (const secret of forbidden)
      expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
  }

  it("never appears in stdout, stderr (-v), log files or the report; *** appears instead", async () => {
    const dir = makeSecretSites();
    const logs = makeTempDir();
    const { result, report, reportFile, record } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "-v",
      "--log-dir",
      logs,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expectNoSecret("stdout", result.stdout);
    expectNoSecret("stderr", result.stderr);
    expectNoSecret("report", readFileSync(reportFile, "utf8"));
    const logFiles = readdirSync(logs);
    expect(logFiles.sort()).toEqual(["leaky_fails.log", "leaky_ok.log", "leaky_quoted.log"]);
    for (const file of logFiles) {
      const text = readFileSync(path.join(logs, file), "utf8");
      expectNoSecret(file, text);
      // The line is there, with the password hidden.
      expect(text, file).toMatch(/^DB_URL = mysql\+mysqldb:\/\/camcops:\*\*\*@db\.example\.org/m);
    }
    // -v streams the child's lines, hidden too.
    expect(result.stderr).toMatch(/leaky_ok [|!] .*camcops:\*\*\*@db\.example\.org/);
    // The failure tails in the summary and in the report show the masked line.
    expect(result.stdout).toMatch(/^ {2}\| DB_URL = mysql\+mysqldb:\/\/camcops:\*\*\*@/m);
    expect(configOf(report, "leaky_fails").tail.join("\n")).toContain("camcops:***@db.example.org");
    expect(configOf(report, "leaky_quoted").tail.join("\n")).toContain(
      "camcops:***@db.example.org",
    );
    await assertRunLeftNothing(record, 3);
  });

  it("never appears in --json output either", async () => {
    const dir = makeSecretSites();
    const { result } = await runMeta(["upgrade_db", "-f", `${dir}/*.conf`, "--json"]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.configs).toHaveLength(3);
    expectNoSecret("stdout (--json)", result.stdout);
    expectNoSecret("stderr (--json)", result.stderr);
    expect(result.stdout).toContain("camcops:***@db.example.org");
  });
});

describe("a late reader on stdout (end to end)", () => {
  /** 100 failing configs whose camcops_server prints 20 long lines: about 1 MB of --json, 0.4 MB of summary. */
  function makeLoudSites(): { dir: string; loud: string } {
    const dir = makeTempDir();
    for (let index = 0; index < 100; index += 1) {
      writeConfig(dir, `site_${String(index).padStart(3, "0")}`, mysqlConfig(`db_${index}`));
    }
    const loud = path.join(makeTempDir(), "camcops_server");
    const line = `migration step $i: ${"x".repeat(400)}`;
    writeFileSync(
      loud,
      `#!/bin/sh\ni=0\nwhile [ $i -lt 20 ]; do echo "${line}"; i=$((i+1)); done\nexit 1\n`,
    );
    chmodSync(loud, 0o755);
    return { dir, loud };
  }

  // stdout is read only once every config has finished (100 plain progress lines on stderr), and a little later.
  const allFinished = (stderr: string) => (stderr.match(/ failed exit=1 /g) ?? []).length === 100;

  it("gets the whole --json report", async () => {
    const { dir, loud } = makeLoudSites();
    const args = ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "8", "--camcops", loud, "--json"];
    const result = await runCliWithLateReader(args, { readAfter: allFinished });
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(200_000);
    const report = JSON.parse(result.stdout);
    expect(report.configs).toHaveLength(100);
    expect(report.totals).toMatchObject({ total: 100, failed: 100 });
  });

  it("gets the whole summary, down to the totals line", async () => {
    const { dir, loud } = makeLoudSites();
    const args = ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "8", "--camcops", loud];
    const result = await runCliWithLateReader(args, { readAfter: allFinished });
    expect(result.code, result.stderr.slice(-2000)).toBe(1);
    expect(parseSummaryTable(result.stdout).size).toBe(100);
    expect(result.stdout).toMatch(/^upgrade_db on 100 configs: 100 failed in \S+\n$/m);
  });
});
