// Tests of the stand-in camcops_server itself: the contract the end-to-end tests rely on.
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  assertNoneAlive,
  EXAMPLE_CONFIGS_DIR,
  eventsOf,
  FAKE_CAMCOPS_PATH,
  FAKE_CAMCOPS_PY_PATH,
  isAlive,
  killProcesses,
  listLiveProcesses,
  makeTempDir,
  pidsFromRecord,
  readRecord,
  removeTempDirs,
  runFakeCamcops,
  startFakeCamcops,
  startProcess,
  waitForRecord,
  writeConfig,
} from "../helpers/fake-camcops.js";

const DB = "mysql+mysqldb://user:pw_fake_123@db.example.org:3306/camcops?charset=utf8";
const recordDirs: string[] = [];

/** Makes a temp dir with a config in it (stand-in behaviour from `fake`) and a record dir. */
function setUp(fake?: string, format: "legacy" | "current" = "current") {
  const dir = makeTempDir();
  const record = join(dir, "record");
  recordDirs.push(record);
  const config = writeConfig(dir, "site", { format, dbUrl: DB, ...(fake ? { fake } : {}) });
  return { dir, record, config, env: { FAKE_CAMCOPS_RECORD: record } };
}

/** Runs python3 with the given arguments (the .py stand-in execs node). */
function runPython(args: string[], env: Record<string, string>) {
  return startProcess("python3", args, { env }).result;
}

afterEach(() => {
  // A failing test must not leave hanging stand-ins or grandchildren behind.
  for (const dir of recordDirs.splice(0)) killProcesses(pidsFromRecord(readRecord(dir)));
});
afterAll(() => removeTempDirs());

