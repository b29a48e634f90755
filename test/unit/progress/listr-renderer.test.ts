import { afterEach, describe, expect, it, vi } from "vitest";
import { createListrRenderer } from "../../../src/progress/listr-renderer.js";
import type { RunEvent } from "../../../src/run/run-events.js";
import { makeResult, makeRun, T0 } from "../../helpers/make-results.js";

/** A fake terminal that keeps everything written to it. */
function fakeTerminal(columns = 100, rows = 40) {
  const terminal = {
    text: "",
    isTTY: true,
    columns,
    rows,
    write(chunk: string): boolean {
      terminal.text += chunk;
      return true;
    },
  };
  return terminal;
}

/** Every frame drawn so far (log-update starts each with a cursor move to column 1), without escapes. */
function framesOf(text: string): string[] {
  return text.split("\x1b[G").map((frame) => frame.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ""));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createListrRenderer, one row per config", () => {
  const runs = ["camcops_a", "camcops_b", "camcops_c", "camcops_d", "camcops_e"].map((s) =>
    makeRun(s),
  );
  const [a, b, c, d, e] = runs as [
    (typeof runs)[0],
    (typeof runs)[0],
    (typeof runs)[0],
    (typeof runs)[0],
    (typeof runs)[0],
  ];

  it("shows waiting and running rows, then every result, on the given stream only", async () => {
    const stdout = vi.spyOn(process.stdout, "write");
    const terminal = fakeTerminal();
    let clock = T0;
    const renderer = createListrRenderer({
      stream: terminal,
      command: "upgrade_db",
      color: false,
      now: () => clock,
      refreshMs: 5,
      spinner: false,
    });
    renderer.onEvent({ type: "plan", runs, jobs: 2 });
    renderer.onEvent({ type: "start", run: a, attempt: 1, pid: 10, at: clock });
    renderer.onEvent({ type: "start", run: b, attempt: 1, pid: 11, at: clock });
    clock += 12_000;
    renderer.onEvent({
      type: "output",
      run: a,
      stream: "stdout",
      line: "Upgrading to revision 0042",
      at: clock,
    });

    await vi.waitFor(
      () => {
        const frame = framesOf(terminal.text).at(-1)!;
        expect(frame).toContain("upgrade_db: 0/5 done, 2 running");
        expect(frame).toMatch(/camcops_a {2}running 12\.0s {2}› Upgrading to revision 0042/);
        expect(frame).toMatch(/camcops_b {2}running 12\.0s/);
        expect(frame).toMatch(/◼ camcops_c {2}waiting/);
      },
      { timeout: 10_000, interval: 20 },
    );

    const finish = (event: Parameters<typeof makeResult>[0]): RunEvent => ({
      type: "finish",
      result: makeResult(event),
      at: clock,
    });
    renderer.onEvent(finish({ site: "camcops_a", result: "ok", durationMs: 1200, run: a }));
    renderer.onEvent(
      finish({ site: "camcops_b", result: "failed", exitCode: 3, durationMs: 4000, run: b }),
    );
    renderer.onEvent(
      finish({
        site: "camcops_c",
        result: "skipped",
        reason: "same database as camcops_a",
        run: c,
      }),
    );
    renderer.onEvent(
      finish({
        site: "camcops_d",
        result: "invalid",
        reason: "d.conf:7: DB_URL is missing",
        run: d,
      }),
    );
    renderer.onEvent({ type: "start", run: e, attempt: 1, pid: 12, at: clock });
    renderer.onEvent(
      finish({
        site: "camcops_e",
        result: "timeout",
        signal: "SIGKILL",
        durationMs: 90_000,
        run: e,
      }),
    );
    await renderer.close();

    const final = framesOf(terminal.text).at(-1)!.trimEnd().split("\n");
    expect(final).toEqual([
      "✖ upgrade_db: 5/5 done, 0 running, 3 failed",
      "✔ camcops_a  ok  exit 0  1.2s",
      "✖ camcops_b  failed  exit 3  4.0s",
      "↓ camcops_c  skipped  same database as camcops_a",
      "✖ camcops_d  invalid  d.conf:7: DB_URL is missing",
      "✖ camcops_e  timeout  SIGKILL  1m30s",
    ]);
    expect(terminal.text).not.toMatch(/\x1b\[3\dm/);
    const leaked = stdout.mock.calls.map((call) => String(call[0])).join("");
    expect(leaked).not.toContain("camcops_");
  });

  it("colours when asked", async () => {
    const terminal = fakeTerminal();
    const renderer = createListrRenderer({
      stream: terminal,
      command: "upgrade_db",
      color: true,
      refreshMs: 0,
      spinner: false,
    });
    renderer.onEvent({ type: "plan", runs: [a], jobs: 1 });
    renderer.onEvent({
      type: "finish",
      result: makeResult({ site: "camcops_a", result: "failed", run: a, exitCode: 1 }),
      at: T0,
    });
    await renderer.close();
    expect(terminal.text).toContain("\x1b[31mfailed\x1b[39m");
  });

  it("prints warnings before the list at once and those during it after it", async () => {
    const terminal = fakeTerminal();
    const renderer = createListrRenderer({
      stream: terminal,
      command: "upgrade_db",
      color: false,
      refreshMs: 0,
      spinner: false,
    });
    renderer.onEvent({ type: "warning", message: "spec x matched nothing", at: T0 });
    expect(terminal.text).toBe("warning: spec x matched nothing\n");
    renderer.onEvent({ type: "plan", runs: [a], jobs: 1 });
    renderer.onEvent({ type: "warning", message: "a.conf is readable by every user", at: T0 });
    renderer.onEvent({
      type: "finish",
      result: makeResult({ site: "camcops_a", result: "ok", run: a }),
      at: T0,
    });
    await renderer.close();
    expect(terminal.text.endsWith("warning: a.conf is readable by every user\n")).toBe(true);
    expect(framesOf(terminal.text).at(-1)).toContain("✔ upgrade_db: 1/1 done, 0 running");
  });

  it("shows an interruption in the header", async () => {
    const terminal = fakeTerminal();
    const renderer = createListrRenderer({
      stream: terminal,
      command: "upgrade_db",
      color: false,
      refreshMs: 0,
      spinner: false,
    });
    renderer.onEvent({ type: "plan", runs: [a], jobs: 1 });
    renderer.onEvent({ type: "start", run: a, attempt: 1, pid: 1, at: T0 });
    renderer.onEvent({ type: "interrupt", signal: "SIGINT", at: T0 });
    renderer.onEvent({
      type: "finish",
      result: makeResult({ site: "camcops_a", result: "interrupted", signal: "SIGTERM", run: a }),
      at: T0,
    });
    await renderer.close();
    const final = framesOf(terminal.text).at(-1)!;
    expect(final).toContain("upgrade_db: 1/1 done, 0 running, 1 failed, interrupted by SIGINT");
    expect(final).toContain("✖ camcops_a  interrupted  SIGTERM");
  });

  it("ends its rows when closed before every result arrived", async () => {
    const terminal = fakeTerminal();
    const renderer = createListrRenderer({
      stream: terminal,
      command: "x",
      color: false,
      refreshMs: 0,
      spinner: false,
    });
    renderer.onEvent({ type: "plan", runs: [a, b], jobs: 1 });
    renderer.onEvent({ type: "start", run: a, attempt: 1, pid: 1, at: T0 });
    await expect(renderer.close()).resolves.toBeUndefined();
  });
});

