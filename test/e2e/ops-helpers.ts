// Helpers for the operator-facing end-to-end tests (ops-*.test.ts): schema check, documented line patterns, sites.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { eventsOf, REPO_ROOT, readRecord } from "../helpers/fake-camcops.js";

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "docs/report.schema.json"), "utf8"));
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The schema errors of a parsed report, as readable text ("" when it validates). */
export function getSchemaErrors(data: unknown): string {
  if (validateSchema(data)) return "";
  return JSON.stringify(validateSchema.errors, null, 2);
}

/** The documented regex of every plain line kind, read from docs/output-format.md (as the unit tests do). */
export function readDocumentedPatterns(): Map<string, RegExp> {
  const doc = readFileSync(path.join(REPO_ROOT, "docs/output-format.md"), "utf8");
  const patterns = new Map<string, RegExp>();
  const section = /^### (.+)$([\s\S]*?)(?=^### |^## |(?![\s\S]))/gm;
  for (const match of doc.matchAll(section)) {
    const regex = /```regex\n(.+)\n```/.exec(match[2] ?? "");
    if (regex?.[1]) patterns.set(match[1]!.trim(), new RegExp(regex[1]));
  }
  return patterns;
}

/** Names of the documented line kinds that a line matches. */
export function kindsOf(line: string, patterns: Map<string, RegExp>): string[] {
  return [...patterns].filter(([, re]) => re.test(line)).map(([name]) => name);
}

/** Lines of a text, without the final empty piece after the last newline. */
export function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

// ESC or CSI: any of them means an ANSI escape sequence reached the output.
export const ANSI = /\u001b|\u009b/;

export { configOf, makeSites, mysqlConfig } from "../helpers/fault-run.js";

/** The config files the stand-in was started on, in start order (one entry per attempt). */
export function startedConfigs(record: string): string[] {
  return eventsOf(readRecord(record), "start").map((event) => event.config);
}
