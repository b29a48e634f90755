import { describe, expect, it } from "vitest";
import type { PlannedRun } from "../../src/plan/planned-run.js";
import type { RunEvent } from "../../src/run/run-events.js";
import { runPlan } from "../../src/run/run-plan.js";
import { createFakeWorld, type FakeBehaviour } from "../helpers/fake-spawn.js";
import { makeConfig, makeDatabase, makeRun } from "../helpers/make-results.js";

const configPath = (site: string) => `/etc/camcops/${site}.conf`;

function start(
  runs: PlannedRun[],
  behaviours: Record<string, FakeBehaviour>,
  options: Partial<Parameters<typeof runPlan>[1]> = {},
) {
  const world = createFakeWorld((config) => behaviours[config.replace(/^.*\/|\.conf$/g, "")] ?? {});
  const events: RunEvent[] = [];
  const controller = runPlan(runs, {
    jobs: 4,
    timeoutMs: null,
    killGraceMs: 50,
    retries: 0,
    bail: false,
    useHistory: false,
    liveOutput: "none",
    onEvent: (event) => events.push(event),
    getMask: () => (text) => text.replaceAll("hunter2", "***"),
    spawn: world.spawn,
    signalGroup: world.signalGroup,
    ...options,
  });
  return { world, events, controller };
}

const sites = (count: number) =>
  Array.from({ length: count }, (_, index) => makeRun(`s${String(index).padStart(2, "0")}`));

