// `camcops-meta show FILE...`: each config as camcops_server sees it, secrets hidden unless asked.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CommandIo, ShowCommand } from "../cli/cli-command.js";
import { buildShowJson, type ShowJson, type ShownValue } from "../config/ini/build-show-json.js";
import { IniError } from "../config/ini/ini-error.js";
import { parseIniFile } from "../config/ini/parse-ini.js";
import { loadConfig } from "../config/load-config.js";
import { createSecretMasker, hideConfigValue } from "../config/secrets.js";
import { describeFsError } from "../discovery/discover-configs.js";

/** Prints every file (one JSON object a line with --json); exit 1 when any file cannot be read or parsed. */
export async function showCommand(command: ShowCommand, io: CommandIo): Promise<number> {
  let failed = false;
  for (const file of command.files) {
    const shown = await showFile(path.resolve(io.cwd, file), command.showSecrets);
    failed ||= shown.error !== null;
    io.stdout.write(command.json ? `${JSON.stringify(shown)}\n` : formatShowText(shown));
  }
  return failed ? 1 : 0;
}

/** Reads and parses one file into the show shape; a file that cannot be read gets Python's error class name. */
async function showFile(file: string, showSecrets: boolean): Promise<ShowJson> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const type =
      code === "ENOENT"
        ? "FileNotFoundError"
        : code === "EACCES"
          ? "PermissionError"
          : code === "EISDIR"
            ? "IsADirectoryError"
            : "OSError";
    return {
      file,
      error: { type, line: 0, message: describeFsError(error) },
      defaults: {},
      sections: {},
    };
  }
  let parsed: ReturnType<typeof parseIniFile> | IniError;
  try {
    parsed = parseIniFile(bytes);
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    parsed = error;
  }
  if (showSecrets) return buildShowJson(file, parsed);
  // By name first (passwords, URL passwords), then by value: a secret pulled into another option by %(...)s.
  const mask = createSecretMasker((await loadConfig(file, file, path.basename(file))).secrets);
  return buildShowJson(file, parsed, (section, option, value) =>
    mask(hideConfigValue(section, option, value)),
  );
}

/** The human form: sections in file order, each option with its line, errors in words. */
export function formatShowText(shown: ShowJson): string {
  const lines = [`# ${shown.file}`];
  if (shown.error) {
    const where = shown.error.line > 0 ? `${shown.file}:${shown.error.line}` : shown.file;
    lines.push(`${where}: ${shown.error.type}: ${shown.error.message}`);
    return `${lines.join("\n")}\n\n`;
  }
  const optionLine = (name: string, value: ShownValue) => {
    const text = value.error
      ? `<${value.error.type}: ${value.error.message}>`
      : indentValue(value.value ?? "");
    return `${name} = ${text}    ; line ${value.line}`;
  };
  if (Object.keys(shown.defaults).length > 0) {
    lines.push("[DEFAULT]");
    for (const [name, value] of Object.entries(shown.defaults)) lines.push(optionLine(name, value));
  }
  for (const [name, section] of Object.entries(shown.sections)) {
    lines.push(`[${name}]    ; line ${section.line}`);
    for (const [option, value] of Object.entries(section.options))
      lines.push(optionLine(option, value));
  }
  return `${lines.join("\n")}\n\n`;
}

/** Multi-line values keep their lines, indented as a continuation. */
function indentValue(value: string): string {
  return value.replaceAll("\n", "\n    ");
}
