// Fault injection, end to end: several configs on one SQLite database, spelled differently, under -j 8.
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  eventsOf,
  makeTempDir,
  type RecordEvent,
  removeTempDirs,
  writeConfig,
} from "../helpers/fake-camcops.js";
import {
  assertRunLeftNothing,
  configOf,
  mysqlConfig,
  runMeta,
  summaryRow,
  totalsLine,
} from "../helpers/fault-run.js";

afterAll(() => removeTempDirs());

const SHARED = ["lite_a", "lite_b", "lite_link", "lite_relative"];
const OTHERS = ["own_one", "own_two"];

/**
 * Four configs on one SQLite file: twice as `sqlite:////abs/x.db`, once through a symlinked folder,
 * once as `sqlite:///x.db` (relative: the run's cwd is the database's folder); two on their own databases.
 */
function makeSharedSqliteSites(): { dir: string; cwd: string } {
  const dir = makeTempDir();
  const dbDir = makeTempDir();
  const dbFile = path.join(dbDir, "x.db");
  writeFileSync(dbFile, "");
  const link = path.join(makeTempDir(), "link-to-db");
  symlinkSync(dbDir, link);
  const sqlite = (dbUrl: string) => ({ format: "current" as const, dbUrl, fake: "sleep=0.5" });
  writeConfig(dir, "lite_a", sqlite(`sqlite:///${dbFile}`));
  writeConfig(dir, "lite_b", sqlite(`sqlite:///${dbFile}`));
  writeConfig(dir, "lite_link", sqlite(`sqlite:///${path.join(link, "x.db")}`));
  writeConfig(dir, "lite_relative", sqlite("sqlite:///x.db"));
  for (const site of OTHERS) writeConfig(dir, site, mysqlConfig(site, "sleep=0.5"));
  return { dir, cwd: dbDir };
}

/** [start, end] of each site's stand-in, from the record. */
function intervalsOf(events: readonly RecordEvent[]): Map<string, [number, number]> {
  const intervals = new Map<string, [number, number]>();
  const site = (config: string) => path.basename(config, ".conf");
  for (const start of eventsOf(events, "start"))
    intervals.set(site(start.config), [start.t, Number.NaN]);
  for (const end of eventsOf(events, "end")) intervals.get(site(end.config))![1] = end.t;
  return intervals;
}

/** True when every one of the intervals was running at one moment. */
function allOverlap(intervals: Array<[number, number]>): boolean {
  return (
    Math.max(...intervals.map(([start]) => start)) < Math.min(...intervals.map(([, end]) => end))
  );
}

/** True when no two of the intervals overlap. */
function noneOverlap(intervals: Array<[number, number]>): boolean {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  return sorted.every((interval, index) => index === 0 || interval[0] >= sorted[index - 1]![1]);
}

describe("configs on one database (end to end)", () => {
  it("serialize (default): the four spellings of one SQLite file never overlap under -j 8; others do", async () => {
    const { dir, cwd } = makeSharedSqliteSites();
    const { result, report, events, record } = await runMeta(
      ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "8"],
      {
        cwd,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const intervals = intervalsOf(events);
    expect([...intervals.keys()].sort()).toEqual([...SHARED, ...OTHERS].sort());
    for (const [site, [start, end]] of intervals) expect(end, site).toBeGreaterThan(start);
    const shared = SHARED.map((site) => intervals.get(site)!);
    expect(noneOverlap(shared), JSON.stringify(Object.fromEntries(intervals))).toBe(true);
    expect(allOverlap(OTHERS.map((site) => intervals.get(site)!))).toBe(true);
    // The others did not wait for the shared chain: they ran alongside its first member.
    expect(
      allOverlap([
        ...OTHERS.map((site) => intervals.get(site)!),
        shared.sort((a, b) => a[0] - b[0])[0]!,
      ]),
    ).toBe(true);
    for (const site of [...SHARED, ...OTHERS])
      expect(configOf(report, site).result, site).toBe("ok");
    // The shared database is named once, identically, for all four.
    const identities = new Set(SHARED.map((site) => configOf(report, site).database?.identity));
    expect(identities.size).toBe(1);
    await assertRunLeftNothing(record, 6);
  });

  it("--same-database skip: only the first config of the database runs; the rest are skipped, exit 0", async () => {
    const { dir, cwd } = makeSharedSqliteSites();
    const { result, report, events, record } = await runMeta(
      ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "8", "--same-database", "skip"],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    expect([...intervalsOf(events).keys()].sort()).toEqual(["lite_a", ...OTHERS].sort());
    expect(summaryRow(result.stdout, "lite_a").result).toBe("ok");
    for (const site of SHARED.slice(1)) {
      expect(summaryRow(result.stdout, site).result, site).toBe("skipped");
      expect(configOf(report, site)).toMatchObject({ result: "skipped", attempts: [] });
      expect(configOf(report, site).reason, site).toMatch(/lite_a/);
    }
    expect(totalsLine(result.stdout)).toMatch(/: 3 ok, 3 skipped in /);
    await assertRunLeftNothing(record, 3);
  });

  it("--same-database allow: configs on one database run at the same time", async () => {
    const { dir, cwd } = makeSharedSqliteSites();
    const { result, events, record } = await runMeta(
      ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "8", "--same-database", "allow"],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    const intervals = intervalsOf(events);
    expect(
      allOverlap(SHARED.map((site) => intervals.get(site)!)),
      JSON.stringify(Object.fromEntries(intervals)),
    ).toBe(true);
    await assertRunLeftNothing(record, 6);
  });
});
