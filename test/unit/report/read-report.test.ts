import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReportInputError } from "../../../src/errors.js";
import { buildReport } from "../../../src/report/build-report.js";
import { readReport } from "../../../src/report/read-report.js";
import { writeReportAtomically } from "../../../src/report/write-report.js";
import { makeResult, T0 } from "../../helpers/make-results.js";

const report = buildReport({
  ccCommand: "upgrade_db",
  argvTemplate: ["camcops_server"],
  version: "0.1.0",
  startedAt: T0,
  endedAt: T0 + 5000,
  exitCode: 1,
  signal: null,
  jobs: 2,
  options: {},
  results: [
    makeResult({ site: "a", result: "ok", durationMs: 1000 }),
    makeResult({ site: "b", result: "failed", exitCode: 2, durationMs: 4000 }),
  ],
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "camcops-meta-read-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Writes text to a file in the temp folder and returns its path. */
function fileWith(text: string): string {
  const file = join(folder, "r.json");
  writeFileSync(file, text);
  return file;
}

const good = JSON.parse(JSON.stringify(report));

describe("readReport", () => {
  it("reads back what writeReportAtomically wrote", async () => {
    const file = join(folder, "report.json");
    await writeReportAtomically(file, report);
    expect(readReport(file)).toEqual(report);
  });

  const cases: Array<[string, () => string, RegExp]> = [
    ["a missing file", () => join(folder, "missing.json"), /no such file/],
    ["a directory", () => folder, /directory/],
    ["text that is not JSON", () => fileWith("{ not json"), /not valid JSON/],
    ["an empty file", () => fileWith(""), /not valid JSON/],
    ["a JSON array", () => fileWith("[]"), /not a camcops-meta report/],
    ["JSON without schemaVersion", () => fileWith('{"configs": []}'), /no schemaVersion/],
    [
      "another schemaVersion",
      () => fileWith(JSON.stringify({ ...good, schemaVersion: 2 })),
      /schemaVersion 2 is not supported.*version 1/,
    ],
    ["no run", () => fileWith(JSON.stringify({ ...good, run: null })), /run is missing/],
    ["no configs", () => fileWith(JSON.stringify({ ...good, configs: {} })), /configs is missing/],
    [
      "a config without realPath",
      () => fileWith(JSON.stringify({ ...good, configs: [{ ...good.configs[0], realPath: 3 }] })),
      /configs\[0\]\.realPath is not a string/,
    ],
    [
      "an unknown result",
      () =>
        fileWith(
          JSON.stringify({
            ...good,
            configs: [good.configs[0], { ...good.configs[1], result: "meh" }],
          }),
        ),
      /configs\[1\]\.result "meh" is not a known result/,
    ],
    [
      "a negative duration",
      () =>
        fileWith(JSON.stringify({ ...good, configs: [{ ...good.configs[0], durationMs: -1 }] })),
      /configs\[0\]\.durationMs/,
    ],
  ];

  it.each(cases)("refuses %s with a clear ReportInputError", (_name, makeFile, message) => {
    const file = makeFile();
    let caught: unknown;
    try {
      readReport(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReportInputError);
    expect((caught as ReportInputError).file).toBe(file);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain(JSON.stringify(file));
  });

  it.skipIf(process.getuid?.() === 0)("refuses an unreadable file", () => {
    const file = fileWith(JSON.stringify(good));
    chmodSync(file, 0o000);
    expect(() => readReport(file)).toThrow(/permission denied/);
  });
});
