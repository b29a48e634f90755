// Fault injection, end to end: children that fail, die of signals, hang, ignore SIGTERM, leave grandchildren.
import { afterAll, describe, expect, it } from "vitest";
import { eventsOf, isAlive, removeTempDirs } from "../helpers/fake-camcops.js";
import {
  assertRunLeftNothing,
  configOf,
  makeSites,
  runMeta,
  summaryRow,
  totalsLine,
} from "../helpers/fault-run.js";

afterAll(() => removeTempDirs());

describe("children that fail (end to end)", () => {
  it("exit 1, 2, 137 and deaths by SIGKILL or SIGSEGV are failures, each with its code or signal shown", async () => {
    const cases = [
      { site: "exit_one", fake: "exit=1", exit: "1", code: 1, signal: null },
      { site: "exit_two", fake: "exit=2", exit: "2", code: 2, signal: null },
      { site: "exit_137", fake: "exit=137", exit: "137", code: 137, signal: null },
      { site: "killed", fake: "signal=SIGKILL", exit: "SIGKILL", code: null, signal: "SIGKILL" },
      { site: "segv", fake: "signal=SIGSEGV", exit: "SIGSEGV", code: null, signal: "SIGSEGV" },
    ];
    const dir = makeSites({
      fine: undefined,
      ...Object.fromEntries(cases.map(({ site, fake }) => [site, fake])),
    });
    const { result, report, record, events } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "-j",
      "6",
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(eventsOf(events, "start")).toHaveLength(6);
    expect(summaryRow(result.stdout, "fine")).toMatchObject({ result: "ok", exit: "0" });
    expect(configOf(report, "fine")).toMatchObject({ result: "ok", exitCode: 0, signal: null });
    for (const { site, exit, code, signal } of cases) {
      expect(summaryRow(result.stdout, site), site).toMatchObject({ result: "failed", exit });
      const how = signal === null ? `exit ${exit}` : `signal ${exit}`;
      expect(result.stdout, site).toContain(`${site}: failed (${how})`);
      expect(configOf(report, site), site).toMatchObject({
        result: "failed",
        exitCode: code,
        signal,
      });
    }
    expect(totalsLine(result.stdout)).toMatch(/^upgrade_db on 6 configs: 1 ok, 5 failed in /);
    expect(report?.run.exitCode).toBe(1);
    expect(report?.totals).toMatchObject({ total: 6, ok: 1, failed: 5 });
    await assertRunLeftNothing(record, 6);
  });

  it("a child that hangs is stopped by --timeout 1s: result timeout, exit 1", async () => {
    const dir = makeSites({ stuck: "hang", quick: undefined });
    const { result, report, record, events } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--timeout",
      "1s",
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(summaryRow(result.stdout, "stuck").result).toBe("timeout");
    expect(summaryRow(result.stdout, "quick").result).toBe("ok");
    expect(result.stdout).toMatch(/^stuck: timeout/m);
    expect(configOf(report, "stuck")).toMatchObject({ result: "timeout", signal: "SIGTERM" });
    // It got SIGTERM (and died of it: the stand-in does not ignore it here).
    expect(eventsOf(events, "term").map((e) => e.ignored)).toEqual([false]);
    expect(totalsLine(result.stdout)).toMatch(/: 1 ok, 1 timeout in /);
    await assertRunLeftNothing(record, 2);
  });

  it("a child that ignores SIGTERM gets SIGKILL after --kill-grace: result timeout, process gone", async () => {
    const dir = makeSites({ stubborn: "hang ignore-term" });
    const { result, report, record, events } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--timeout",
      "1s",
      "--kill-grace",
      "1s",
    ]);
    expect(result.code, result.stderr).toBe(1);
    const terms = eventsOf(events, "term");
    expect(terms.length).toBeGreaterThanOrEqual(1);
    expect(terms.every((e) => e.ignored)).toBe(true);
    // It never ended by itself: no end event; SIGKILL ended it.
    expect(eventsOf(events, "end")).toEqual([]);
    const stubborn = configOf(report, "stubborn");
    expect(stubborn).toMatchObject({ result: "timeout", signal: "SIGKILL", exitCode: null });
    // SIGKILL came only after the timeout and then the whole grace period (not at once).
    expect(stubborn.attempts[0]!.durationMs).toBeGreaterThanOrEqual(1900);
    expect(summaryRow(result.stdout, "stubborn")).toMatchObject({
      result: "timeout",
      exit: "SIGKILL",
    });
    await assertRunLeftNothing(record, 1);
  });

  it("grandchildren meant to outlive the child (with or without its pipes) are stopped, with a warning", async () => {
    const dir = makeSites({ spawner: "grandchild", piper: "grandchild-pipes", plain: undefined });
    const { result, report, record, events } = await runMeta(
      ["upgrade_db", "-f", `${dir}/*.conf`],
      // The grandchildren sleep 300 s: finishing within this safety net means camcops-meta did not wait for them.
      { timeoutMs: 30_000 },
    );
    expect(result.code, result.stderr).toBe(0);
    const grandchildren = eventsOf(events, "grandchild");
    expect(grandchildren).toHaveLength(2);
    for (const site of ["spawner", "piper", "plain"]) {
      expect(summaryRow(result.stdout, site).result, site).toBe("ok");
      expect(configOf(report, site).result, site).toBe("ok");
    }
    for (const site of ["spawner", "piper"]) {
      expect(result.stderr).toMatch(
        new RegExp(`warning ${site}: processes .*still running after it exited; they were stopped`),
      );
    }
    expect(result.stderr).not.toMatch(/warning plain:/);
    for (const { pid } of grandchildren) expect(isAlive(pid), `grandchild ${pid}`).toBe(false);
    await assertRunLeftNothing(record, 5);
  });
});

