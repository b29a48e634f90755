import { describe, expect, it } from "vitest";
import {
  chooseRenderer,
  shouldUseColor,
  shouldUseTerminalList,
} from "../../../src/progress/choose-renderer.js";
import { T0 } from "../../helpers/make-results.js";

/** A stream that keeps what is written, terminal or not. */
function stream(isTTY: boolean) {
  const s = {
    text: "",
    isTTY,
    columns: 80,
    rows: 24,
    write(chunk: string): boolean {
      s.text += chunk;
      return true;
    },
  };
  return s;
}

describe("shouldUseTerminalList", () => {
  it.each([
    {
      name: "a terminal",
      tty: true,
      env: { TERM: "xterm" },
      verbose: false,
      quiet: false,
      list: true,
    },
    {
      name: "TERM unset on a terminal",
      tty: true,
      env: {},
      verbose: false,
      quiet: false,
      list: true,
    },
    {
      name: "a pipe",
      tty: false,
      env: { TERM: "xterm" },
      verbose: false,
      quiet: false,
      list: false,
    },
    { name: "CI set", tty: true, env: { CI: "true" }, verbose: false, quiet: false, list: false },
    { name: "CI set empty", tty: true, env: { CI: "" }, verbose: false, quiet: false, list: false },
    {
      name: "a dumb terminal",
      tty: true,
      env: { TERM: "dumb" },
      verbose: false,
      quiet: false,
      list: false,
    },
    { name: "-v", tty: true, env: {}, verbose: true, quiet: false, list: false },
    { name: "--quiet", tty: true, env: {}, verbose: false, quiet: true, list: false },
  ])("$name: list $list", ({ tty, env, verbose, quiet, list }) => {
    expect(shouldUseTerminalList({ stream: stream(tty), env, verbose, quiet })).toBe(list);
  });
});

describe("shouldUseColor", () => {
  it.each([
    { name: "a terminal", tty: true, env: {}, color: true },
    { name: "NO_COLOR=1", tty: true, env: { NO_COLOR: "1" }, color: false },
    {
      name: "NO_COLOR empty (ignored, as the convention says)",
      tty: true,
      env: { NO_COLOR: "" },
      color: true,
    },
    { name: "a pipe", tty: false, env: {}, color: false },
    { name: "a dumb terminal", tty: true, env: { TERM: "dumb" }, color: false },
  ])("$name: colour $color", ({ tty, env, color }) => {
    expect(shouldUseColor(stream(tty), env)).toBe(color);
  });

  it("accepts process.stderr itself", () => {
    expect(shouldUseColor(process.stderr, { NO_COLOR: "1" })).toBe(false);
  });
});

describe("chooseRenderer", () => {
  it("gives plain lines on a pipe", async () => {
    const out = stream(false);
    const renderer = await chooseRenderer({
      stream: out,
      env: {},
      verbose: false,
      quiet: false,
      json: true,
    });
    renderer.onEvent({ type: "warning", message: "hello", at: T0 });
    await renderer.close();
    expect(out.text).toBe("2026-11-26T04:10:00.000Z - warning hello\n");
  });

  it("gives the live list on a terminal, without colour under NO_COLOR", async () => {
    const out = stream(true);
    const renderer = await chooseRenderer({
      stream: out,
      env: { NO_COLOR: "1" },
      verbose: false,
      quiet: false,
      json: false,
      command: "upgrade_db",
    });
    renderer.onEvent({ type: "plan", runs: [], jobs: 1 });
    await renderer.close();
    expect(out.text).toContain("upgrade_db: 0/0 done");
    expect(out.text).not.toMatch(/\x1b\[3\dm/);
  });
});

describe("start-up cost", () => {
  it("loads listr2 only through a dynamic import", async () => {
    const { readFileSync } = await import("node:fs");
    const { dirname, resolve } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const start = fileURLToPath(
      new URL("../../../src/progress/choose-renderer.ts", import.meta.url),
    );
    const seen = new Set<string>();
    const pending = [start];
    const external: string[] = [];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      // Static imports only: `import ... from "x"`, not `await import("x")`.
      for (const match of source.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gm)) {
        const spec = match[1]!;
        if (spec.startsWith("."))
          pending.push(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
        else if (!match[0].startsWith("import type")) external.push(spec);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(external.filter((spec) => !spec.startsWith("node:"))).toEqual([]);
  });
});
