// The exact argv of one child: `[python] camcops <cc_command> --config <abs path> <ccargs...> <extra...>`.
import type { ChildCommand } from "./planned-run.js";

/** The resolved program to run: camcops_server itself, or a Python interpreter with the script. */
export interface Executable {
  /** What is spawned: camcops_server's absolute path, or the Python interpreter's. */
  file: string;
  /** Arguments before the camcops command: [] for an executable, [script] for a .py script. */
  leadingArgs: string[];
}

export interface ChildCommandInput {
  executable: Executable;
  ccCommand: string;
  configPath: string;
  ccargs: readonly string[];
  extra: readonly string[];
}

/** Builds the child's argv and environment for one config; no shell is ever involved. */
export function buildChildCommand(input: ChildCommandInput): ChildCommand {
  return {
    file: input.executable.file,
    args: [
      ...input.executable.leadingArgs,
      input.ccCommand,
      "--config",
      input.configPath,
      ...input.ccargs,
      ...input.extra,
    ],
    env: { CAMCOPS_CONFIG_FILE: input.configPath },
  };
}
