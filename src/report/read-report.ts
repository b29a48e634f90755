// Reads an earlier report (--rerun-failed, --history), refusing anything that is not one we can trust.
import { readFileSync } from "node:fs";
import { ReportInputError } from "../errors.js";
import { RESULT_ORDER } from "./count-results.js";
import { REPORT_SCHEMA_VERSION, type Report } from "./report-schema.js";

/** Reads and checks a report file; throws ReportInputError saying what is wrong. */
export function readReport(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ReportInputError(file, describeReadError(error));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the file's text, which may be a config with a password: give the place only.
    throw new ReportInputError(file, `not valid JSON${describeJsonErrorPlace(text, error)}`);
  }
  return checkReport(file, data);
}

/** A short reason for a failed read, by error code. */
function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    default:
      return `cannot read it (${(error as Error).message})`;
  }
}

/** Checks the parts of a report that its readers rely on. */
function checkReport(file: string, data: unknown): Report {
  const fail = (reason: string): never => {
    throw new ReportInputError(file, reason);
  };
  if (!isObject(data)) return fail("not a camcops-meta report (not a JSON object)");
  if (!("schemaVersion" in data)) return fail("not a camcops-meta report (no schemaVersion)");
  if (data.schemaVersion !== REPORT_SCHEMA_VERSION) {
    return fail(
      `report schemaVersion ${JSON.stringify(data.schemaVersion)} is not supported (this camcops-meta reads version ${REPORT_SCHEMA_VERSION})`,
    );
  }
  if (!isObject(data.run)) return fail("run is missing or not an object");
  if (!Array.isArray(data.configs)) return fail("configs is missing or not an array");
  for (const [index, config] of (data.configs as unknown[]).entries()) {
    const where = `configs[${index}]`;
    if (!isObject(config)) return fail(`${where} is not an object`);
    for (const key of ["path", "realPath", "site"]) {
      if (typeof config[key] !== "string") fail(`${where}.${key} is not a string`);
    }
    if (!RESULT_ORDER.includes(config.result as never)) {
      fail(`${where}.result ${JSON.stringify(config.result)} is not a known result`);
    }
    const duration = config.durationMs;
    if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) {
      fail(`${where}.durationMs is not a non-negative number`);
    }
  }
  return data as unknown as Report;
}

/** True for a plain JSON object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** " (at line L, column C)" for a JSON syntax error, when V8 says where; never the text itself. */
function describeJsonErrorPlace(text: string, error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  if (position === undefined) return "";
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return ` (at line ${line}, column ${column})`;
}
