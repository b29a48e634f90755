// Runs the built camcops-meta CLI as an installed user would (bin/camcops-meta.js, by its #! line), timed.
import { join } from "node:path";
import { app } from "./paths.js";
import { assertSucceeded, timeProcess } from "./time-process.js";

/**
 * Runs `camcops-meta ARGS` with stdout discarded and stderr (plain progress lines, since it is
 * not a terminal) kept in `<tmp>/<label>.stderr`; throws unless it exits 0. The script runs by its
 * own #! line, as the installed command does (its Node flags included); `nodeArgs` (e.g. --import)
 * reach Node through NODE_OPTIONS. Resolves to timeProcess's result.
 */
export async function runCamcopsMeta(args, { tmp, label, env, nodeArgs = [], pollRssMs } = {}) {
  const nodeOptions = [process.env.NODE_OPTIONS, ...nodeArgs].filter(Boolean).join(" ");
  const result = await timeProcess(app.bin, args, {
    env: { ...process.env, ...env, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
    stderrFile: join(tmp, `${label}.stderr`),
    pollRssMs,
  });
  assertSucceeded(result, `camcops-meta (${label})`);
  return result;
}
