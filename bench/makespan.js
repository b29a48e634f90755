// Makespan: 64 configs of skewed, sleep-based durations (three same-database chains), -j 8, run
// with a POSIX sh stand-in that only sleeps (bench/workers/sleep-camcops.sh), so what is measured
// is camcops-meta's scheduling and its own costs, not the start-up of the children. Interleaved:
// runs in sorted order (no --history; the first one's --report records the durations) and runs
// with --history of that report (measured). Wall time is compared with the lower bound
// max(longest same-database chain, total work / 8), work = the configured sleeps.
import { chmodSync, copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDbUrl } from "./lib/config-text.js";
import { runInterleaved } from "./lib/interleave.js";
import { makeRow } from "./lib/make-row.js";
import { WORKERS_DIR } from "./lib/paths.js";
import { createRandom } from "./lib/random.js";
import { runCamcopsMeta } from "./lib/run-camcops-meta.js";
import { simulateSchedule } from "./lib/simulate-schedule.js";
import { median, sum, summarize } from "./lib/stats.js";
import { timeProcess } from "./lib/time-process.js";
import { writeConfigs } from "./lib/write-configs.js";

export const name = "makespan";
export const title =
  "Makespan: 64 skewed sleep configs (sh stand-in), -j 8, --history vs lower bound";

const JOBS = 8;
/** --quick scales every sleep by this: faster, but then fixed costs weigh 4x more (target not meaningful). */
const QUICK_SCALE = 0.25;

/**
 * The configured work, in seconds: { sleep, chain } per config (chain: a shared database name or
 * null). Six long ones, three same-database chains, twelve medium and thirty-six short ones:
 * 231.2 s in all, so the bound at -j 8 is 28.9 s (total work / 8; the longest chain is 24 s).
 */
export function buildWorkload() {
  const round = (seconds) => Number(seconds.toFixed(2));
  const work = [];
  for (const sleep of [22, 18, 16, 14, 12, 10]) work.push({ sleep, chain: null });
  for (let i = 0; i < 4; i += 1) work.push({ sleep: 6, chain: "shared_a" });
  for (const sleep of [8, 6, 4]) work.push({ sleep, chain: "shared_b" });
  for (let i = 0; i < 3; i += 1) work.push({ sleep: 3, chain: "shared_c" });
  for (let i = 0; i < 12; i += 1) work.push({ sleep: round(5 - i * 0.2), chain: null });
  for (let i = 0; i < 36; i += 1) work.push({ sleep: round(0.3 + (i * 1.7) / 35), chain: null });
  return work;
}