describe("runPlan", () => {
  it("runs every config with at most --jobs at once and returns results in plan order", async () => {
    const runs = sites(10);
    const { world, controller } = start(runs, {}, { jobs: 3 });
    const results = await controller.done;
    expect(results.map((result) => result.run)).toEqual(runs);
    expect(results.every((result) => result.result === "ok" && result.attempts.length === 1)).toBe(
      true,
    );
    expect(world.getMaxConcurrent()).toBe(3);
  });

  it("-j 1 starts configs in sorted order", async () => {
    const runs = sites(5);
    const { world, controller } = start(runs, {}, { jobs: 1 });
    await controller.done;
    expect(world.children.map((child) => child.config)).toEqual(runs.map((run) => run.config.path));
  });

  it("never runs two configs of one database at the same time", async () => {
    const shared = makeDatabase("shared");
    const runs = ["a", "b", "c", "d"].map((site) =>
      makeRun(site, { config: makeConfig(site, { database: shared }) }),
    );
    const { world, controller } = start(runs, {}, { jobs: 4 });
    await controller.done;
    expect(world.getMaxConcurrent()).toBe(1);
    const spans = world.children.map((child) => [child.startedAt, child.endedAt!] as const);
    for (let index = 1; index < spans.length; index += 1)
      expect(spans[index]![0]).toBeGreaterThanOrEqual(spans[index - 1]![1]);
  });

  it("collects a failure as a result with its output tail, secrets hidden; the others still run", async () => {
    const runs = sites(3);
    const { controller } = start(runs, {
      s01: { exitCode: 3, output: "connecting\npassword hunter2 rejected\n" },
    });
    const results = await controller.done;
    expect(results.map((result) => result.result)).toEqual(["ok", "failed", "ok"]);
    expect(results[1]!.exitCode).toBe(3);
    expect(results[1]!.tail).toEqual(["connecting", "password *** rejected"]);
  });

  it("retries a failed config and records each attempt", async () => {
    const { controller, events } = start(
      [makeRun("a")],
      { a: { attempts: [1, 1, 0] } },
      { retries: 2 },
    );
    const [result] = await controller.done;
    expect(result!.result).toBe("ok");
    expect(result!.attempts.map((attempt) => attempt.exitCode)).toEqual([1, 1, 0]);
    expect(events.filter((event) => event.type === "retry")).toHaveLength(2);
  });

  it("stops retrying after N more tries", async () => {
    const { controller } = start([makeRun("a")], { a: { exitCode: 4 } }, { retries: 1 });
    const [result] = await controller.done;
    expect(result!.result).toBe("failed");
    expect(result!.attempts).toHaveLength(2);
  });

  it("--bail starts nothing new after the first failure", async () => {
    const runs = sites(4);
    const { controller } = start(runs, { s00: { exitCode: 1 } }, { jobs: 1, bail: true });
    const results = await controller.done;
    expect(results.map((result) => result.result)).toEqual([
      "failed",
      "not started",
      "not started",
      "not started",
    ]);
    expect(results[1]!.reason).toMatch(/--bail/);
  });

  it("--bail also stops retries of configs already running", async () => {
    const { controller } = start(
      sites(2),
      { s00: { exitCode: 1, ms: 10 }, s01: { exitCode: 1, ms: 60 } },
      { jobs: 2, bail: true, retries: 3 },
    );
    const results = await controller.done;
    // s00 fails fast and retries until it is finally failed; s01's first failure comes after the bail.
    expect(results[1]!.result).toBe("failed");
    expect(results[1]!.attempts).toHaveLength(1);
  });

  it("a timeout sends SIGTERM to the group, SIGKILL after the grace when ignored", async () => {
    const { controller, world } = start(
      sites(2),
      { s00: { exitCode: null }, s01: { exitCode: null, ignoreTerm: true } },
      { timeoutMs: 30, killGraceMs: 60 },
    );
    const results = await controller.done;
    expect(results.map((result) => result.result)).toEqual(["timeout", "timeout"]);
    expect(world.children.map((child) => child.signals)).toEqual([
      ["SIGTERM"],
      ["SIGTERM", "SIGKILL"],
    ]);
    expect(results[1]!.signal).toBe("SIGKILL");
  });

  it("an interrupt stops running children, starts nothing new, and says so", async () => {
    const { controller, world, events } = start(
      sites(5),
      Object.fromEntries(sites(5).map((run) => [run.config.site, { exitCode: null }])),
      { jobs: 2 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.interrupt("SIGINT");
    const results = await controller.done;
    expect(results.map((result) => result.result)).toEqual([
      "interrupted",
      "interrupted",
      "not started",
      "not started",
      "not started",
    ]);
    expect(world.children).toHaveLength(2);
    expect(events.some((event) => event.type === "interrupt" && event.signal === "SIGINT")).toBe(
      true,
    );
  });

  it("a second interrupt kills at once", async () => {
    const { controller, world } = start(
      [makeRun("a")],
      { a: { exitCode: null, ignoreTerm: true } },
      { killGraceMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.interrupt("SIGINT");
    controller.interrupt("SIGINT");
    const [result] = await controller.done;
    expect(result!.result).toBe("interrupted");
    expect(world.children[0]!.signals).toEqual(["SIGTERM", "SIGKILL"]);
  });

  it("killAll sends SIGKILL to every running group at once", async () => {
    const { controller, world } = start(
      sites(2),
      { s00: { exitCode: null, ignoreTerm: true }, s01: { exitCode: null, ignoreTerm: true } },
      { killGraceMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.killAll();
    await controller.done;
    expect(world.children.map((child) => child.signals.at(-1))).toEqual(["SIGKILL", "SIGKILL"]);
  });

  it("reports invalid and skipped configs without running them", async () => {
    const runs = [
      makeRun("a"),
      makeRun("b", { preResult: "invalid", preReason: "b.conf:3: bad", command: null }),
      makeRun("c", { preResult: "skipped", preReason: "same database as a" }),
    ];
    const { controller, world } = start(runs, {});
    const results = await controller.done;
    expect(results.map((result) => [result.result, result.reason])).toEqual([
      ["ok", null],
      ["invalid", "b.conf:3: bad"],
      ["skipped", "same database as a"],
    ]);
    expect(world.children.map((child) => child.config)).toEqual([configPath("a")]);
  });

  it("a child that cannot start is a failure with the reason", async () => {
    const { controller } = start(
      [makeRun("a")],
      { a: { spawnError: "executable not found" } },
      { retries: 3 },
    );
    const [result] = await controller.done;
    expect(result).toMatchObject({ result: "failed", reason: "executable not found" });
    expect(result!.attempts).toHaveLength(1);
  });

  it("-v turns every output line into an event, secrets hidden", async () => {
    const { controller, events } = start(
      [makeRun("a")],
      { a: { output: "one\ntwo hunter2\nthree" } },
      { liveOutput: "all" },
    );
    await controller.done;
    const lines = events.flatMap((event) => (event.type === "output" ? [event.line] : []));
    expect(lines).toEqual(["one", "two ***", "three"]);
  });

  it("with history, the longest known work starts first", async () => {
    const runs = [
      makeRun("a", { expectedMs: 10 }),
      makeRun("b", { expectedMs: null }),
      makeRun("c", { expectedMs: 90 }),
    ];
    const { controller, world } = start(runs, {}, { jobs: 1, useHistory: true });
    await controller.done;
    expect(world.children.map((child) => child.config)).toEqual([
      configPath("c"),
      configPath("a"),
      configPath("b"),
    ]);
  });
});
