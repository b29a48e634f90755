// A snapshot of the built app for one bench run: other people rebuilding dist/ in the same tree
// while the bench runs would otherwise mix old and new modules mid-measurement.
import { cpSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./paths.js";

/** Copies bin/, dist/, package.json and the stand-in into `dir` (node_modules linked); returns the paths. */
export function copyApp(dir) {
  for (const part of ["bin", "dist", "package.json", join("examples", "fake-camcops")]) {
    cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    bin: join(dir, "bin", "camcops-meta.js"),
    dist: join(dir, "dist"),
    standIn: join(dir, "examples", "fake-camcops", "camcops_server.js"),
  };
}
