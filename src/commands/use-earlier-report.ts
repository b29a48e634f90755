// --rerun-failed and --history: what an earlier run's report tells this one.
import { readReport } from "../report/read-report.js";

/** The configs an earlier report says did not succeed. */
export function selectRerun(file: string): { paths: string[]; realPaths: Set<string> } {
  const report = readReport(file);
  const failed = report.configs.filter((config) => config.result !== "ok");
  return {
    paths: failed.map((config) => config.path),
    realPaths: new Set(failed.map((config) => config.realPath)),
  };
}

/** Recorded durations by real path, from an earlier report (--history). */
export function readHistory(file: string): Map<string, number> {
  const report = readReport(file);
  const durations = new Map<string, number>();
  for (const config of report.configs) {
    if (config.durationMs > 0) durations.set(config.realPath, config.durationMs);
  }
  return durations;
}