/** Gives the workload site names in a seeded random order, so sorted order is not by duration. */
function assignSites(work, scale) {
  const random = createRandom(64);
  const numbers = work.map((_, i) => i + 1);
  for (let i = numbers.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
  }
  const sites = work.map((item, i) => {
    const site = `site${String(numbers[i]).padStart(2, "0")}`;
    const database = item.chain ?? `camcops_${site}`;
    const sleep = Number((item.sleep * scale).toFixed(3));
    return {
      sleep,
      chain: item.chain,
      site,
      spec: {
        site,
        dbUrl: buildDbUrl(database, item.chain ? "db-shared.example.org" : "db.example.org"),
        behaviour: `sleep=${sleep}`,
        recipients: 1,
        seed: numbers[i],
      },
    };
  });
  // Sorted config order (camcops-meta's order without --history).
  return sites.sort((a, b) => a.site.localeCompare(b.site));
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

/** Median wall time (ms) of the stand-in run directly on a sleep=0 config: its own cost. */
async function measureStandInCost(standIn, config, reps) {
  const times = [];
  for (let i = 0; i < reps; i += 1) {
    const result = await timeProcess(standIn, ["upgrade_db", "--config", config]);
    if (result.code !== 0) throw new Error(`the stand-in failed on ${config}`);
    times.push(result.ms);
  }
  return median(times);
}

/** Median and maximum of a non-empty list, rounded to whole ms. */
function medianMax(values) {
  return { median: Math.round(median(values)), max: Math.round(Math.max(...values)) };
}

/**
 * Where the time of one run went, from its report and wall time: camcops-meta's time outside
 * its run (Node start-up, loading modules, summary, report), the first child's start, the span
 * of the children, what follows the last end, each child's overrun of its sleep, the gap between
 * a start and the latest end before it (how fast a freed slot is refilled), and the ideal
 * schedule of the run's own recorded durations under the same rule.
 */
function analyseRun(file, wallMs, sites, order) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const sleepBySite = new Map(sites.map((s) => [s.site, s.sleep * 1000]));
  const runStart = Date.parse(report.run.startedAt);
  const children = report.configs.map((config) => {
    const attempt = config.attempts.at(-1);
    return {
      site: config.site,
      ms: config.durationMs,
      group: config.database?.identity ?? null,
      start: Date.parse(attempt.startedAt) - runStart,
      end: Date.parse(attempt.endedAt) - runStart,
      overrun: config.durationMs - sleepBySite.get(config.site),
    };
  });
  const starts = children.map((c) => c.start).sort((a, b) => a - b);
  const ends = children.map((c) => c.end).sort((a, b) => a - b);
  const firstStart = starts[0];
  const lastEnd = ends.at(-1);
  // Starts after the first wave: time since the latest end before them (a lower bound of the
  // refill delay: a slot that freed earlier and found nothing startable is not counted).
  const refill = starts.slice(JOBS).map((start) => {
    const before = ends.filter((end) => end <= start);
    return before.length === 0 ? 0 : start - before.at(-1);
  });
  const ideal = simulateSchedule(children, JOBS, order).makespanMs;
  const busy = sum(children.map((c) => c.end - c.start));
  return {
    wallMs: Math.round(wallMs),
    runMs: report.run.durationMs,
    outsideRunMs: Math.round(wallMs - report.run.durationMs),
    firstChildStartMs: firstStart,
    childrenSpanMs: lastEnd - firstStart,
    afterLastEndMs: report.run.durationMs - lastEnd,
    idealOfRecordedMs: ideal,
    recordedBound: computeLowerBound(children, JOBS).boundMs,
    overrunMs: medianMax(children.map((c) => c.overrun)),
    refillGapMs: refill.length === 0 ? null : medianMax(refill),
    meanBusySlots: Number((busy / (lastEnd - firstStart)).toFixed(2)),
  };
}

/** The median of one field over several analyses. */
function medianOf(analyses, pick) {
  return median(analyses.map(pick));
}