describe("command line", () => {
  it("is executable", () => {
    expect(() => accessSync(FAKE_CAMCOPS_PATH, constants.X_OK)).not.toThrow();
  });

  it.each([
    {
      name: "missing required --config",
      args: ["upgrade_db"],
      usage: "usage: camcops_server upgrade_db [-h] [-v] --config CONFIG",
      error: "camcops_server upgrade_db: error: the following arguments are required: --config",
    },
    {
      name: "several missing required flags",
      args: ["create_db"],
      usage: "usage: camcops_server create_db [-h] [-v] --config CONFIG --confirm_create_db",
      error:
        "camcops_server create_db: error: the following arguments are required: --config, --confirm_create_db",
    },
    {
      name: "unknown flag",
      args: ["upgrade_db", "--config", "x.conf", "--foo"],
      usage: "usage: camcops_server [-h] [--allhelp] [--version] [-v] [--no_log] {docs,",
      error: "camcops_server: error: unrecognized arguments: --foo",
    },
    {
      name: "stray positional",
      args: ["upgrade_db", "--config=x.conf", "extra"],
      usage: "usage: camcops_server [-h]",
      error: "camcops_server: error: unrecognized arguments: extra",
    },
    {
      name: "bad command",
      args: ["x"],
      usage: "usage: camcops_server [-h]",
      error:
        "camcops_server: error: argument command: invalid choice: 'x' (choose from 'docs', 'demo_camcops_config',",
    },
    {
      name: "no command",
      args: ["-v"],
      usage: "usage: camcops_server [-h]",
      error: "camcops_server: error: the following arguments are required: command",
    },
    {
      name: "--config without a value",
      args: ["upgrade_db", "--config", "--show_sql_only"],
      usage: "usage: camcops_server upgrade_db",
      error: "camcops_server upgrade_db: error: argument --config: expected one argument",
    },
    {
      name: "value given to a flag",
      args: ["upgrade_db", "--config", "x.conf", "--show_sql_only=1"],
      usage: "usage: camcops_server upgrade_db",
      error: "error: argument --show_sql_only: ignored explicit argument '1'",
    },
    {
      name: "ambiguous abbreviation",
      args: ["--ver", "upgrade_db"],
      usage: "usage: camcops_server [-h]",
      error: "camcops_server: error: ambiguous option: --ver could match --version, --verbose",
    },
  ])("usage error, exit 2: $name", async ({ args, usage, error }) => {
    const { record, env } = setUp();
    const result = await runFakeCamcops(args, { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const [usageLine, errorLine] = result.stderr.split("\n");
    expect(usageLine).toContain(usage);
    expect(errorLine).toContain(error);
    expect(eventsOf(readRecord(record), "usage-error")).toHaveLength(1);
    expect(eventsOf(readRecord(record), "start")).toHaveLength(0);
  });

  it.each([
    ["--config FILE", (c: string) => ["upgrade_db", "--config", c]],
    ["--config=FILE", (c: string) => ["upgrade_db", `--config=${c}`]],
    ["abbreviated --conf", (c: string) => ["upgrade_db", "--conf", c]],
    [
      "top-level and command flags",
      (c: string) => [
        "-v",
        "--no_log",
        "upgrade_db",
        "-v",
        "--config",
        c,
        "--show_sql_only",
        "--no_reindex",
      ],
    ],
  ])("accepts %s", async (_name, build) => {
    const { record, config, env } = setUp();
    const args = build(config);
    const result = await runFakeCamcops(args, { env });
    expect(result.code).toBe(0);
    const starts = eventsOf(readRecord(record), "start");
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatchObject({ config, command: "upgrade_db", argv: args });
  });

  it("falls back to CAMCOPS_CONFIG_FILE where --config is optional", async () => {
    const { dir, record, config, env } = setUp();
    const result = await runFakeCamcops(["show_db_title"], {
      cwd: dir,
      env: { ...env, CAMCOPS_CONFIG_FILE: "site.conf" },
    });
    expect(result.code).toBe(0);
    expect(eventsOf(readRecord(record), "start")[0]).toMatchObject({
      config,
      env_config: "site.conf",
      cwd: dir,
    });
  });

  it("does not fall back to CAMCOPS_CONFIG_FILE where --config is required", async () => {
    const { config, env } = setUp();
    const result = await runFakeCamcops(["upgrade_db"], {
      env: { ...env, CAMCOPS_CONFIG_FILE: config },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the following arguments are required: --config");
  });

  it("fails with exit 1 when no config is given at all", async () => {
    const { env } = setUp();
    const result = await runFakeCamcops(["show_db_title"], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("CAMCOPS_CONFIG_FILE not specified");
  });

  it("fails with exit 1 when --config names no readable file", async () => {
    const { dir, env } = setUp();
    const missing = join(dir, "missing.conf");
    const result = await runFakeCamcops(["upgrade_db", "--config", missing], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `FileNotFoundError: [Errno 2] No such file or directory: '${missing}'`,
    );
  });

  it("fails with exit 1 when --config names a directory", async () => {
    const { dir, env } = setUp();
    const result = await runFakeCamcops(["upgrade_db", "--config", dir], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("IsADirectoryError");
  });

  it("runs as a Python script too, recording the interpreter", async () => {
    const { record, config, env } = setUp();
    const result = await runPython([FAKE_CAMCOPS_PY_PATH, "upgrade_db", "--config", config], env);
    expect(result.code).toBe(0);
    const [start] = eventsOf(readRecord(record), "start");
    expect(start).toMatchObject({ config, argv: ["upgrade_db", "--config", config] });
    expect(start!.via).toMatch(/python/);
  });

  it("runs commands that take no config without one", async () => {
    const result = await runFakeCamcops(["demo_camcops_config"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("[site]");
  });
});

describe("a successful run", () => {
  it("logs like CamCOPS on stderr, prints a result on stdout and records start and end", async () => {
    const { dir, record, config, env } = setUp();
    const result = await runFakeCamcops(["upgrade_db", "--config", config], { cwd: dir, env });
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.stdout).toBe("upgrade_db: done (site)\n");
    expect(result.stderr).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} camcops_server\.cc_modules\.cc_config:INFO: Reading config file: /,
    );
    expect(result.stderr).toContain(`Reading config file: ${config}\n`);
    expect(result.stderr).not.toContain("pw_fake_123");

    const events = readRecord(record);
    expect(events.map((e) => e.event)).toEqual(["start", "end"]);
    const [start] = eventsOf(events, "start");
    expect(start).toMatchObject({
      config,
      cwd: dir,
      env_config: null,
      argv: ["upgrade_db", "--config", config],
    });
    // The helper starts each process in its own group, so it leads that group.
    expect(start!.pgid).toBe(start!.pid);
    expect(eventsOf(events, "end")[0]).toMatchObject({ config, pid: start!.pid, code: 0 });
  });

  it("prints nothing on stderr with --no_log", async () => {
    const { config } = setUp();
    const result = await runFakeCamcops(["--no_log", "upgrade_db", "--config", config]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("shows SQL on stdout with --show_sql_only", async () => {
    const { config } = setUp();
    const result = await runFakeCamcops(["upgrade_db", "--config", config, "--show_sql_only"]);
    expect(result.stdout).toContain("ALTER TABLE");
  });

  it("runs every example config successfully", async () => {
    const names = [
      "camcops_cambridge",
      "camcops_norwich",
      "camcops_oxford",
      "camcops_research",
      "camcops_research_training",
      "camcops_trial",
    ];
    const results = await Promise.all(
      names.map((name) =>
        runFakeCamcops(["upgrade_db", "--config", join(EXAMPLE_CONFIGS_DIR, `${name}.conf`)]),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(names.map(() => 0));
    expect(results.map((r) => r.stdout)).toEqual(names.map((n) => `upgrade_db: done (${n})\n`));
  });
});

describe("behaviour keys", () => {
  it.each([
    { name: "exit=N in the config", fake: "exit=3", env: undefined, code: 3 },
    { name: "exit=N from FAKE_CAMCOPS", fake: undefined, env: "exit=4", code: 4 },
    { name: "the config wins over FAKE_CAMCOPS", fake: "exit=5", env: "exit=4 lines=1", code: 5 },
    { name: "exit=0", fake: "exit=0", env: undefined, code: 0 },
  ])("$name", async ({ fake, env, code }) => {
    const { config, env: base } = setUp(fake);
    const result = await runFakeCamcops(["upgrade_db", "--config", config], {
      env: { ...base, FAKE_CAMCOPS: env },
    });
    expect(result.code).toBe(code);
  });

  it.each([
    ["SIGTERM", "SIGTERM"],
    ["SIGKILL", "SIGKILL"],
    ["segv", "SIGSEGV"],
  ])("signal=%s kills itself with %s", async (name, expected) => {
    const { record, config, env } = setUp(`signal=${name}`);
    const result = await runFakeCamcops(["upgrade_db", "--config", config], { env });
    expect(result).toMatchObject({ code: null, signal: expected });
    expect(eventsOf(readRecord(record), "end")[0]).toMatchObject({ code: null, signal: expected });
  });

  it("dies of SIGTERM by default, recording it", async () => {
    const { record, config, env } = setUp("hang");
    const run = startFakeCamcops(["upgrade_db", "--config", config], { env });
    await waitForRecord(record, (events) => eventsOf(events, "start").length === 1);
    run.kill("SIGTERM");
    expect(await run.result).toMatchObject({ code: null, signal: "SIGTERM" });
    expect(eventsOf(readRecord(record), "term")).toMatchObject([{ pid: run.pid, ignored: false }]);
  });

  it("ignore-term survives SIGTERM until SIGKILL", async () => {
    const { record, config, env } = setUp("ignore-term hang");
    const run = startFakeCamcops(["upgrade_db", "--config", config], { env });
    await waitForRecord(record, (events) => eventsOf(events, "start").length === 1);
    run.kill("SIGTERM");
    await waitForRecord(record, (events) => eventsOf(events, "term").length === 1);
    expect(eventsOf(readRecord(record), "term")[0]).toMatchObject({ pid: run.pid, ignored: true });
    expect(isAlive(run.pid)).toBe(true);
    run.kill("SIGKILL");
    expect(await run.result).toMatchObject({ code: null, signal: "SIGKILL" });
    expect(isAlive(run.pid)).toBe(false);
  });

  it("serve_* commands never end on their own", async () => {
    const { record, config, env } = setUp();
    const run = startFakeCamcops(["serve_pyramid", "--config", config], { env });
    await run.waitForOutput("Serving", { stream: "stderr" });
    expect(isAlive(run.pid)).toBe(true);
    run.kill("SIGTERM");
    expect(await run.result).toMatchObject({ signal: "SIGTERM" });
    expect(eventsOf(readRecord(record), "end")).toHaveLength(0);
  });

  it("hang=0 lets serve_* commands end", async () => {
    const { config } = setUp("hang=0");
    const result = await runFakeCamcops(["serve_pyramid", "--config", config]);
    expect(result.code).toBe(0);
  });

  it("grandchild starts a long-lived process in the same group and records its pid", async () => {
    const { record, config, env } = setUp("grandchild grandchild-sleep=120");
    const result = await runFakeCamcops(["upgrade_db", "--config", config], { env });
    expect(result.code).toBe(0);
    const events = readRecord(record);
    const [start] = eventsOf(events, "start");
    const grandchildren = eventsOf(events, "grandchild");
    expect(grandchildren).toHaveLength(1);
    const grandchild = grandchildren[0]!;
    expect(grandchild).toMatchObject({ config, ppid: start!.pid, pgid: start!.pgid });
    expect(pidsFromRecord(events)).toEqual([start!.pid, grandchild.pid]);
    // It outlives its parent: exactly what the runner must clean up.
    expect(listLiveProcesses(pidsFromRecord(events))).toEqual([grandchild.pid]);
    killProcesses([grandchild.pid]);
    await assertNoneAlive([grandchild.pid]);
  });

  it("a signal to the process group reaches the grandchild too", async () => {
    const { record, config, env } = setUp("grandchild grandchild-sleep=120 hang");
    const run = startFakeCamcops(["upgrade_db", "--config", config], { env });
    const events = await waitForRecord(record, (e) => eventsOf(e, "grandchild").length === 1);
    const pids = pidsFromRecord(events);
    expect(listLiveProcesses(pids)).toEqual(pids);
    run.killGroup("SIGKILL");
    expect(await run.result).toMatchObject({ signal: "SIGKILL" });
    await assertNoneAlive(pids);
  });

  it("grandchild-pipes keeps the output pipes open after the parent exits", async () => {
    const { record, config, env } = setUp("grandchild-pipes grandchild-sleep=120");
    const run = startFakeCamcops(["upgrade_db", "--config", config], { env });
    const exit = new Promise<number | null>((resolve) => run.child.once("exit", resolve));
    expect(await exit).toBe(0);
    const [grandchild] = eventsOf(readRecord(record), "grandchild");
    expect(isAlive(grandchild!.pid)).toBe(true);
    // The pipes close (and the result arrives) only once the grandchild is gone.
    killProcesses([grandchild!.pid]);
    expect(await run.result).toMatchObject({ code: 0 });
  });

  it("assertNoneAlive fails on a live process and kills it", async () => {
    const { record, config, env } = setUp("grandchild grandchild-sleep=120");
    await runFakeCamcops(["upgrade_db", "--config", config], { env });
    const [grandchild] = eventsOf(readRecord(record), "grandchild");
    await expect(assertNoneAlive([grandchild!.pid], { timeoutMs: 100 })).rejects.toThrow(
      `processes still alive: ${grandchild!.pid}`,
    );
    await assertNoneAlive([grandchild!.pid]);
  });

  it.each([1_000, 1_000_000, 3_000_000])("bytes=%i prints about that many bytes", async (bytes) => {
    const { config } = setUp(`bytes=${bytes}`);
    const result = await runFakeCamcops(["--no_log", "upgrade_db", "--config", config]);
    expect(result.code).toBe(0);
    expect(Math.abs(result.stdout.length - bytes)).toBeLessThan(200);
    expect(result.stdout.endsWith("\n")).toBe(true);
  });

  it("lines=N prints N progress lines, on stderr by default", async () => {
    const { config } = setUp("lines=7");
    const result = await runFakeCamcops(["upgrade_db", "--config", config]);
    expect(result.stderr.match(/Running upgrade step \d+ of 7/g)).toHaveLength(7);
    expect(result.stdout).not.toContain("Running upgrade step");
  });

  it("stream=stdout sends the progress lines to stdout", async () => {
    const { config } = setUp("lines=2 stream=stdout");
    const result = await runFakeCamcops(["upgrade_db", "--config", config]);
    expect(result.stdout.match(/Running upgrade step \d+ of 2/g)).toHaveLength(2);
  });

  it("print-secret prints the DB_URL with its password on both streams", async () => {
    const { config } = setUp("print-secret");
    const result = await runFakeCamcops(["upgrade_db", "--config", config]);
    expect(result.stdout).toContain(`DB_URL = ${DB}\n`);
    expect(result.stderr).toContain("pw_fake_123");
  });

  it("stdout-partial writes one line in two pieces", async () => {
    const { config } = setUp("stdout-partial=0.05");
    const run = startFakeCamcops(["upgrade_db", "--config", config]);
    await run.waitForOutput("first half, ", { stream: "stdout" });
    const result = await run.result;
    expect(result.stdout).toContain("partial line: first half, second half\n");
  });

  it("succeed-after=N fails until attempt N, counting per config", async () => {
    const { dir, record, config, env } = setUp("succeed-after=3 exit=7");
    const other = writeConfig(dir, "other", {
      format: "legacy",
      dbUrl: DB,
      fake: "succeed-after=2",
    });
    const codes: (number | null)[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      codes.push((await runFakeCamcops(["upgrade_db", "--config", config], { env })).code);
    }
    expect(codes).toEqual([7, 7, 0, 0]);
    const otherFirst = await runFakeCamcops(["upgrade_db", "--config", other], { env });
    expect(otherFirst.code).toBe(1);
    expect(eventsOf(readRecord(record), "start")).toHaveLength(5);
  });

  it("succeed-after needs a record directory", async () => {
    const { config } = setUp("succeed-after=2");
    const result = await runFakeCamcops(["upgrade_db", "--config", config]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("succeed-after needs FAKE_CAMCOPS_RECORD");
  });
});
