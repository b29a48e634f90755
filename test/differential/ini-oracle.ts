// Differential-test helpers: CPython's reading of config files (configparser-dump.py) next to ours,
// both reduced to what must agree (messages may differ).

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildShowJson, type ShownValue } from "../../src/config/ini/build-show-json.js";
import { IniError } from "../../src/config/ini/ini-error.js";
import { parseIniFile } from "../../src/config/ini/parse-ini.js";

const DUMP_SCRIPT = fileURLToPath(new URL("./configparser-dump.py", import.meta.url));

/** The interpreter to compare with, or why the differential tests are skipped. */
export interface PythonOracle {
  command: string | null;
  skipReason: string;
}

/** Find CPython 3.11 (CAMCOPS_META_PYTHON, else python3), saying so on stderr when it is missing. */
export function findPython(): PythonOracle {
  const oracle = probePython();
  if (!oracle.command) console.warn(`INI differential tests ${oracle.skipReason}`);
  return oracle;
}

/** CPython 3.11 to compare with (the reference is 3.11's configparser), or why there is none. */
function probePython(): PythonOracle {
  const command = process.env["CAMCOPS_META_PYTHON"] || "python3";
  const probe = spawnSync(command, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
    encoding: "utf8",
  });
  if (probe.error || probe.status !== 0) {
    return { command: null, skipReason: `skipped: ${command} not found (set CAMCOPS_META_PYTHON)` };
  }
  const version = probe.stdout.trim();
  if (version !== "3.11") {
    return {
      command: null,
      skipReason: `skipped: ${command} is Python ${version}, the reference is CPython 3.11 (set CAMCOPS_META_PYTHON)`,
    };
  }
  return { command, skipReason: "" };
}

/** What both sides must agree on for one file. */
export interface ComparableRead {
  error: { type: string; line: number; lines?: { line: number; text: string }[] } | null;
  defaults: Record<string, ComparableValue>;
  sections: Record<string, { line: number; options: Record<string, ComparableValue> }>;
}

/** One option's line, value and interpolation error class. */
export interface ComparableValue {
  line: number;
  value: string | null;
  errorType: string | null;
}

/** The dump script's output line (show JSON plus "lines" for ParsingError). */
interface DumpLine {
  error: { type: string; line: number; lines?: { line: number; text: string }[] } | null;
  defaults: Record<string, ShownValue>;
  sections: Record<string, { line: number; options: Record<string, ShownValue> }>;
}

/** Reduce one shown option to what must agree. */
function toComparableValue(shown: ShownValue): ComparableValue {
  return { line: shown.line, value: shown.value, errorType: shown.error?.type ?? null };
}

/** Reduce a show-JSON-like object to what must agree. */
function toComparable(dump: DumpLine): ComparableRead {
  const error = dump.error
    ? {
        type: dump.error.type,
        line: dump.error.line,
        ...(dump.error.type === "ParsingError" ? { lines: dump.error.lines ?? [] } : {}),
      }
    : null;
  const defaults = Object.fromEntries(
    Object.entries(dump.defaults).map(([name, shown]) => [name, toComparableValue(shown)]),
  );
  const sections = Object.fromEntries(
    Object.entries(dump.sections).map(([name, section]) => [
      name,
      {
        line: section.line,
        options: Object.fromEntries(
          Object.entries(section.options).map(([option, shown]) => [
            option,
            toComparableValue(shown),
          ]),
        ),
      },
    ]),
  );
  return { error, defaults, sections };
}

/** CPython's reading of each file, in order, from one python process. */
export function readWithPython(command: string, paths: readonly string[]): ComparableRead[] {
  const run = spawnSync(command, [DUMP_SCRIPT], {
    input: JSON.stringify(paths),
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`configparser-dump.py failed: ${run.stderr}`);
  const lines = run.stdout.split("\n").filter((line) => line !== "");
  if (lines.length !== paths.length) {
    throw new Error(`configparser-dump.py printed ${lines.length} lines for ${paths.length} files`);
  }
  return lines.map((line) => toComparable(JSON.parse(line) as DumpLine));
}

/** Our reading of one file, reduced the same way. */
export function readWithOurs(path: string): ComparableRead {
  let parsed: ReturnType<typeof parseIniFile> | IniError;
  try {
    parsed = parseIniFile(readFileSync(path));
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    parsed = error;
  }
  const shown = buildShowJson(path, parsed);
  const dump: DumpLine = {
    ...shown,
    error:
      parsed instanceof IniError
        ? { type: parsed.type, line: parsed.line, lines: parsed.lines }
        : null,
  };
  return toComparable(dump);
}