/** Runs the benchmark; returns its rows and the raw samples. */
export async function run({ quick, log, tmp }) {
  const reps = quick ? 2 : 3;
  const scale = quick ? QUICK_SCALE : 1;
  const sites = assignSites(buildWorkload(), scale);
  const dir = join(tmp, "configs");
  writeConfigs(
    dir,
    sites.map((s) => s.spec),
  );
  // A copy, like the app's: an edit of the script during the run cannot change what is measured.
  const standIn = join(tmp, "sleep-camcops.sh");
  copyFileSync(join(WORKERS_DIR, "sleep-camcops.sh"), standIn);
  chmodSync(standIn, 0o755);
  const [zeroConfig] = writeConfigs(join(tmp, "zero"), [
    { site: "zero", dbUrl: buildDbUrl("zero"), behaviour: "sleep=0", recipients: 1 },
  ]);
  const standInMs = await measureStandInCost(standIn, zeroConfig, 15);
  const items = sites.map((s) => ({ ms: s.sleep * 1000, group: s.chain }));
  const bound = computeLowerBound(items, JOBS);
  // The same rules with no overhead at all: how close the rule itself can get to the bound.
  const idealHistory = simulateSchedule(items, JOBS, "history").makespanMs;
  const idealSorted = simulateSchedule(items, JOBS, "sorted").makespanMs;
  log(
    `  configured sleep ${(bound.totalMs / 1000).toFixed(2)} s, longest chain ` +
      `${(bound.longestChainMs / 1000).toFixed(2)} s; bound ${(bound.boundMs / 1000).toFixed(2)} s; ` +
      `ideal schedules: longest first ${(idealHistory / 1000).toFixed(2)} s, sorted ` +
      `${(idealSorted / 1000).toFixed(2)} s; stand-in alone ${standInMs.toFixed(1)} ms` +
      (quick ? ` (--quick: sleeps x ${QUICK_SCALE}, target not meaningful)` : ""),
  );
  const base = [
    "upgrade_db",
    "--filespecs",
    join(dir, "*.conf"),
    "--camcops",
    standIn,
    "-j",
    String(JOBS),
  ];
  const runs = { history: [], sorted: [] };
  // Round 0 runs "sorted" first; its report is the history the "history" runs order by (the
  // durations known from an earlier --report), so no extra recording run is needed.
  const recordFile = join(tmp, "sorted-0.json");
  const contender = (key, extra) => ({
    name: key,
    measure: async (round) => {
      const report = join(tmp, `${key}-${round}.json`);
      const result = await runCamcopsMeta([...base, ...extra, "--report", report], {
        tmp,
        label: `${key}-${round}`,
      });
      runs[key].push({ report, ms: result.ms });
      return result.ms;
    },
  });
  const samples = await runInterleaved(
    [contender("sorted", []), contender("history", ["--history", recordFile])],
    reps,
    log,
  );
  const history = summarize(samples.history, 0);
  const sorted = summarize(samples.sorted, 0);
  const analyses = {
    history: runs.history.map((r) => analyseRun(r.report, r.ms, sites, "history")),
    sorted: runs.sorted.map((r) => analyseRun(r.report, r.ms, sites, "sorted")),
  };
  const h = analyses.history;
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const notes =
    `bound from the configured sleeps (stand-in alone ${standInMs.toFixed(1)} ms, not counted); ` +
    `ideal longest-first schedule ${s(idealHistory)}; medians of the --history runs: outside ` +
    `the run ${medianOf(h, (a) => a.outsideRunMs).toFixed(0)} ms, first child after ` +
    `${medianOf(h, (a) => a.firstChildStartMs).toFixed(0)} ms, children span ` +
    `${s(medianOf(h, (a) => a.childrenSpanMs))} (ideal of their own recorded durations ` +
    `${s(medianOf(h, (a) => a.idealOfRecordedMs))}), after the last end ` +
    `${medianOf(h, (a) => a.afterLastEndMs).toFixed(0)} ms; child overrun of its sleep median ` +
    `${medianOf(h, (a) => a.overrunMs.median).toFixed(0)} ms, refill gap median ` +
    `${medianOf(h, (a) => a.refillGapMs.median).toFixed(0)} ms (max ` +
    `${medianOf(h, (a) => a.refillGapMs.max).toFixed(0)} ms); busy slots ` +
    `${medianOf(h, (a) => a.meanBusySlots).toFixed(2)} of ${JOBS}`;
  log(`  ${notes}`);
  const target = quick
    ? { text: "<= 1.05x (not meaningful with --quick)" }
    : { text: "<= 1.05x", maxRatio: 1.05 };
  return {
    rows: [
      makeRow({
        benchmark: "makespan --history (64 configs, -j 8)",
        ours: history.median,
        baseline: Number(bound.boundMs.toFixed(0)),
        baselineName: "lower bound",
        unit: "ms",
        target,
        notes,
      }),
      makeRow({
        benchmark: "makespan, sorted order (no --history)",
        ours: sorted.median,
        baseline: Number(bound.boundMs.toFixed(0)),
        baselineName: "lower bound",
        unit: "ms",
        target: { text: "(contrast)" },
        notes: `ideal sorted-order schedule ${s(idealSorted)}`,
      }),
    ],
    details: {
      reps,
      jobs: JOBS,
      configs: sites.length,
      scale,
      sleepS: Number((bound.totalMs / 1000).toFixed(3)),
      standInMs: Number(standInMs.toFixed(1)),
      bound,
      idealHistoryMs: idealHistory,
      idealSortedMs: idealSorted,
      history,
      sorted,
      analyses,
    },
  };
}
