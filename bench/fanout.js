// Fan-out overhead: 1000 configs and a no-op camcops_server at -j 8, against xargs -P 8 and
// GNU parallel -j 8 running the same argv lines (`<noop> upgrade_db --config <path>`).
import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildDbUrl } from "./lib/config-text.js";
import { runInterleaved } from "./lib/interleave.js";
import { makeRow } from "./lib/make-row.js";
import { runCamcopsMeta } from "./lib/run-camcops-meta.js";
import { summarize } from "./lib/stats.js";
import { assertSucceeded, timeProcess } from "./lib/time-process.js";
import { writeConfigs } from "./lib/write-configs.js";

export const name = "fanout";
export const title = "Fan-out: 1000 configs, no-op executable, -j 8, vs xargs and GNU parallel";

const CONFIGS = 1000;
const JOBS = 8;

/** True when GNU parallel is on PATH. */
function hasGnuParallel() {
  try {
    return execFileSync("parallel", ["--version"], { encoding: "utf8" }).startsWith("GNU parallel");
  } catch {
    return false;
  }
}

/** Runs the benchmark; returns its rows and the raw samples. */
export async function run({ quick, log, tmp }) {
  const reps = quick ? 2 : 5;
  const specs = Array.from({ length: CONFIGS }, (_, i) => {
    const site = `site${String(i + 1).padStart(4, "0")}`;
    return { site, dbUrl: buildDbUrl(site), recipients: 1, seed: i + 1 };
  });
  const dir = join(tmp, "configs");
  const files = writeConfigs(dir, specs);
  const noop = join(tmp, "noop");
  writeFileSync(noop, "#!/bin/sh\nexit 0\n");
  chmodSync(noop, 0o755);
  const argsFile = join(tmp, "xargs-lines.txt");
  writeFileSync(argsFile, files.map((file) => `upgrade_db --config ${file}\n`).join(""));
  const pathsFile = join(tmp, "paths.txt");
  writeFileSync(pathsFile, files.map((file) => `${file}\n`).join(""));

  const timed =
    (label, file, args, stdinFile = null) =>
    async () => {
      const result = await timeProcess(file, args, {
        stdinFile,
        stderrFile: join(tmp, `${label}.stderr`),
      });
      assertSucceeded(result, label);
      return result.ms;
    };
  const contenders = [
    {
      name: "ours",
      measure: async () =>
        (
          await runCamcopsMeta(
            [
              "upgrade_db",
              "--filespecs",
              join(dir, "*.conf"),
              "--camcops",
              noop,
              "-j",
              String(JOBS),
            ],
            { tmp, label: "ours" },
          )
        ).ms,
    },
    // Each input line is one command's arguments; -L 1 gives one line per run of the no-op.
    {
      name: "xargs",
      measure: timed("xargs", "xargs", ["-P", String(JOBS), "-L", "1", noop], argsFile),
    },
  ];
  const parallel = hasGnuParallel();
  if (parallel) {
    contenders.push({
      name: "parallel",
      measure: timed("parallel", "parallel", [
        "--will-cite",
        "-j",
        String(JOBS),
        noop,
        "upgrade_db",
        "--config",
        "{}",
        "::::",
        pathsFile,
      ]),
    });
  } else {
    log("  GNU parallel is missing (Debian package `parallel`): that comparison is skipped");
  }
  const samples = await runInterleaved(contenders, reps, log);
  const ours = summarize(samples.ours, 0);
  const xargs = summarize(samples.xargs, 0);
  const rows = [
    makeRow({
      benchmark: `fan-out vs xargs (${CONFIGS} configs, -j ${JOBS})`,
      ours: ours.median,
      baseline: xargs.median,
      baselineName: `xargs -P ${JOBS}`,
      unit: "ms",
      target: { text: "<= 2x", maxRatio: 2 },
    }),
  ];
  const details = { reps, configs: CONFIGS, jobs: JOBS, ours, xargs, parallel: null };
  if (parallel) {
    details.parallel = summarize(samples.parallel, 0);
    rows.push(
      makeRow({
        benchmark: `fan-out vs GNU parallel (${CONFIGS} configs, -j ${JOBS})`,
        ours: ours.median,
        baseline: details.parallel.median,
        baselineName: `parallel -j ${JOBS}`,
        unit: "ms",
        target: { text: "<= 0.5x (2x faster)", maxRatio: 0.5 },
      }),
    );
  } else {
    rows.push({
      benchmark: `fan-out vs GNU parallel (${CONFIGS} configs, -j ${JOBS})`,
      ours: ours.median,
      baseline: null,
      baselineName: null,
      unit: "ms",
      ratio: null,
      target: { text: "skipped: GNU parallel missing" },
      met: null,
      notes: "GNU parallel is not installed (Debian package `parallel`)",
    });
  }
  return { rows, details };
}
