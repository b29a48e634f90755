// Runs the built camcops-meta CLI as a user would (node bin/camcops-meta.js ...), timed.
import { join } from "node:path";
import { app } from "./paths.js";
import { assertSucceeded, timeProcess } from "./time-process.js";

/**
 * Runs `camcops-meta ARGS` with stdout discarded and stderr (plain progress lines, since it is
 * not a terminal) kept in `<tmp>/<label>.stderr`; throws unless it exits 0. `nodeArgs` go before
 * the script (e.g. --import). Resolves to timeProcess's result.
 */
export async function runCamcopsMeta(args, { tmp, label, env, nodeArgs = [], pollRssMs } = {}) {
  const result = await timeProcess(process.execPath, [...nodeArgs, app.bin, ...args], {
    env: { ...process.env, ...env },
    stderrFile: join(tmp, `${label}.stderr`),
    pollRssMs,
  });
  assertSucceeded(result, `camcops-meta (${label})`);
  return result;
}
