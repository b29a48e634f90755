// Fault injection, end to end: SIGINT, SIGTERM and SIGHUP sent to camcops-meta in the middle of a run.
import { afterAll, describe, expect, it } from "vitest";
import { eventsOf, readRecord, removeTempDirs, waitForRecord } from "../helpers/fake-camcops.js";
import {
  assertRunLeftNothing,
  configOf,
  makeSites,
  readReportFile,
  startMeta,
  summaryRow,
  totalsLine,
} from "../helpers/fault-run.js";

afterAll(() => removeTempDirs());

/** Four sites that never finish by themselves; at -j 2 two run and two wait. */
const HANGING = { a_run: "hang", b_run: "hang", c_wait: "hang", d_wait: "hang" };

const cases = [
  { how: "kill", signal: "SIGINT", code: 130 },
  { how: "kill", signal: "SIGTERM", code: 143 },
  { how: "killGroup", signal: "SIGINT", code: 130 },
  { how: "kill", signal: "SIGHUP", code: 129 },
] as const;

describe("signals sent to camcops-meta (end to end)", () => {
  it.each(cases)(
    "$how $signal mid-run: exit $code, summary and report, running interrupted, waiting not started, nothing left",
    async ({ how, signal, code }) => {
      const dir = makeSites(HANGING);
      const { handle, record, reportFile } = startMeta(
        ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "2"],
        {
          timeoutMs: 30_000,
        },
      );
      await waitForRecord(record, (events) => eventsOf(events, "start").length === 2);
      handle[how](signal);
      const result = await handle.result;
      expect(result.code, result.stderr).toBe(code);
      expect(result.stderr).toContain(`interrupt signal=${signal}`);
      for (const site of ["a_run", "b_run"])
        expect(summaryRow(result.stdout, site).result, site).toBe("interrupted");
      for (const site of ["c_wait", "d_wait"])
        expect(summaryRow(result.stdout, site).result, site).toBe("not started");
      expect(totalsLine(result.stdout)).toMatch(/: 2 not started, 2 interrupted in /);
      const report = readReportFile(reportFile);
      expect(report?.run).toMatchObject({ exitCode: code, signal });
      expect(report?.totals).toMatchObject({ interrupted: 2, "not started": 2, total: 4 });
      expect(configOf(report, "c_wait").attempts).toEqual([]);
      const events = readRecord(record);
      // Only the two running ones ever started, and each was sent SIGTERM.
      expect(eventsOf(events, "start").map((e) => e.config.split("/").at(-1))).toEqual(
        expect.arrayContaining(["a_run.conf", "b_run.conf"]),
      );
      expect(eventsOf(events, "start")).toHaveLength(2);
      expect(eventsOf(events, "term")).toHaveLength(2);
      await assertRunLeftNothing(record, 2);
    },
  );

  it("SIGINT with a child that ignores SIGTERM: SIGKILL after --kill-grace 1s, exit 130", async () => {
    const dir = makeSites({ stubborn: "hang ignore-term", polite: "hang" });
    const { handle, record, reportFile } = startMeta(
      ["upgrade_db", "-f", `${dir}/*.conf`, "--kill-grace", "1s"],
      {
        timeoutMs: 30_000,
      },
    );
    await waitForRecord(record, (events) => eventsOf(events, "start").length === 2);
    handle.kill("SIGINT");
    const result = await handle.result;
    expect(result.code, result.stderr).toBe(130);
    const events = readRecord(record);
    const term = eventsOf(events, "term").find((e) => e.config.endsWith("stubborn.conf"));
    expect(term?.ignored).toBe(true);
    const report = readReportFile(reportFile);
    const stubborn = configOf(report, "stubborn");
    expect(stubborn).toMatchObject({ result: "interrupted", signal: "SIGKILL" });
    expect(configOf(report, "polite")).toMatchObject({ result: "interrupted", signal: "SIGTERM" });
    // SIGKILL came after the grace period, not with the SIGTERM.
    expect(Date.parse(stubborn.attempts[0]!.endedAt) - term!.t).toBeGreaterThanOrEqual(900);
    expect(summaryRow(result.stdout, "stubborn")).toMatchObject({
      result: "interrupted",
      exit: "SIGKILL",
    });
    await assertRunLeftNothing(record, 2);
  });

  it("a second SIGINT kills at once, without waiting out a 30 s grace: exit 130", async () => {
    const dir = makeSites({ stubborn: "hang ignore-term", waiting: undefined });
    const { handle, record, reportFile } = startMeta(
      ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "1", "--kill-grace", "30s"],
      // A sanity bound only: waiting out the grace would take 30 s.
      { timeoutMs: 25_000 },
    );
    await waitForRecord(record, (events) => eventsOf(events, "start").length === 1);
    handle.kill("SIGINT");
    // The first SIGINT was passed on as SIGTERM, which the child ignored: it is still running.
    const [term] = eventsOf(
      await waitForRecord(record, (events) => eventsOf(events, "term").length === 1),
      "term",
    );
    expect(term?.ignored).toBe(true);
    expect(handle.child.exitCode).toBeNull();
    handle.kill("SIGINT");
    const result = await handle.result;
    expect(result.code, result.stderr).toBe(130);
    const report = readReportFile(reportFile);
    expect(report?.run).toMatchObject({ exitCode: 130, signal: "SIGINT" });
    expect(report!.run.durationMs).toBeLessThan(30_000);
    expect(configOf(report, "stubborn")).toMatchObject({
      result: "interrupted",
      signal: "SIGKILL",
    });
    expect(configOf(report, "waiting").result).toBe("not started");
    expect(summaryRow(result.stdout, "stubborn").result).toBe("interrupted");
    await assertRunLeftNothing(record, 1);
  });
});
