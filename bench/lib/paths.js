// Where the things the benchmarks run live, relative to this checkout.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/ lives directly under it). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Helper processes the benchmarks start. */
export const WORKERS_DIR = join(REPO_ROOT, "bench", "workers");

/** Where run.js writes latest.json (git-ignored). */
export const RESULTS_DIR = join(REPO_ROOT, "bench", "results");

/**
 * What is measured: the camcops-meta entry point (runs dist/cli/main.js), the compiled sources
 * the parser benchmark imports, and the stand-in camcops_server. run.js points these at a copy
 * taken when the run starts (see copy-app.js), so a rebuild during the run cannot mix versions.
 */
export const app = {
  bin: join(REPO_ROOT, "bin", "camcops-meta.js"),
  dist: join(REPO_ROOT, "dist"),
  standIn: join(REPO_ROOT, "examples", "fake-camcops", "camcops_server.js"),
};

/** Points the benchmarks at another copy of the app ({ bin, dist, standIn }). */
export function useApp(paths) {
  Object.assign(app, paths);
}
