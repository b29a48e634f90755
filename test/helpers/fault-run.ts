// Helpers for the fault-injection end-to-end tests: runs with a record and a report, summary parsing.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Report, ReportConfig } from "../../src/report/report-schema.js";
import { FAKE_CAMCOPS_PATH } from "./fake-camcops.js";
import { assertNoneAlive, killProcesses } from "./live-processes.js";
import { pidsFromRecord, type RecordEvent, readRecord } from "./record.js";
import { CLI_PATH, REPO_ROOT, runCli, startCli } from "./run-cli.js";
import {
  buildTestEnv,
  type ProcessHandle,
  type ProcessOptions,
  type ProcessResult,
} from "./spawn-process.js";
import { makeTempDir } from "./temp-dir.js";
import { writeConfig } from "./write-config.js";

/** A config on its own MySQL database (never reached: the stand-in only reads the file). */
export function mysqlConfig(database: string, fake?: string, password = "pw") {
  return {
    format: "current" as const,
    dbUrl: `mysql+mysqldb://camcops:${password}@db.example.org:3306/${database}?charset=utf8`,
    fake,
  };
}

/** Writes one config per entry (site name -> stand-in behaviour), each on its own database; returns the folder. */
export function makeSites(behaviours: Record<string, string | undefined>): string {
  const dir = makeTempDir();
  for (const [site, fake] of Object.entries(behaviours)) {
    writeConfig(dir, site, mysqlConfig(site.replace(/\W/g, "_"), fake));
  }
  return dir;
}

/** Everything a finished run left: its output, the report (null when none was written), the record. */
export interface MetaRun {
  result: ProcessResult;
  report: Report | null;
  events: RecordEvent[];
  record: string;
  reportFile: string;
}

export interface MetaOptions extends ProcessOptions {
  /** Record folder for the stand-in; a fresh one by default. */
  record?: string;
  /** Leave out `--report FILE` (e.g. for runs expected to stop before running). */
  noReport?: boolean;
}

/** Adds `--camcops <stand-in>` (unless given) and `--report FILE` to args; returns them with the record folder. */
function prepare(
  args: readonly string[],
  options: MetaOptions,
): { argv: string[]; record: string; reportFile: string; processOptions: ProcessOptions } {
  const record = options.record ?? makeTempDir();
  const reportFile = path.join(makeTempDir(), "report.json");
  const ours: string[] = [];
  if (!args.includes("--camcops")) ours.push("--camcops", FAKE_CAMCOPS_PATH);
  if (!options.noReport) ours.push("--report", reportFile);
  // `--` must stay last: our options go before it.
  const dashes = args.indexOf("--");
  const argv =
    dashes < 0 ? [...args, ...ours] : [...args.slice(0, dashes), ...ours, ...args.slice(dashes)];
  const { record: _record, noReport: _noReport, ...rest } = options;
  const processOptions = { ...rest, env: { FAKE_CAMCOPS_RECORD: record, ...options.env } };
  return { argv, record, reportFile, processOptions };
}

/** Reads a report file written by --report, or null when there is none. */
export function readReportFile(file: string): Report | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Report) : null;
}

/** Runs the built CLI against the stand-in with a record and a report file. */
export async function runMeta(
  args: readonly string[],
  options: MetaOptions = {},
): Promise<MetaRun> {
  const { argv, record, reportFile, processOptions } = prepare(args, options);
  const result = await runCli(argv, processOptions);
  return {
    result,
    report: readReportFile(reportFile),
    events: readRecord(record),
    record,
    reportFile,
  };
}

/** A started run, for tests that signal camcops-meta while it works. */
export interface StartedMeta {
  handle: ProcessHandle;
  record: string;
  reportFile: string;
}

/** Starts the built CLI against the stand-in, with a record and a report file. */
export function startMeta(args: readonly string[], options: MetaOptions = {}): StartedMeta {
  const { argv, record, reportFile, processOptions } = prepare(args, options);
  return { handle: startCli(argv, processOptions), record, reportFile };
}

/** The report entry of one site; throws when the report or the site is missing. */
export function configOf(report: Report | null, site: string): ReportConfig {
  if (report === null) throw new Error("no report was written");
  const found = report.configs.find((config) => config.site === site);
  if (!found)
    throw new Error(
      `no site ${site} in the report: ${report.configs.map((c) => c.site).join(", ")}`,
    );
  return found;
}

/** One row of the summary table. */
export interface SummaryRow {
  site: string;
  database: string;
  result: string;
  exit: string;
  duration: string;
}

/** Parses the summary table (header `site  database  result  exit  duration`, then one row per config). */
export function parseSummaryTable(text: string): Map<string, SummaryRow> {
  const lines = text.split("\n");
  const start = lines.findIndex((line) =>
    /^site\s{2,}database\s{2,}result\s{2,}exit\s{2,}duration$/.test(line),
  );
  if (start < 0) throw new Error(`no summary table in:\n${text.slice(-3000)}`);
  const rows = new Map<string, SummaryRow>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") break;
    const cells = line.split(/ {2,}/);
    if (cells.length !== 5) throw new Error(`unexpected summary row: ${JSON.stringify(line)}`);
    const [site, database, result, exit, duration] = cells as [
      string,
      string,
      string,
      string,
      string,
    ];
    rows.set(site, { site, database, result, exit, duration });
  }
  return rows;
}

/** The summary row of one site; throws when it is missing. */
export function summaryRow(text: string, site: string): SummaryRow {
  const row = parseSummaryTable(text).get(site);
  if (!row) throw new Error(`no summary row for ${site} in:\n${text.slice(-3000)}`);
  return row;
}

/** The totals line (`upgrade_db on 3 configs: 2 ok, 1 failed in 1.2s`). */
export function totalsLine(text: string, command = "upgrade_db"): string {
  const line = text.split("\n").find((l) => l.startsWith(`${command} on `));
  if (!line) throw new Error(`no totals line in:\n${text.slice(-3000)}`);
  return line;
}

/**
 * Asserts that the record names at least `atLeast` processes and that none of them is alive
 * (stand-in processes and their grandchildren).
 */
export async function assertRunLeftNothing(record: string, atLeast = 1): Promise<number[]> {
  const pids = pidsFromRecord(readRecord(record));
  if (pids.length < atLeast) {
    throw new Error(`the record names ${pids.length} processes, expected at least ${atLeast}`);
  }
  await assertNoneAlive(pids);
  return pids;
}

/** Peak resident memory (VmHWM) of a live process in bytes, from /proc; null when unreadable. */
export function readPeakRss(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs the CLI with a late reader on its stdout (like `| ssh` over a slow link): stdout is not read
 * until stderr satisfies `readAfter` (e.g. every config finished) and `lagMs` more have passed, or
 * the CLI has exited. Output must still arrive whole.
 */
export function runCliWithLateReader(
  args: readonly string[],
  options: {
    readAfter: (stderr: string) => boolean;
    lagMs?: number;
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
  },
): Promise<ProcessResult> {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: buildTestEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  let reading = false;
  const startReading = () => {
    if (reading) return;
    reading = true;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
  };
  let lagging = false;
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    if (!lagging && options.readAfter(stderr)) {
      lagging = true;
      setTimeout(startReading, options.lagMs ?? 500);
    }
  });
  child.on("exit", startReading);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killProcesses([-child.pid!]);
      reject(new Error(`camcops-meta ${args.join(" ")} did not finish in time`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