describe("retries and --bail (end to end)", () => {
  it("--retries 2 with succeed-after=3: ok after 3 attempts, all in the report", async () => {
    const dir = makeSites({ flaky: "succeed-after=3", steady: undefined });
    const { result, report, record, events } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--retries",
      "2",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const flaky = configOf(report, "flaky");
    expect(flaky.result).toBe("ok");
    expect(flaky.attempts.map((a) => [a.result, a.exitCode])).toEqual([
      ["failed", 1],
      ["failed", 1],
      ["ok", 0],
    ]);
    expect(configOf(report, "steady").attempts).toHaveLength(1);
    expect(summaryRow(result.stdout, "flaky").result).toBe("ok");
    expect(eventsOf(events, "start").filter((e) => e.config.endsWith("flaky.conf"))).toHaveLength(
      3,
    );
    await assertRunLeftNothing(record, 4);
  });

  it("--retries 1 with succeed-after=3 is not enough: failed after 2 attempts", async () => {
    const dir = makeSites({ flaky: "succeed-after=3" });
    const { result, report } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--retries",
      "1",
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(configOf(report, "flaky")).toMatchObject({ result: "failed", exitCode: 1 });
    expect(configOf(report, "flaky").attempts).toHaveLength(2);
  });

  it("--bail with -j 1: after the first failure the later ones are not started, exit 1", async () => {
    const dir = makeSites({
      a_ok: undefined,
      b_fails: "exit=4",
      c_later: undefined,
      d_later: undefined,
    });
    const { result, report, record, events } = await runMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "-j",
      "1",
      "--bail",
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(eventsOf(events, "start").map((e) => e.config.split("/").at(-1))).toEqual([
      "a_ok.conf",
      "b_fails.conf",
    ]);
    expect(summaryRow(result.stdout, "a_ok").result).toBe("ok");
    expect(summaryRow(result.stdout, "b_fails")).toMatchObject({ result: "failed", exit: "4" });
    for (const site of ["c_later", "d_later"]) {
      expect(summaryRow(result.stdout, site).result, site).toBe("not started");
      expect(configOf(report, site)).toMatchObject({ result: "not started", attempts: [] });
    }
    expect(totalsLine(result.stdout)).toMatch(/: 1 ok, 1 failed, 2 not started in /);
    await assertRunLeftNothing(record, 2);
  });
});
