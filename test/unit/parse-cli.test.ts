import { describe, expect, it } from "vitest";
import type { RunCommand } from "../../src/cli/cli-command.js";
import { parseCli } from "../../src/cli/parse-cli.js";
import { UsageError } from "../../src/errors.js";

const context = { env: {}, cpuCount: 8 };
const split = (line: string) => line.split(" ").filter((word) => word.length > 0);

function parseRun(words: string[], env: NodeJS.ProcessEnv = {}): RunCommand {
  const parsed = parseCli(words, { env, cpuCount: 8 });
  if (parsed.kind !== "run") throw new Error(`expected a run, got ${parsed.kind}`);
  return parsed;
}

describe("the invocations camcops_server_meta users type", () => {
  // Each must mean exactly what it meant with the old tool.
  const cases: Array<{
    words: string[];
    command: string;
    filespecs: string[];
    ccargs: string[];
    extra: string[];
  }> = [
    {
      words: ["--filespecs", "/etc/camcops/*.conf", "upgrade_db"],
      command: "upgrade_db",
      filespecs: ["/etc/camcops/*.conf"],
      ccargs: [],
      extra: [],
    },
    {
      words: split(
        "upgrade_db --filespecs /etc/camcops/a.conf /etc/camcops/b.conf --ccargs verbose",
      ),
      command: "upgrade_db",
      filespecs: ["/etc/camcops/a.conf", "/etc/camcops/b.conf"],
      ccargs: ["--verbose"],
      extra: [],
    },
    {
      words: [
        "--filespecs",
        "/etc/camcops/camcops_*.conf",
        "--ccargs",
        "show_sql_only",
        "upgrade_db",
      ],
      command: "upgrade_db",
      filespecs: ["/etc/camcops/camcops_*.conf"],
      ccargs: ["--show_sql_only"],
      extra: [],
    },
    {
      words: ["upgrade_db", "-f", "/etc/camcops/*.conf", "--", "--show_sql_only"],
      command: "upgrade_db",
      filespecs: ["/etc/camcops/*.conf"],
      ccargs: [],
      extra: ["--show_sql_only"],
    },
    {
      words: split("run export -f a.conf -f b.conf --ccargs verbose to_version=2"),
      command: "export",
      filespecs: ["a.conf", "b.conf"],
      ccargs: ["--verbose", "--to_version=2"],
      extra: [],
    },
    {
      words: split("--filespecs a.conf b.conf --ccargs --dummyrun upgrade_db"),
      command: "upgrade_db",
      filespecs: ["a.conf", "b.conf"],
      ccargs: [],
      extra: [],
    },
  ];
  it.each(cases)("$words", ({ words, command, filespecs, ccargs, extra }) => {
    const run = parseRun(words);
    expect(run.ccCommand).toBe(command);
    expect(run.filespecs).toEqual(filespecs);
    expect(run.ccargs).toEqual(ccargs);
    expect(run.extra).toEqual(extra);
  });

  it("keeps the old flags' meaning: -d is a dry run, -v verbose, --python and --camcops paths", () => {
    const run = parseRun(
      split(
        "upgrade_db -f a.conf -d -v --python /usr/bin/python3.11 --camcops /opt/camcops_server.py",
      ),
    );
    expect(run).toMatchObject({
      dryRun: true,
      verbose: true,
      python: "/usr/bin/python3.11",
      camcops: "/opt/camcops_server.py",
    });
    expect(parseRun(split("upgrade_db -f a.conf --dummyrun")).dryRun).toBe(true);
    expect(parseRun(split("upgrade_db -f a.conf --dry-run")).dryRun).toBe(true);
  });

  it("has the documented defaults", () => {
    expect(parseRun(split("upgrade_db -f a.conf"))).toMatchObject({
      jobs: 4,
      sameDatabase: "serialize",
      timeoutMs: null,
      killGraceMs: 10_000,
      retries: 0,
      python: "python3",
      camcops: null,
      dryRun: false,
      json: false,
    });
  });
});

describe("run options", () => {
  const cases: Array<{ words: string; expected: Partial<RunCommand> }> = [
    { words: "-j 8", expected: { jobs: 8 } },
    { words: "--jobs 50%", expected: { jobs: 4 } },
    { words: "-j 1%", expected: { jobs: 1 } },
    { words: "--timeout 90s --kill-grace 2s", expected: { timeoutMs: 90_000, killGraceMs: 2000 } },
    { words: "--timeout 1h30m", expected: { timeoutMs: 5_400_000 } },
    { words: "--timeout 2h", expected: { timeoutMs: 7_200_000 } },
    { words: "--same-database skip", expected: { sameDatabase: "skip" } },
    { words: "--retries 2 --bail", expected: { retries: 2, bail: true } },
    {
      words: "--log-dir logs --report r.json --json",
      expected: { logDir: "logs", reportFile: "r.json", json: true },
    },
    {
      words: "--history h.json --allow-empty --yes -q",
      expected: { history: "h.json", allowEmpty: true, yes: true, quiet: true },
    },
    { words: "-j 2 -j 6", expected: { jobs: 6 } },
  ];
  it.each(cases)("$words", ({ words, expected }) => {
    expect(parseRun(["upgrade_db", "-f", "a.conf", ...split(words)])).toMatchObject(expected);
  });

  it("--rerun-failed makes --filespecs optional", () => {
    expect(parseRun(split("upgrade_db --rerun-failed last.json"))).toMatchObject({
      filespecs: [],
      rerunFailed: "last.json",
    });
  });
});

