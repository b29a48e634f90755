// `camcops-meta check`: validate every config as camcops_server would load it.
import type { CheckCommand, CommandIo } from "../cli/cli-command.js";
import { isInvalid } from "../config/loaded-config.js";
import { formatCheckLines, formatCheckSummary } from "../report/format-check.js";
import { formatListJson } from "../report/format-list.js";
import { findConfigs } from "./find-configs.js";

/** Prints every problem as path:line: message; exit 0 when all configs are valid, 1 otherwise. */
export async function checkConfigsCommand(command: CheckCommand, io: CommandIo): Promise<number> {
  const { configs, warnings } = await findConfigs(command.filespecs, {
    cwd: io.cwd,
    allowEmpty: command.allowEmpty,
  });
  for (const warning of warnings) io.stderr.write(`camcops-meta: warning: ${warning}\n`);
  if (command.json) {
    io.stdout.write(`${formatListJson(configs)}\n`);
  } else {
    const lines = formatCheckLines(configs);
    io.stdout.write(lines.length > 0 ? `${lines.join("\n")}\n` : "");
    io.stderr.write(`${formatCheckSummary(configs)}\n`);
  }
  return configs.some(isInvalid) ? 1 : 0;
}
