// Memory: 2000 configs whose children each print 2 MB on stdout, default -j; the peak resident
// set of the camcops-meta process itself. Baseline: `check` over the same configs (loading only).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildDbUrl } from "./lib/config-text.js";
import { makeRow } from "./lib/make-row.js";
import { app, WORKERS_DIR } from "./lib/paths.js";
import { runCamcopsMeta } from "./lib/run-camcops-meta.js";
import { writeConfigs } from "./lib/write-configs.js";

export const name = "memory";
export const title = "Memory: configs whose children print 2 MB each, peak RSS of camcops-meta";

const BYTES = 2_000_000;
const LIMIT_MB = 150;

/** KiB (as /proc reports) to decimal megabytes, one decimal. */
function toMB(kib) {
  return Number(((kib * 1024) / 1e6).toFixed(1));
}

/** Runs camcops-meta once with ARGS; returns { ms, peakMB, polledMB, atExitMB }. */
async function measurePeak(args, { tmp, label, env }) {
  const peakFile = join(tmp, `${label}.peak`);
  const hook = pathToFileURL(join(WORKERS_DIR, "record-peak-rss.js")).href;
  const result = await runCamcopsMeta(args, {
    tmp,
    label,
    env: { ...env, BENCH_PEAK_RSS_FILE: peakFile },
    nodeArgs: ["--import", hook],
    pollRssMs: 100,
  });
  if (!existsSync(peakFile)) throw new Error(`${label}: the peak RSS hook wrote nothing`);
  const atExitKib = Number(readFileSync(peakFile, "utf8"));
  return {
    ms: Math.round(result.ms),
    peakMB: toMB(Math.max(atExitKib, result.peakRssKib ?? 0)),
    polledMB: result.peakRssKib === null ? null : toMB(result.peakRssKib),
    atExitMB: toMB(atExitKib),
  };
}

/** Runs the benchmark; returns its rows and the raw numbers. */
export async function run({ quick, log, tmp }) {
  const configs = quick ? 200 : 2000;
  const specs = Array.from({ length: configs }, (_, i) => {
    const site = `site${String(i + 1).padStart(4, "0")}`;
    return { site, dbUrl: buildDbUrl(site), recipients: 1, seed: i + 1 };
  });
  const dir = join(tmp, "configs");
  writeConfigs(dir, specs);
  // One run (it is long); the behaviour comes from the environment. The baseline is `check`
  // over the same files: loading every config and nothing else, i.e. the part of the peak that
  // does not come from running.
  const loud = await measurePeak(
    ["upgrade_db", "--filespecs", join(dir, "*.conf"), "--camcops", app.standIn],
    { tmp, label: "run", env: { FAKE_CAMCOPS: `bytes=${BYTES}` } },
  );
  log(`  ${configs} x ${BYTES} bytes: peak ${loud.peakMB} MB in ${(loud.ms / 1000).toFixed(1)} s`);
  const loadOnly = await measurePeak(["check", "--filespecs", join(dir, "*.conf")], {
    tmp,
    label: "check",
    env: {},
  });
  log(`  check (load only): peak ${loadOnly.peakMB} MB in ${(loadOnly.ms / 1000).toFixed(1)} s`);
  return {
    rows: [
      makeRow({
        benchmark: `memory (${configs} configs x 2 MB output, default -j)`,
        ours: loud.peakMB,
        baseline: loadOnly.peakMB,
        baselineName: "check, load only",
        unit: "MB",
        target: { text: `< ${LIMIT_MB} MB`, maxValue: LIMIT_MB },
      }),
    ],
    details: { configs, bytesPerChild: BYTES, run: loud, check: loadOnly },
  };
}
