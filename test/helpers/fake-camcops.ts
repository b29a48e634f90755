// Test helpers around the stand-in camcops_server (examples/fake-camcops), re-exporting the rest.
import { fileURLToPath } from "node:url";
import {
  type ProcessHandle,
  type ProcessOptions,
  type ProcessResult,
  startProcess,
} from "./spawn-process.js";

/** Absolute path of the stand-in camcops_server (executable; also runs with `node`). */
export const FAKE_CAMCOPS_PATH = fileURLToPath(
  new URL("../../examples/fake-camcops/camcops_server.js", import.meta.url),
);

/** The stand-in as a Python script (execs the Node one), for `--python` / `.py` runs. */
export const FAKE_CAMCOPS_PY_PATH = fileURLToPath(
  new URL("../../examples/fake-camcops/camcops_server.py", import.meta.url),
);

/** Absolute path of the example configs. */
export const EXAMPLE_CONFIGS_DIR = fileURLToPath(
  new URL("../../examples/configs/", import.meta.url),
);

/** Starts the stand-in directly with node (FAKE_CAMCOPS, FAKE_CAMCOPS_RECORD via options.env). */
export function startFakeCamcops(
  args: readonly string[],
  options: ProcessOptions = {},
): ProcessHandle {
  return startProcess(process.execPath, [FAKE_CAMCOPS_PATH, ...args], options);
}

/** Runs the stand-in directly to the end. */
export function runFakeCamcops(
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  return startFakeCamcops(args, options).result;
}

export { assertNoneAlive, isAlive, killProcesses, listLiveProcesses } from "./live-processes.js";
export {
  eventsOf,
  pidsFromRecord,
  type RecordEvent,
  type RecordEventName,
  readRecord,
  waitForRecord,
} from "./record.js";
export { CLI_PATH, REPO_ROOT, runCli, startCli } from "./run-cli.js";
export {
  buildTestEnv,
  type ProcessHandle,
  type ProcessOptions,
  type ProcessResult,
  startProcess,
} from "./spawn-process.js";
export { makeTempDir, removeTempDirs } from "./temp-dir.js";
export { type WaitForOptions, waitFor } from "./wait-for.js";
export {
  buildConfigText,
  type WriteConfigOptions,
  writeConfig,
  writeConfigText,
} from "./write-config.js";
