// Helpers for the operator-facing end-to-end tests (ops-*.test.ts): schema check, documented line patterns, sites.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Report, ReportConfig } from "../../src/report/report-schema.js";
import {
  eventsOf,
  makeTempDir,
  REPO_ROOT,
  readRecord,
  writeConfig,
} from "../helpers/fake-camcops.js";

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

/** A config on its own MySQL database (never reached: the stand-in only reads the file). */
export function mysqlConfig(database: string, fake?: string, password = "pw_secret") {
  return {
    format: "current" as const,
    dbUrl: `mysql+mysqldb://camcops:${password}@db.example.org:3306/${database}?charset=utf8`,
    fake,
  };
}

/** Writes one config per site (site -> stand-in behaviour), each on its own database; returns the folder. */
export function makeSites(behaviours: Record<string, string | undefined>): string {
  const dir = makeTempDir();
  for (const [site, fake] of Object.entries(behaviours))
    writeConfig(dir, site, mysqlConfig(site, fake));
  return dir;
}

/** The config files the stand-in was started on, in start order (one entry per attempt). */
export function startedConfigs(record: string): string[] {
  return eventsOf(readRecord(record), "start").map((event) => event.config);
}

/** One config of a report, by site; fails loudly when missing. */
export function configOf(report: Report, site: string): ReportConfig {
  const found = report.configs.find((config) => config.site === site);
  if (!found) throw new Error(`no config for site ${site} in the report`);
  return found;
}
