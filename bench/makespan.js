// Makespan: 64 configs of skewed, sleep-based durations (two same-database chains), -j 8.
// A first run writes --report; then, interleaved, runs with --history that report (measured)
// and runs without it (sorted order, for contrast). Wall time is compared with the lower bound
// max(longest same-database chain, total work / 8), work = configured sleep + per-child cost.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildDbUrl } from "./lib/config-text.js";
import { runInterleaved } from "./lib/interleave.js";
import { makeRow } from "./lib/make-row.js";
import { app } from "./lib/paths.js";
import { createRandom } from "./lib/random.js";
import { runCamcopsMeta } from "./lib/run-camcops-meta.js";
import { median, sum, summarize } from "./lib/stats.js";
import { writeConfigs } from "./lib/write-configs.js";

export const name = "makespan";
export const title = "Makespan: 64 skewed configs, -j 8, --history vs lower bound";

const JOBS = 8;

/** The configured work, in seconds: { sleep, chain } per config (chain: a shared database name or null). */
export function buildWorkload() {
  const work = [];
  for (const sleep of [3.2, 2.8, 2.4, 2.0, 1.8, 1.6]) work.push({ sleep, chain: null });
  for (let i = 0; i < 4; i += 1) work.push({ sleep: 0.9, chain: "shared_a" });
  for (const sleep of [1.0, 0.8, 0.6]) work.push({ sleep, chain: "shared_b" });
  for (let i = 0; i < 11; i += 1)
    work.push({ sleep: Number((1.0 - i * 0.05).toFixed(2)), chain: null });
  for (let i = 0; i < 40; i += 1)
    work.push({ sleep: Number((0.05 + (i * 0.35) / 39).toFixed(3)), chain: null });
  return work;
}

/** Gives the workload site names in a seeded random order, so sorted order is not by duration. */
function assignSites(work) {
  const random = createRandom(64);
  const numbers = work.map((_, i) => i + 1);
  for (let i = numbers.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
  }
  return work.map((item, i) => {
    const site = `site${String(numbers[i]).padStart(2, "0")}`;
    const database = item.chain ?? `camcops_${site}`;
    return {
      ...item,
      site,
      spec: {
        site,
        dbUrl: buildDbUrl(database, item.chain ? "db-shared.example.org" : "db.example.org"),
        behaviour: `sleep=${item.sleep}`,
        recipients: 1,
        seed: numbers[i],
      },
    };
  });
}

/** max(longest chain, total / jobs) over items { ms, group } (a lone config is its own chain). */
export function computeLowerBound(items, jobs) {
  const chains = new Map();
  for (const [i, item] of items.entries()) {
    const key = item.group ?? `lone:${i}`;
    chains.set(key, (chains.get(key) ?? 0) + item.ms);
  }
  const total = sum(items.map((item) => item.ms));
  const longestChain = Math.max(...chains.values());
  return {
    totalMs: total,
    longestChainMs: longestChain,
    boundMs: Math.max(longestChain, total / jobs),
  };
}

/** Median wall time (ms) of the stand-in run directly on a sleep=0 config: the per-child cost. */
function measureChildCost(config, reps) {
  const times = [];
  for (let i = 0; i < reps; i += 1) {
    const started = performance.now();
    const result = spawnSync(app.standIn, ["upgrade_db", "--config", config], { stdio: "ignore" });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`the stand-in failed on ${config}`);
  }
  return median(times);
}

/** Lower bound from a report's recorded durations (each config's group is its database identity). */
function boundFromReport(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const items = report.configs.map((config) => ({
    ms: config.durationMs,
    group: config.database?.identity ?? null,
  }));
  // How well the slots were used: the first child's start after the run began, and the mean
  // number of children running between the first start and the last end.
  const runStart = Date.parse(report.run.startedAt);
  const spans = report.configs.flatMap((config) =>
    config.attempts.map((a) => [
      Date.parse(a.startedAt) - runStart,
      Date.parse(a.endedAt) - runStart,
    ]),
  );
  const firstStart = Math.min(...spans.map(([start]) => start));
  const lastEnd = Math.max(...spans.map(([, end]) => end));
  const busy = sum(spans.map(([start, end]) => end - start));
  return {
    ...computeLowerBound(items, JOBS),
    runMs: report.run.durationMs,
    firstChildStartMs: firstStart,
    meanBusySlots: Number((busy / (lastEnd - firstStart)).toFixed(2)),
  };
}

