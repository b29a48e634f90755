// Writes small CamCOPS config files for tests, in either format, with stand-in behaviour keys.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";

export interface WriteConfigOptions {
  /** `legacy`: DB_URL in [server] (v2.3.0 and older); `current`: DB_URL in [site]. */
  format: "legacy" | "current";
  /** Written as typed (so a literal `%` must be `%%`); null leaves DB_URL out. */
  dbUrl: string | null;
  /** Stand-in behaviour, e.g. `"exit=3 sleep=1"`, written as a `# fake-camcops:` line. */
  fake?: string;
  /** Text appended at the end of the file (so inside its last section). */
  extra?: string;
  /** File mode; default 0o640 (not world-readable, so no warning). */
  mode?: number;
}

/** Builds the text of a minimal but realistic config. */
export function buildConfigText(options: WriteConfigOptions): string {
  const lines: string[] = ["# CamCOPS server configuration (test)."];
  if (options.fake) lines.push(`# fake-camcops: ${options.fake}`);
  const dbLines = options.dbUrl === null ? [] : [`DB_URL = ${options.dbUrl}`];
  if (options.format === "legacy") {
    lines.push("", "[server]", "", ...dbLines, "DB_ECHO = False", "SESSION_TIMEOUT_MINUTES = 30");
  } else {
    lines.push("", "[site]", "", ...dbLines, "DB_ECHO = False", "LANGUAGE = en_GB");
    lines.push("", "[server]", "", "HOST = 127.0.0.1", "PORT = 8000");
  }
  if (options.extra) lines.push(options.extra);
  return `${lines.join("\n")}\n`;
}

/** Writes text to dir/name (name gets `.conf` when it has no extension); returns the absolute path. */
export function writeConfigText(dir: string, name: string, text: string, mode = 0o640): string {
  const path = resolve(dir, extname(name) === "" ? `${name}.conf` : name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  // Explicit chmod: the mode given to writeFileSync is subject to the umask.
  chmodSync(path, mode);
  return path;
}

/** Writes a config built from options to dir/name; returns its absolute path. */
export function writeConfig(dir: string, name: string, options: WriteConfigOptions): string {
  return writeConfigText(dir, name, buildConfigText(options), options.mode);
}
