// Where the things the benchmarks run live, relative to this checkout.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/ lives directly under it). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The camcops-meta entry point as installed (runs dist/cli/main.js). */
export const CLI_BIN = join(REPO_ROOT, "bin", "camcops-meta.js");

/** The stand-in camcops_server (plain Node). */
export const STAND_IN = join(REPO_ROOT, "examples", "fake-camcops", "camcops_server.js");

/** Compiled sources the parser benchmark imports. */
export const DIST_DIR = join(REPO_ROOT, "dist");

/** Helper processes the benchmarks start. */
export const WORKERS_DIR = join(REPO_ROOT, "bench", "workers");

/** Where run.js writes latest.json (git-ignored). */
export const RESULTS_DIR = join(REPO_ROOT, "bench", "results");
