import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/report/build-report.js";
import type { RunResult } from "../../../src/run/run-result.js";
import { makeAttempt, makeConfig, makeResult, makeRun, T0 } from "../../helpers/make-results.js";

const schema = JSON.parse(
  readFileSync(new URL("../../../docs/report.schema.json", import.meta.url), "utf8"),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Builds a report around results with fixed run facts. */
function build(
  results: RunResult[],
  overrides: { signal?: string | null; exitCode?: number } = {},
) {
  return buildReport({
    ccCommand: "upgrade_db",
    argvTemplate: ["camcops_server", "upgrade_db", "--config", "{config}"],
    version: "0.1.0",
    startedAt: T0,
    endedAt: T0 + 252_000,
    exitCode: overrides.exitCode ?? 1,
    signal: overrides.signal ?? null,
    jobs: 4,
    options: { jobs: 4, sameDatabase: "serialize", timeoutMs: null },
    results,
  });
}

const sample: RunResult[] = [
  makeResult({
    site: "camcops_b",
    result: "failed",
    exitCode: 3,
    durationMs: 4000,
    tail: ["boom"],
    logFile: "/var/log/cm/camcops_b.log",
    attempts: [
      makeAttempt({ startedAt: T0, endedAt: T0 + 1500, exitCode: 3, result: "failed" }),
      makeAttempt({ startedAt: T0 + 2000, endedAt: T0 + 4500, exitCode: 3, result: "failed" }),
    ],
  }),
  makeResult({ site: "camcops_a", result: "ok", durationMs: 1200 }),
  makeResult({
    site: "camcops_c",
    result: "invalid",
    reason: "/etc/camcops/camcops_c.conf:7: DB_URL is missing",
    run: makeRun("camcops_c", {
      config: makeConfig("camcops_c", {
        database: null,
        format: null,
        problems: [{ severity: "error", line: 7, message: "DB_URL is missing" }],
      }),
      command: null,
      preResult: "invalid",
    }),
  }),
  makeResult({ site: "camcops_d", result: "timeout", signal: "SIGKILL", durationMs: 90_000 }),
  makeResult({ site: "camcops_e", result: "skipped", reason: "same database as camcops_a" }),
  makeResult({ site: "camcops_f", result: "not started" }),
  makeResult({ site: "camcops_g", result: "interrupted", signal: "SIGTERM" }),
  makeResult({
    site: "camcops_h",
    result: "failed",
    exitCode: null,
    durationMs: 0,
    attempts: [makeAttempt({ exitCode: null, result: "failed", spawnError: "spawn x ENOENT" })],
  }),
];

describe("buildReport", () => {
  it.each([
    ["a run with every kind of result", sample, {}],
    ["an interrupted run", sample, { signal: "SIGINT", exitCode: 130 }],
    ["an empty run", [], { exitCode: 0 }],
  ] as const)(
    "builds a report that the documented schema accepts: %s",
    (_name, results, overrides) => {
      const report = build([...results], overrides);
      const valid = validate(JSON.parse(JSON.stringify(report)));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it("is checked by a schema that rejects what it should", () => {
    const good = JSON.parse(JSON.stringify(build(sample)));
    const broken = [
      { ...good, schemaVersion: 2 },
      { ...good, configs: [{ ...good.configs[0], result: "exploded" }] },
      { ...good, configs: [{ ...good.configs[0], realPath: undefined }] },
      { ...good, run: { ...good.run, startedAt: "yesterday" } },
    ];
    for (const report of broken) expect(validate(JSON.parse(JSON.stringify(report)))).toBe(false);
  });

  it("records the run and counts every result", () => {
    const report = build(sample, { signal: "SIGINT", exitCode: 130 });
    expect(report.schemaVersion).toBe(1);
    expect(report.run).toMatchObject({
      command: "upgrade_db",
      camcopsMetaVersion: "0.1.0",
      startedAt: "2026-11-26T04:10:00.000Z",
      endedAt: "2026-11-26T04:14:12.000Z",
      durationMs: 252_000,
      exitCode: 130,
      signal: "SIGINT",
      jobs: 4,
    });
    expect(report.totals).toEqual({
      total: 8,
      ok: 1,
      failed: 2,
      timeout: 1,
      invalid: 1,
      skipped: 1,
      "not started": 1,
      interrupted: 1,
    });
  });

  it("lists configs in sorted order with their attempts", () => {
    const report = build(sample);
    expect(report.configs.map((c) => c.site)).toEqual([
      "camcops_a",
      "camcops_b",
      "camcops_c",
      "camcops_d",
      "camcops_e",
      "camcops_f",
      "camcops_g",
      "camcops_h",
    ]);
    const b = report.configs[1]!;
    expect(b).toMatchObject({
      path: "/etc/camcops/camcops_b.conf",
      realPath: "/etc/camcops/camcops_b.conf",
      result: "failed",
      exitCode: 3,
      durationMs: 4000,
      logFile: "/var/log/cm/camcops_b.log",
      tail: ["boom"],
      database: {
        url: "mysql+mysqldb://camcops:***@localhost:3306/camcops_b?charset=utf8",
        identity: "mysql://localhost:3306/camcops_b",
        dialect: "mysql",
        host: "localhost",
        port: 3306,
        database: "camcops_b",
      },
    });
    expect(b.attempts).toEqual([
      {
        startedAt: "2026-11-26T04:10:00.000Z",
        endedAt: "2026-11-26T04:10:01.500Z",
        durationMs: 1500,
        exitCode: 3,
        signal: null,
        result: "failed",
        spawnError: null,
      },
      {
        startedAt: "2026-11-26T04:10:02.000Z",
        endedAt: "2026-11-26T04:10:04.500Z",
        durationMs: 2500,
        exitCode: 3,
        signal: null,
        result: "failed",
        spawnError: null,
      },
    ]);
    expect(report.configs[2]).toMatchObject({
      database: null,
      format: null,
      problems: [{ severity: "error", line: 7, message: "DB_URL is missing" }],
    });
  });

  it("hides every known secret wherever it appears", () => {
    const leaky = makeResult({
      site: "s",
      result: "failed",
      exitCode: 1,
      tail: ["login hunter2"],
      reason: "hunter2 rejected",
      run: makeRun("s", {
        config: makeConfig("s", {
          secrets: ["hunter2"],
          problems: [{ severity: "warning", line: 3, message: "odd value hunter2" }],
        }),
      }),
    });
    const report = buildReport({
      ccCommand: "upgrade_db",
      argvTemplate: ["camcops_server", "--password=hunter2"],
      version: "0.1.0",
      startedAt: T0,
      endedAt: T0,
      exitCode: 1,
      signal: null,
      jobs: 1,
      options: { ccargs: ["--x=hunter2"] },
      results: [leaky],
    });
    const text = JSON.stringify(report);
    expect(text).not.toContain("hunter2");
    expect(report.configs[0]!.tail).toEqual(["login ***"]);
    expect(report.run.options).toEqual({ ccargs: ["--x=***"] });
  });
});
