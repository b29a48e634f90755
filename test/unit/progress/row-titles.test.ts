import { describe, expect, it } from "vitest";
import { createProgressModel } from "../../../src/progress/progress-model.js";
import {
  formatHeaderTitle,
  formatRowTitle,
  renderSegments,
} from "../../../src/progress/row-titles.js";
import { createPaint } from "../../../src/report/paint.js";
import type { RunEvent } from "../../../src/run/run-events.js";
import { makeConfig, makeResult, makeRun, T0 } from "../../helpers/make-results.js";

const plain = createPaint(false);

describe("renderSegments", () => {
  it.each([
    [[{ text: "abc" }, { text: "def" }], 10, "abcdef"],
    [[{ text: "abc" }, { text: "def" }], 6, "abcdef"],
    [[{ text: "abc" }, { text: "def" }], 5, "abcd…"],
    [[{ text: "abcdef" }], 3, "ab…"],
    [[{ text: "abc", style: (t: string) => `[${t}]` }, { text: "def" }], 3, "[ab]…"],
  ])("%j in %d columns is %s", (segments, width, text) => {
    expect(renderSegments(segments, width)).toBe(text);
  });
});

describe("progress model and row titles", () => {
  const run = makeRun("camcops_a", { config: makeConfig("camcops_a", { secrets: ["hunter2"] }) });
  const other = makeRun("camcops_b");

  /** The model after events, and camcops_a's row title at a given time. */
  function titleAfter(events: RunEvent[], now: number): string {
    const model = createProgressModel();
    model.apply({ type: "plan", runs: [run, other], jobs: 2 });
    for (const event of events) model.apply(event);
    return renderSegments(formatRowTitle(model.rows[0]!, now, 10, plain), 200);
  }

  it.each<[string, RunEvent[], string]>([
    ["waiting", [], "camcops_a   waiting"],
    [
      "running with its newest non-empty line, secrets hidden",
      [
        { type: "start", run, attempt: 1, pid: 1, at: T0 },
        { type: "output", run, stream: "stdout", line: "login hunter2 ok", at: T0 },
        { type: "output", run, stream: "stdout", line: "   ", at: T0 },
      ],
      "camcops_a   running 5.0s  › login *** ok",
    ],
    [
      "a retry, being stopped",
      [
        { type: "start", run, attempt: 1, pid: 1, at: T0 - 60_000 },
        { type: "retry", run, attempt: 2, at: T0 },
        { type: "start", run, attempt: 2, pid: 2, at: T0 },
        { type: "timeout", run, at: T0 },
      ],
      "camcops_a   running 5.0s  attempt 2  timed out, stopping",
    ],
    [
      "failed after two attempts",
      [
        {
          type: "finish",
          result: makeResult({
            site: "camcops_a",
            result: "failed",
            exitCode: 3,
            durationMs: 4000,
            run,
            attempts: [
              makeResult({ site: "x", result: "failed" }).attempts[0]!,
              makeResult({ site: "x", result: "failed" }).attempts[0]!,
            ],
          }),
          at: T0,
        },
      ],
      "camcops_a   failed  exit 3  4.0s  2 attempts",
    ],
    [
      "not started",
      [
        {
          type: "finish",
          result: makeResult({ site: "camcops_a", result: "not started", run, reason: "--bail" }),
          at: T0,
        },
      ],
      "camcops_a   not started  --bail",
    ],
  ])("%s", (_name, events, title) => {
    expect(titleAfter(events, T0 + 5000)).toBe(title);
  });

  it("counts rows by state and failures", () => {
    const model = createProgressModel();
    model.apply({ type: "plan", runs: [run, other], jobs: 2 });
    model.apply({ type: "start", run, attempt: 1, pid: 1, at: T0 });
    expect(model.counts()).toEqual({ total: 2, done: 0, running: 1, waiting: 1, failed: 0 });
    model.apply({
      type: "finish",
      result: makeResult({ site: "b", result: "invalid", run: other }),
      at: T0,
    });
    expect(model.counts()).toEqual({ total: 2, done: 1, running: 1, waiting: 0, failed: 1 });
    model.apply({ type: "warning", message: "w", at: T0 });
    model.apply({ type: "interrupt", signal: "SIGTERM", at: T0 });
    expect(model.warnings).toEqual(["w"]);
    expect(model.interruptedBy).toBe("SIGTERM");
    const header = formatHeaderTitle("upgrade_db", model.counts(), model.interruptedBy, plain);
    expect(renderSegments(header, 200)).toBe(
      "upgrade_db: 1/2 done, 1 running, 1 failed, interrupted by SIGTERM: stopping",
    );
  });
});
