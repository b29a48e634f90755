// Fault injection, end to end: the command catalogue (refused, never-ending, destructive and unknown commands).
import { afterAll, describe, expect, it } from "vitest";
import { eventsOf, removeTempDirs } from "../helpers/fake-camcops.js";
import {
  assertRunLeftNothing,
  configOf,
  makeSites,
  runMeta,
  summaryRow,
  totalsLine,
} from "../helpers/fault-run.js";

afterAll(() => removeTempDirs());

const THREE = { one: undefined, two: undefined, three: undefined };

describe("the command catalogue (end to end)", () => {
  it("docs takes no config: refused, exit 2, nothing ran", async () => {
    const dir = makeSites(THREE);
    const { result, events, report } = await runMeta(["docs", "-f", `${dir}/*.conf`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"docs" takes no config file/);
    expect(events).toEqual([]);
    expect(report).toBeNull();
  });

  it("serve_pyramid never ends: refused with 3 configs at -j 2 (exit 2, nothing ran)", async () => {
    const dir = makeSites(THREE);
    const { result, events } = await runMeta(["serve_pyramid", "-f", `${dir}/*.conf`, "-j", "2"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"serve_pyramid" never ends/);
    expect(result.stderr).toMatch(/--jobs 3/);
    expect(events).toEqual([]);
  });

  it("serve_pyramid at -j 3 runs every config at once; --timeout 1s stops them: timeout, exit 1", async () => {
    const dir = makeSites(THREE);
    const { result, report, events, record } = await runMeta([
      "serve_pyramid",
      "-f",
      `${dir}/*.conf`,
      "-j",
      "3",
      "--timeout",
      "1s",
    ]);
    expect(result.code, result.stderr).toBe(1);
    const starts = eventsOf(events, "start");
    expect(starts).toHaveLength(3);
    expect(starts.every((e) => e.command === "serve_pyramid")).toBe(true);
    // All three were serving at once: every one started before the first was stopped.
    const terms = eventsOf(events, "term");
    expect(terms).toHaveLength(3);
    expect(Math.max(...starts.map((e) => e.t))).toBeLessThan(Math.min(...terms.map((e) => e.t)));
    for (const site of Object.keys(THREE)) {
      expect(summaryRow(result.stdout, site).result, site).toBe("timeout");
      expect(configOf(report, site).result, site).toBe("timeout");
    }
    expect(totalsLine(result.stdout, "serve_pyramid")).toMatch(/: 3 timeout in /);
    await assertRunLeftNothing(record, 3);
  });

  it("dev_downgrade_db without --yes and without a terminal: exit 2, nothing ran", async () => {
    const dir = makeSites(THREE);
    const { result, events, report } = await runMeta([
      "dev_downgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--ccargs",
      "destination_db_revision=0001",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"dev_downgrade_db" may destroy data/);
    expect(result.stderr).toMatch(/--yes/);
    expect(events).toEqual([]);
    expect(report).toBeNull();
  });

  it("dev_downgrade_db with --yes runs on every config", async () => {
    const dir = makeSites(THREE);
    const { result, events, record } = await runMeta([
      "dev_downgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--yes",
      "--ccargs",
      "destination_db_revision=0001",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const starts = eventsOf(events, "start");
    expect(starts).toHaveLength(3);
    for (const start of starts) {
      expect(start.argv).toEqual([
        "dev_downgrade_db",
        "--config",
        start.config,
        "--destination_db_revision=0001",
      ]);
    }
    expect(totalsLine(result.stdout, "dev_downgrade_db")).toMatch(/: 3 ok in /);
    await assertRunLeftNothing(record, 3);
  });

  it("an unknown command runs anyway, with a warning on stderr", async () => {
    const dir = makeSites({ one: undefined, two: undefined });
    const { result, events } = await runMeta(["frobnicate_db", "-f", `${dir}/*.conf`]);
    expect(result.stderr).toMatch(/warning "frobnicate_db" is not a camcops_server command/);
    // It was run: the stand-in (v2.4.24) itself rejects the command, as an older camcops_server would.
    const rejected = eventsOf(events, "usage-error");
    expect(rejected).toHaveLength(2);
    for (const event of rejected) expect(event.argv[0]).toBe("frobnicate_db");
    expect(result.code).toBe(1);
    expect(summaryRow(result.stdout, "one")).toMatchObject({ result: "failed", exit: "2" });
  });
});