/** Runs the benchmark; returns its rows and the raw samples. */
export async function run({ quick, log, tmp }) {
  const reps = quick ? 2 : 4;
  const sites = assignSites(buildWorkload());
  const dir = join(tmp, "configs");
  writeConfigs(
    dir,
    sites.map((s) => s.spec),
  );
  const [zeroConfig] = writeConfigs(join(tmp, "zero"), [
    { site: "zero", dbUrl: buildDbUrl("zero"), behaviour: "sleep=0", recipients: 1 },
  ]);
  const childMs = measureChildCost(zeroConfig, quick ? 5 : 15);
  const configured = computeLowerBound(
    sites.map((s) => ({ ms: s.sleep * 1000 + childMs, group: s.chain })),
    JOBS,
  );
  log(
    `  configured sleep ${(sum(sites.map((s) => s.sleep))).toFixed(2)} s + per-child ` +
      `${childMs.toFixed(0)} ms x ${sites.length}; bound ${(configured.boundMs / 1000).toFixed(2)} s`,
  );
  const base = [
    "upgrade_db",
    "--filespecs",
    join(dir, "*.conf"),
    "--camcops",
    app.standIn,
    "-j",
    String(JOBS),
  ];
  const recordFile = join(tmp, "record.json");
  const record = await runCamcopsMeta([...base, "--report", recordFile], { tmp, label: "record" });
  log(`  recording run (no history): ${(record.ms / 1000).toFixed(2)} s`);

  const reports = { history: [], sorted: [] };
  const contender = (key, extra) => ({
    name: key,
    measure: async (round) => {
      const report = join(tmp, `${key}-${round}.json`);
      reports[key].push(report);
      const result = await runCamcopsMeta([...base, ...extra, "--report", report], {
        tmp,
        label: `${key}-${round}`,
      });
      return result.ms;
    },
  });
  const samples = await runInterleaved(
    [contender("history", ["--history", recordFile]), contender("sorted", [])],
    reps,
    log,
  );
  const history = summarize(samples.history, 0);
  const sorted = summarize(samples.sorted, 0);
  const recorded = reports.history.map(boundFromReport);
  const recordedBound = median(recorded.map((r) => r.boundMs));
  const inProcess = median(recorded.map((r) => r.runMs));
  const notes =
    `bound from configured sleeps + ${childMs.toFixed(0)} ms per child; from the --history ` +
    `runs' own recorded durations it is ${(recordedBound / 1000).toFixed(2)} s ` +
    `(wall/that = ${(history.median / recordedBound).toFixed(3)}); run time inside camcops-meta ` +
    `${(inProcess / 1000).toFixed(2)} s, first child after ` +
    `${median(recorded.map((r) => r.firstChildStartMs)).toFixed(0)} ms, mean busy slots ` +
    `${median(recorded.map((r) => r.meanBusySlots)).toFixed(2)} of ${JOBS}`;
  log(`  ${notes}`);
  return {
    rows: [
      makeRow({
        benchmark: "makespan --history (64 configs, -j 8)",
        ours: history.median,
        baseline: Number(configured.boundMs.toFixed(0)),
        baselineName: "lower bound",
        unit: "ms",
        target: { text: "<= 1.05x", maxRatio: 1.05 },
        notes,
      }),
      makeRow({
        benchmark: "makespan, sorted order (no --history)",
        ours: sorted.median,
        baseline: Number(configured.boundMs.toFixed(0)),
        baselineName: "lower bound",
        unit: "ms",
        target: { text: "(contrast)" },
      }),
    ],
    details: {
      reps,
      jobs: JOBS,
      configs: sites.length,
      sleepS: Number(sum(sites.map((s) => s.sleep)).toFixed(3)),
      perChildMs: Number(childMs.toFixed(1)),
      configuredBound: configured,
      recordingRunMs: Number(record.ms.toFixed(0)),
      history,
      sorted,
      recordedBounds: recorded,
    },
  };
}
