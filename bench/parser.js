// Parser: 2000 generated ~20 KB configs read by our parser in one node process against CPython's
// configparser (as camcops_server opens and reads a config) in one python process. Both time
// only their loop (reading the files, parsing, reading every option), not interpreter start-up.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildDbUrl } from "./lib/config-text.js";
import { runInterleaved } from "./lib/interleave.js";
import { makeRow } from "./lib/make-row.js";
import { app, WORKERS_DIR } from "./lib/paths.js";
import { summarize } from "./lib/stats.js";
import { writeConfigs } from "./lib/write-configs.js";

export const name = "parser";
export const title = "Parser: 2000 configs, our parser vs CPython configparser";

const CONFIGS = 2000;

/** Runs one side's worker and returns its JSON line. */
function runWorker(command, args) {
  return JSON.parse(execFileSync(command, args, { encoding: "utf8", maxBuffer: 1 << 20 }));
}

/** Runs the benchmark; returns its rows and the raw samples. */
export async function run({ quick, log, tmp }) {
  const reps = quick ? 2 : 5;
  const specs = Array.from({ length: CONFIGS }, (_, i) => {
    const site = `site${String(i + 1).padStart(4, "0")}`;
    return { site, dbUrl: buildDbUrl(site), recipients: 3, seed: i + 1 };
  });
  const files = writeConfigs(join(tmp, "configs"), specs);
  const listFile = join(tmp, "files.txt");
  writeFileSync(listFile, `${files.join("\n")}\n`);
  const ours = () =>
    runWorker(process.execPath, [join(WORKERS_DIR, "parse-with-ours.js"), app.dist, listFile]);
  const python = () =>
    runWorker("python3", [join(WORKERS_DIR, "parse_with_configparser.py"), listFile]);

  // The files were just written, so the page cache holds them for both sides. Every run's
  // counts must match: both read the same options and the same values.
  const seen = [];
  const measure = (side, work) => async () => {
    const result = work();
    seen.push({ side, ...result });
    return result.ms;
  };
  const samples = await runInterleaved(
    [
      { name: "ours", measure: measure("ours", ours) },
      { name: "configparser", measure: measure("configparser", python) },
    ],
    reps,
    log,
  );
  const keys = ["files", "options", "errors", "chars"];
  const counts = Object.fromEntries(keys.map((key) => [key, seen[0][key]]));
  const odd = seen.find((result) => keys.some((key) => result[key] !== counts[key]));
  if (odd) {
    throw new Error(
      `the two sides read different things: ${JSON.stringify(counts)} vs ${JSON.stringify(odd)}`,
    );
  }
  log(`  both read, per run: ${JSON.stringify(counts)}`);
  const oursSummary = summarize(samples.ours);
  const pythonSummary = summarize(samples.configparser);
  return {
    rows: [
      makeRow({
        benchmark: `parser (${CONFIGS} configs, ~20 KB each)`,
        ours: oursSummary.median,
        baseline: pythonSummary.median,
        baselineName: "configparser",
        unit: "ms",
        target: { text: "<= 0.33x (3x faster)", maxRatio: 1 / 3 },
      }),
    ],
    details: {
      reps,
      configs: CONFIGS,
      read: counts,
      ours: oursSummary,
      configparser: pythonSummary,
    },
  };
}
