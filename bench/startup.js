// Start-up: `camcops-meta --version` against `node -e 0`, many spawnSync runs each, interleaved.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { runInterleaved } from "./lib/interleave.js";
import { makeRow } from "./lib/make-row.js";
import { app } from "./lib/paths.js";
import { summarize } from "./lib/stats.js";

export const name = "startup";
export const title = "Start-up: camcops-meta --version vs node -e 0";

/** Wall time of one synchronous run in ms; throws when it fails. */
function timeOnce(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: "ignore" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}`);
  return ms;
}

/** Runs the benchmark; returns its rows and the raw samples. */
export async function run({ quick, log }) {
  const reps = quick ? 10 : 40;
  // One untimed run of each, so the page cache holds every file both need.
  timeOnce([app.bin, "--version"]);
  timeOnce(["-e", "0"]);
  const samples = await runInterleaved(
    [
      { name: "ours", measure: async () => timeOnce([app.bin, "--version"]) },
      { name: "node", measure: async () => timeOnce(["-e", "0"]) },
    ],
    reps,
    quick ? log : () => {},
  );
  const ours = summarize(samples.ours);
  const node = summarize(samples.node);
  log(`  ours median ${ours.median} ms, node -e 0 median ${node.median} ms (${reps} runs each)`);
  return {
    rows: [
      makeRow({
        benchmark: "start-up (--version)",
        ours: ours.median,
        baseline: node.median,
        baselineName: "node -e 0",
        unit: "ms",
        target: { text: "<= 1.5x", maxRatio: 1.5 },
      }),
    ],
    details: { reps, ours, node },
  };
}
