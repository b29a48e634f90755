import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildReport } from "../../../src/report/build-report.js";
import { writeReportAtomically } from "../../../src/report/write-report.js";
import { makeResult, T0 } from "../../helpers/make-results.js";

const report = buildReport({
  ccCommand: "upgrade_db",
  argvTemplate: [],
  version: "0.1.0",
  startedAt: T0,
  endedAt: T0 + 1,
  exitCode: 0,
  signal: null,
  jobs: 1,
  options: {},
  results: [makeResult({ site: "a", result: "ok" })],
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "camcops-meta-report-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("writeReportAtomically", () => {
  it("writes the report as JSON and leaves no temp file", async () => {
    const file = join(folder, "report.json");
    await writeReportAtomically(file, report);
    expect(readdirSync(folder)).toEqual(["report.json"]);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(report);
    expect(readFileSync(file, "utf8").endsWith("}\n")).toBe(true);
  });

  it("replaces an earlier report whole", async () => {
    const file = join(folder, "report.json");
    writeFileSync(file, "old and longer than the new one ".repeat(1000));
    await writeReportAtomically(file, report);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(report);
    expect(readdirSync(folder)).toEqual(["report.json"]);
  });

  it("removes its temp file and throws when the rename fails", async () => {
    const file = join(folder, "taken");
    mkdirSync(join(file, "inside"), { recursive: true });
    await expect(writeReportAtomically(file, report)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(["taken"]);
  });

  it("throws when the folder does not exist", async () => {
    await expect(writeReportAtomically(join(folder, "nope", "r.json"), report)).rejects.toThrow(
      /ENOENT/,
    );
  });
});
