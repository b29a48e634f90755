import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPlainRenderer } from "../../../src/progress/plain-renderer.js";
import type { RunEvent } from "../../../src/run/run-events.js";
import { makeAttempt, makeConfig, makeResult, makeRun, T0 } from "../../helpers/make-results.js";

/** The documented regex of every line kind, read from docs/output-format.md so doc and code cannot drift. */
function readDocumentedPatterns(): Map<string, RegExp> {
  const doc = readFileSync(new URL("../../../docs/output-format.md", import.meta.url), "utf8");
  const patterns = new Map<string, RegExp>();
  const section = /^### (.+)$([\s\S]*?)(?=^### |^## |(?![\s\S]))/gm;
  for (const match of doc.matchAll(section)) {
    const regex = /```regex\n(.+)\n```/.exec(match[2] ?? "");
    if (regex?.[1]) patterns.set(match[1]!.trim(), new RegExp(regex[1]));
  }
  return patterns;
}

const patterns = readDocumentedPatterns();

/** Names of the documented line kinds a line matches. */
function kindsOf(line: string): string[] {
  return [...patterns].filter(([, re]) => re.test(line)).map(([name]) => name);
}

/** Feeds events to a plain renderer and returns the lines it wrote. */
function render(events: RunEvent[], mode: { verbose?: boolean; quiet?: boolean } = {}): string[] {
  let text = "";
  const renderer = createPlainRenderer({
    write: (s) => {
      text += s;
    },
    verbose: mode.verbose ?? false,
    quiet: mode.quiet ?? false,
    now: () => new Date(T0),
  });
  for (const event of events) renderer.onEvent(event);
  renderer.close();
  expect(text === "" || text.endsWith("\n")).toBe(true);
  return text === "" ? [] : text.slice(0, -1).split("\n");
}

const runA = makeRun("camcops_a");
const runB = makeRun("camcops_b");
const spaced = makeRun("my site", { config: makeConfig("my site") });

describe("documented patterns", () => {
  it("documents every line kind", () => {
    expect([...patterns.keys()].sort()).toEqual([
      "interrupt",
      "output (`-v` only)",
      "plan",
      "result, for a config that did not run",
      "result, for a config that ran",
      "retry",
      "start",
      "stopping",
      "warning",
    ]);
  });
});

