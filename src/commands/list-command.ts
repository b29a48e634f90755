// `camcops-meta list`: one row per discovered config (path, format, database, status), or JSON.
import type { CommandIo, ListCommand } from "../cli/cli-command.js";
import { formatListJson, formatListTable } from "../report/format-list.js";
import { findConfigs } from "./find-configs.js";

/** Lists the configs; exit 0 (listing is not judging: `check` gives the verdict). */
export async function listCommand(command: ListCommand, io: CommandIo): Promise<number> {
  const { configs, warnings } = await findConfigs(command.filespecs, {
    cwd: io.cwd,
    allowEmpty: command.allowEmpty,
  });
  for (const warning of warnings) io.stderr.write(`camcops-meta: warning: ${warning}\n`);
  io.stdout.write(
    command.json ? `${formatListJson(configs)}\n` : `${formatListTable(configs).join("\n")}\n`,
  );
  return 0;
}