describe("createListrRenderer, large runs", () => {
  it("shows running configs and failures instead of a row per config", async () => {
    const terminal = fakeTerminal(80, 24);
    const runs = Array.from({ length: 200 }, (_, i) =>
      makeRun(`site_${String(i).padStart(3, "0")}`),
    );
    let clock = T0;
    const renderer = createListrRenderer({
      stream: terminal,
      command: "upgrade_db",
      color: false,
      now: () => clock,
      refreshMs: 5,
      spinner: false,
      maxRows: 10,
    });
    renderer.onEvent({ type: "plan", runs, jobs: 4 });
    const failing = new Set([7, 50, 51, 52, 120]);
    for (let i = 0; i < runs.length; i++) {
      renderer.onEvent({ type: "start", run: runs[i]!, attempt: 1, pid: i, at: clock });
      clock += 100;
      if (i >= 4) {
        const j = i - 4;
        const failed = failing.has(j);
        renderer.onEvent({
          type: "finish",
          result: makeResult({
            site: "",
            result: failed ? "failed" : "ok",
            exitCode: failed ? 1 : 0,
            run: runs[j],
          }),
          at: clock,
        });
      }
      if (i === 100) {
        await vi.waitFor(
          () => {
            const frame = framesOf(terminal.text).at(-1)!;
            expect(frame).toContain("upgrade_db: 97/200 done, 4 running, 4 failed");
            expect(frame).toContain("running 4, waiting 99");
            expect(frame).toMatch(/site_100 {2}running/);
            expect(frame.split("\n").length).toBeLessThanOrEqual(14);
          },
          { timeout: 10_000, interval: 20 },
        );
      }
    }
    for (let j = runs.length - 4; j < runs.length; j++) {
      renderer.onEvent({
        type: "finish",
        result: makeResult({ site: "", result: "ok", run: runs[j] }),
        at: clock,
      });
    }
    await renderer.close();
    const final = framesOf(terminal.text).at(-1)!.trimEnd().split("\n");
    expect(final[0]).toBe("✖ upgrade_db: 200/200 done, 0 running, 5 failed");
    expect(final).toContain("✖ 5 failed");
    expect(final).toContain("  site_007  failed  exit 1  1.2s");
    expect(final.at(-1)).toMatch(/… and \d+ more \(all in the summary\)/);
    expect(final.join("\n")).not.toContain("site_008");
    expect(final.length).toBeLessThanOrEqual(12);
  });
});