describe("createPlainRenderer", () => {
  const cases: Array<{ name: string; event: RunEvent; line: string; kind: string }> = [
    {
      name: "plan",
      event: { type: "plan", runs: [runA, runB], jobs: 4 },
      line: "2026-11-26T04:10:00.000Z - plan configs=2 jobs=4",
      kind: "plan",
    },
    {
      name: "start",
      event: { type: "start", run: runA, attempt: 1, pid: 1234, at: T0 + 123 },
      line: "2026-11-26T04:10:00.123Z camcops_a start pid=1234 attempt=1",
      kind: "start",
    },
    {
      name: "start without pid",
      event: { type: "start", run: runA, attempt: 2, pid: undefined, at: T0 },
      line: "2026-11-26T04:10:00.000Z camcops_a start pid=- attempt=2",
      kind: "start",
    },
    {
      name: "site with a space is quoted",
      event: { type: "start", run: spaced, attempt: 1, pid: 7, at: T0 },
      line: '2026-11-26T04:10:00.000Z "my site" start pid=7 attempt=1',
      kind: "start",
    },
    {
      name: "retry",
      event: { type: "retry", run: runB, attempt: 1, at: T0 },
      line: "2026-11-26T04:10:00.000Z camcops_b retry attempt=1",
      kind: "retry",
    },
    {
      name: "timeout",
      event: { type: "timeout", run: runB, at: T0 },
      line: "2026-11-26T04:10:00.000Z camcops_b stopping reason=timeout signal=SIGTERM",
      kind: "stopping",
    },
    {
      name: "ok",
      event: { type: "finish", result: makeResult({ site: "camcops_a", result: "ok" }), at: T0 },
      line: "2026-11-26T04:10:00.000Z camcops_a ok exit=0 1.2s",
      kind: "result, for a config that ran",
    },
    {
      name: "failed with retries and log",
      event: {
        type: "finish",
        result: makeResult({
          site: "camcops_b",
          result: "failed",
          exitCode: 3,
          durationMs: 4000,
          logFile: "/var/log/cm/camcops_b.log",
          attempts: [makeAttempt({ result: "failed" }), makeAttempt({ result: "failed" })],
        }),
        at: T0,
      },
      line: "2026-11-26T04:10:00.000Z camcops_b failed exit=3 4.0s attempts=2 log=/var/log/cm/camcops_b.log",
      kind: "result, for a config that ran",
    },
    {
      name: "timeout result with signal",
      event: {
        type: "finish",
        result: makeResult({
          site: "camcops_b",
          result: "timeout",
          signal: "SIGKILL",
          durationMs: 95_000,
        }),
        at: T0,
      },
      line: "2026-11-26T04:10:00.000Z camcops_b timeout signal=SIGKILL 95.0s",
      kind: "result, for a config that ran",
    },
    {
      name: "spawn error",
      event: {
        type: "finish",
        result: makeResult({
          site: "camcops_e",
          result: "failed",
          exitCode: null,
          durationMs: 0,
          attempts: [
            makeAttempt({
              exitCode: null,
              result: "failed",
              spawnError: "spawn camcops_server ENOENT",
            }),
          ],
        }),
        at: T0,
      },
      line: "2026-11-26T04:10:00.000Z camcops_e failed exit=- 0.0s spawn camcops_server ENOENT",
      kind: "result, for a config that ran",
    },
    {
      name: "invalid",
      event: {
        type: "finish",
        result: makeResult({
          site: "camcops_c",
          result: "invalid",
          reason: "/etc/camcops/camcops_c.conf:7: DB_URL is missing",
        }),
        at: T0,
      },
      line: "2026-11-26T04:10:00.000Z camcops_c invalid /etc/camcops/camcops_c.conf:7: DB_URL is missing",
      kind: "result, for a config that did not run",
    },
    {
      name: "not started",
      event: {
        type: "finish",
        result: makeResult({ site: "camcops_g", result: "not started" }),
        at: T0,
      },
      line: "2026-11-26T04:10:00.000Z camcops_g not-started",
      kind: "result, for a config that did not run",
    },
    {
      name: "warning with a line break",
      event: { type: "warning", message: "first\nsecond", at: T0 },
      line: "2026-11-26T04:10:00.000Z - warning first second",
      kind: "warning",
    },
    {
      name: "interrupt",
      event: { type: "interrupt", signal: "SIGINT", at: T0 },
      line: "2026-11-26T04:10:00.000Z - interrupt signal=SIGINT",
      kind: "interrupt",
    },
  ];

  it.each(cases)("$name", ({ event, line, kind }) => {
    expect(render([event])).toEqual([line]);
    expect(kindsOf(line)).toEqual([kind]);
  });

  it("shows output lines only with verbose, marking stderr, without escapes or secrets", () => {
    const secretRun = makeRun("camcops_a", {
      config: makeConfig("camcops_a", { secrets: ["hunter2"] }),
    });
    const events: RunEvent[] = [
      {
        type: "output",
        run: secretRun,
        stream: "stdout",
        line: "\x1b[32mgreen\x1b[0m done",
        at: T0,
      },
      { type: "output", run: secretRun, stream: "stderr", line: "password hunter2\r", at: T0 },
      { type: "output", run: secretRun, stream: "stdout", line: "", at: T0 },
    ];
    expect(render(events)).toEqual([]);
    const lines = render(events, { verbose: true });
    expect(lines).toEqual([
      "2026-11-26T04:10:00.000Z camcops_a | green done",
      "2026-11-26T04:10:00.000Z camcops_a ! password ***",
      "2026-11-26T04:10:00.000Z camcops_a | ",
    ]);
    for (const line of lines) expect(kindsOf(line)).toEqual(["output (`-v` only)"]);
  });

  it("keeps only failures, warnings and interruptions when quiet, even with verbose", () => {
    const events: RunEvent[] = [
      { type: "plan", runs: [runA, runB], jobs: 2 },
      { type: "start", run: runA, attempt: 1, pid: 1, at: T0 },
      { type: "output", run: runA, stream: "stdout", line: "hello", at: T0 },
      { type: "finish", result: makeResult({ site: "camcops_a", result: "ok" }), at: T0 },
      { type: "finish", result: makeResult({ site: "camcops_f", result: "skipped" }), at: T0 },
      { type: "timeout", run: runB, at: T0 },
      { type: "finish", result: makeResult({ site: "camcops_b", result: "timeout" }), at: T0 },
      { type: "finish", result: makeResult({ site: "camcops_c", result: "invalid" }), at: T0 },
      { type: "finish", result: makeResult({ site: "camcops_g", result: "not started" }), at: T0 },
      { type: "finish", result: makeResult({ site: "camcops_h", result: "interrupted" }), at: T0 },
      { type: "warning", message: "careful", at: T0 },
      { type: "interrupt", signal: "SIGTERM", at: T0 },
    ];
    const words = render(events, { quiet: true, verbose: true }).map((l) =>
      l.split(" ").slice(1, 3).join(" "),
    );
    expect(words).toEqual([
      "camcops_b timeout",
      "camcops_c invalid",
      "camcops_g not-started",
      "camcops_h interrupted",
      "- warning",
      "- interrupt",
    ]);
  });

  it("writes no control characters whatever the input", () => {
    const nasty = makeRun("a\tb", { config: makeConfig("a\tb") });
    const lines = render(
      [
        {
          type: "output",
          run: nasty,
          stream: "stdout",
          line: "x\x07y\x1b]0;title\x07z\x00",
          at: T0,
        },
        { type: "warning", message: "bell\x07", at: T0 },
      ],
      { verbose: true },
    );
    for (const line of lines) {
      expect(line).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
      expect(kindsOf(line)).toHaveLength(1);
    }
    expect(lines[0]).toBe('2026-11-26T04:10:00.000Z "a\\tb" | xyz');
  });
});