describe("defaults from CAMCOPS_META_<OPTION>", () => {
  it("fills options not typed, and typed flags win", () => {
    const env = {
      CAMCOPS_META_JOBS: "3",
      CAMCOPS_META_KILL_GRACE: "5s",
      CAMCOPS_META_BAIL: "yes",
      CAMCOPS_META_FILESPECS: "a.conf:b/*.conf",
    };
    expect(parseRun(["upgrade_db"], env)).toMatchObject({
      jobs: 3,
      killGraceMs: 5000,
      bail: true,
      filespecs: ["a.conf", "b/*.conf"],
    });
    expect(parseRun(split("upgrade_db -j 7 --no-bail -f c.conf"), env)).toMatchObject({
      jobs: 7,
      bail: false,
      filespecs: ["c.conf"],
    });
  });

  it("names the variable when its value is bad", () => {
    expect(() => parseRun(split("upgrade_db -f a"), { CAMCOPS_META_BAIL: "maybe" })).toThrow(
      /CAMCOPS_META_BAIL/,
    );
    expect(() => parseRun(split("upgrade_db -f a"), { CAMCOPS_META_JOBS: "lots" })).toThrow(
      /CAMCOPS_META_JOBS "lots"/,
    );
  });
});

describe("usage errors name the flag", () => {
  const cases: Array<{ words: string; flag: string; message: RegExp }> = [
    { words: "-f a.conf", flag: "cc_command", message: /missing the camcops_server command/ },
    { words: "upgrade_db", flag: "--filespecs", message: /--filespecs is required/ },
    { words: "upgrade_db -f a.conf --bogus", flag: "--bogus", message: /unknown option --bogus/ },
    { words: "upgrade_db -f a.conf -j 0", flag: "--jobs", message: /--jobs "0"/ },
    { words: "upgrade_db -f a.conf -j many", flag: "--jobs", message: /--jobs "many"/ },
    { words: "upgrade_db -f a.conf --jobs", flag: "--jobs", message: /--jobs needs a value/ },
    { words: "upgrade_db -f a.conf --timeout 5x", flag: "--timeout", message: /--timeout "5x"/ },
    { words: "upgrade_db -f a.conf --timeout 0s", flag: "--timeout", message: /above zero/ },
    { words: "upgrade_db -f a.conf --retries -1", flag: "--retries", message: /--retries/ },
    {
      words: "upgrade_db -f a.conf --same-database maybe",
      flag: "--same-database",
      message: /serialize, skip, allow/,
    },
    { words: "upgrade_db -f a.conf -v -q", flag: "--quiet", message: /cannot be used together/ },
    {
      words: "upgrade_db a.conf -f b.conf",
      flag: "a.conf",
      message: /unexpected argument "a.conf"/,
    },
    { words: "list -f a.conf -j 2", flag: "--jobs", message: /--jobs is not an option of "list"/ },
    { words: "show", flag: "FILE", message: /show needs/ },
    { words: "completion fish", flag: "completion", message: /bash, zsh/ },
  ];
  it.each(cases)("$words", ({ words, flag, message }) => {
    let caught: unknown;
    try {
      parseCli(split(words), context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).flag).toBe(flag);
    expect((caught as UsageError).message).toMatch(message);
  });
});

describe("other commands", () => {
  it("parses list, check, show, completion, help and version", () => {
    expect(parseCli(split("list -f a.conf --json"), context)).toEqual({
      kind: "list",
      filespecs: ["a.conf"],
      json: true,
      allowEmpty: false,
    });
    expect(parseCli(split("check x.conf y.conf"), context)).toEqual({
      kind: "check",
      filespecs: ["x.conf", "y.conf"],
      json: false,
      allowEmpty: false,
    });
    expect(parseCli(split("--filespecs a.conf check"), context)).toMatchObject({
      kind: "check",
      filespecs: ["a.conf"],
    });
    expect(parseCli(split("show a.conf b.conf --show-secrets"), context)).toEqual({
      kind: "show",
      files: ["a.conf", "b.conf"],
      json: false,
      showSecrets: true,
    });
    expect(parseCli(split("completion zsh"), context)).toEqual({
      kind: "completion",
      shell: "zsh",
    });
    expect(parseCli(split("upgrade_db --help"), context)).toEqual({ kind: "help" });
    expect(parseCli(split("--version"), context)).toEqual({ kind: "version" });
    // After --, --help belongs to camcops_server.
    expect(parseRun(split("upgrade_db -f a -- --help")).extra).toEqual(["--help"]);
  });
});
