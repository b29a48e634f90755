// Runs the built camcops-meta CLI (`node bin/camcops-meta.js`, after `npm run build`).
import { fileURLToPath } from "node:url";
import {
  type ProcessHandle,
  type ProcessOptions,
  type ProcessResult,
  startProcess,
} from "./spawn-process.js";

/** Absolute path of the repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Absolute path of the camcops-meta entry point. */
export const CLI_PATH = fileURLToPath(new URL("../../bin/camcops-meta.js", import.meta.url));

/** Starts the CLI and returns a handle (for tests that signal it or watch its output). */
export function startCli(args: readonly string[], options: ProcessOptions = {}): ProcessHandle {
  return startProcess(process.execPath, [CLI_PATH, ...args], { cwd: REPO_ROOT, ...options });
}

/** Runs the CLI to the end: exit code, signal, stdout and stderr. */
export function runCli(
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  return startCli(args, options).result;
}
