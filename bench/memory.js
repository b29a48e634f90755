// Memory: 2000 configs whose children each print 2 MB on stdout, default -j; the peak resident
// set of the camcops-meta process itself. Baseline: the same configs with silent children.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildDbUrl } from "./lib/config-text.js";
import { makeRow } from "./lib/make-row.js";
import { STAND_IN, WORKERS_DIR } from "./lib/paths.js";
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

/** Runs camcops-meta over the configs once; returns { ms, peakMB, polledMB }. */
async function measurePeak(dir, tmp, label, env) {
  const peakFile = join(tmp, `${label}.peak`);
  const hook = pathToFileURL(join(WORKERS_DIR, "record-peak-rss.js")).href;
  const result = await runCamcopsMeta(
    ["upgrade_db", "--filespecs", join(dir, "*.conf"), "--camcops", STAND_IN],
    {
      tmp,
      label,
      env: { ...env, BENCH_PEAK_RSS_FILE: peakFile },
      nodeArgs: ["--import", hook],
      pollRssMs: 100,
    },
  );
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
  // One run each (they are long); the behaviour comes from the environment, so both runs read
  // exactly the same config files.
  const loud = await measurePeak(dir, tmp, "loud", { FAKE_CAMCOPS: `bytes=${BYTES}` });
  log(`  ${configs} x ${BYTES} bytes: peak ${loud.peakMB} MB in ${(loud.ms / 1000).toFixed(1)} s`);
  const silent = await measurePeak(dir, tmp, "silent", {});
  log(`  ${configs} silent: peak ${silent.peakMB} MB in ${(silent.ms / 1000).toFixed(1)} s`);
  return {
    rows: [
      makeRow({
        benchmark: `memory (${configs} configs x 2 MB output, default -j)`,
        ours: loud.peakMB,
        baseline: silent.peakMB,
        baselineName: "silent children",
        unit: "MB",
        target: { text: `< ${LIMIT_MB} MB`, maxValue: LIMIT_MB },
      }),
    ],
    details: { configs, bytesPerChild: BYTES, loud, silent },
  };
}
