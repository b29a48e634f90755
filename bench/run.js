// `npm run bench [-- NAME...] [--quick] [--json] [--keep]`: runs the benchmarks, prints a table,
// writes bench/results/latest.json. Plain Node ESM, no build step (it times the built dist/).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import * as fanout from "./fanout.js";
import { copyApp } from "./lib/copy-app.js";
import { formatTable } from "./lib/format-table.js";
import { describeMachine } from "./lib/machine.js";
import { RESULTS_DIR, useApp } from "./lib/paths.js";
import * as makespan from "./makespan.js";
import * as memory from "./memory.js";
import * as parser from "./parser.js";
import * as startup from "./startup.js";

const BENCHMARKS = [makespan, fanout, parser, startup, memory];

const USAGE = `usage: node bench/run.js [NAME...] [--quick] [--json] [--keep]
  NAME     one or more of: ${BENCHMARKS.map((b) => b.name).join(", ")} (default: all)
  --quick  fewer repetitions (and 200 configs instead of 2000 for memory)
  --json   print the results as JSON on stdout (the table and progress go to stderr)
  --keep   keep the generated configs and reports in the temp directory`;

/** Reads the bench's own argv: benchmark names and flags. */
function parseArgs(argv) {
  const options = { names: [], quick: false, json: false, keep: false, help: false };
  for (const arg of argv) {
    if (arg === "--quick") options.quick = true;
    else if (arg === "--json") options.json = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "-h" || arg === "--help") options.help = true;
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else options.names.push(arg);
  }
  const known = new Set(BENCHMARKS.map((b) => b.name));
  const unknown = options.names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}`);
  return options;
}

/** Runs the chosen benchmarks one after another; returns the whole result object. */
async function runAll(options, log) {
  const chosen =
    options.names.length > 0
      ? BENCHMARKS.filter((b) => options.names.includes(b.name))
      : BENCHMARKS;
  const tmpRoot = mkdtempSync(join(os.tmpdir(), "camcops-meta-bench-"));
  useApp(copyApp(join(tmpRoot, "app")));
  const startedAt = new Date();
  const results = { startedAt: startedAt.toISOString(), quick: options.quick };
  results.machine = describeMachine();
  results.loadAverageAtStart = os.loadavg().map((load) => Number(load.toFixed(2)));
  results.rows = [];
  results.details = {};
  results.errors = {};
  try {
    for (const benchmark of chosen) {
      log(`\n== ${benchmark.title}`);
      const started = Date.now();
      const loadBefore = os.loadavg()[0];
      const tmp = join(tmpRoot, benchmark.name);
      mkdirSync(tmp, { recursive: true });
      try {
        const outcome = await benchmark.run({ quick: options.quick, log, tmp });
        results.rows.push(...outcome.rows);
        results.details[benchmark.name] = {
          ...outcome.details,
          // Other work on the machine skews timings; the 1-minute load average shows how much.
          loadAverage: { before: loadBefore, after: os.loadavg()[0] },
        };
      } catch (error) {
        // One broken benchmark must not hide the others' numbers.
        results.errors[benchmark.name] = String(error?.stack ?? error);
        log(`  FAILED: ${error?.message ?? error}`);
      }
      log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    if (options.keep) log(`\nkept ${tmpRoot}`);
    else rmSync(tmpRoot, { recursive: true, force: true });
  }
  results.durationS = Number(((Date.now() - startedAt.getTime()) / 1000).toFixed(1));
  return results;
}

/** Entry point: the exit code is 0 when every benchmark ran (a missed target is reported, not fatal). */
async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = (line) => process.stderr.write(`${line}\n`);
  const results = await runAll(options, log);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  const table = formatTable(results.rows);
  const m = results.machine;
  const footer =
    `${m.cores} cores, ${m.cpuModel}; Node ${m.node}; ${m.python ?? "no python3"}; ` +
    `${m.parallel ?? "GNU parallel missing"}; load average at start ` +
    `${results.loadAverageAtStart.join(" ")}; ${results.durationS} s in all` +
    (options.quick ? " (--quick)" : "");
  const errors = Object.keys(results.errors);
  const summary = `\n${table}\n\n${footer}\n${errors.length > 0 ? `failed to run: ${errors.join(", ")}\n` : ""}`;
  if (options.json) {
    process.stderr.write(summary);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(summary);
  }
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
