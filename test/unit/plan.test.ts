import { describe, expect, it } from "vitest";
import { buildChildCommand } from "../../src/plan/build-child-command.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import { checkCommand } from "../../src/plan/check-command.js";
import { getCommandKind } from "../../src/plan/command-catalogue.js";
import { quoteCommandLine, quoteShellWord } from "../../src/plan/quote-shell-word.js";
import { pickNextRun, sumRemainingWork } from "../../src/run/pick-next-run.js";
import { makeConfig, makeDatabase, makeRun } from "../helpers/make-results.js";

const camcops = { file: "/usr/bin/camcops_server", leadingArgs: [] };

describe("buildChildCommand", () => {
  const cases = [
    {
      name: "executable",
      executable: camcops,
      ccargs: ["--verbose", "--to_version=2"],
      extra: ["--show_sql_only"],
      expected: [
        "/usr/bin/camcops_server",
        "upgrade_db",
        "--config",
        "/etc/camcops/a b.conf",
        "--verbose",
        "--to_version=2",
        "--show_sql_only",
      ],
    },
    {
      name: ".py script through python",
      executable: { file: "/usr/bin/python3", leadingArgs: ["/opt/camcops/camcops_server.py"] },
      ccargs: [],
      extra: [],
      expected: [
        "/usr/bin/python3",
        "/opt/camcops/camcops_server.py",
        "upgrade_db",
        "--config",
        "/etc/camcops/a b.conf",
      ],
    },
  ];
  it.each(cases)("$name", ({ executable, ccargs, extra, expected }) => {
    const command = buildChildCommand({
      executable,
      ccCommand: "upgrade_db",
      configPath: "/etc/camcops/a b.conf",
      ccargs,
      extra,
    });
    expect([command.file, ...command.args]).toEqual(expected);
    expect(command.env).toEqual({ CAMCOPS_CONFIG_FILE: "/etc/camcops/a b.conf" });
  });
});

describe("buildPlan", () => {
  const shared = makeDatabase("shared");
  const configs = [
    makeConfig("a", { database: shared }),
    makeConfig("b"),
    makeConfig("c", { database: shared }),
    makeConfig("d", {
      problems: [{ severity: "error", line: 7, message: "DB_URL is missing" }],
      database: null,
    }),
  ];
  const base = { configs, executable: camcops, ccCommand: "upgrade_db", ccargs: [], extra: [] };

  it("serialize: configs on one database share a group; invalid ones do not run", () => {
    const plan = buildPlan({ ...base, sameDatabase: "serialize" });
    expect(plan.map((run) => run.databaseGroup)).toEqual([
      shared.identity,
      "mysql://localhost:3306/b",
      shared.identity,
      null,
    ]);
    expect(plan.map((run) => run.preResult)).toEqual([null, null, null, "invalid"]);
    expect(plan[3]!.preReason).toBe("/etc/camcops/d.conf:7: DB_URL is missing");
    expect(plan[3]!.command).toBeNull();
  });

  it("skip: only the first config of each database runs", () => {
    const plan = buildPlan({ ...base, sameDatabase: "skip" });
    expect(plan.map((run) => run.preResult)).toEqual([null, null, "skipped", "invalid"]);
    expect(plan[2]!.preReason).toMatch(/same database as a/);
  });

  it("allow: no groups at all", () => {
    expect(buildPlan({ ...base, sameDatabase: "allow" }).map((run) => run.databaseGroup)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("takes recorded durations by real path", () => {
    const plan = buildPlan({
      ...base,
      sameDatabase: "serialize",
      history: new Map([["/etc/camcops/b.conf", 1234]]),
    });
    expect(plan.map((run) => run.expectedMs)).toEqual([null, 1234, null, null]);
  });
});

describe("pickNextRun", () => {
  const run = (site: string, group: string | null, expectedMs: number | null = null) =>
    makeRun(site, { databaseGroup: group, expectedMs });

  it("without history: the first waiting run whose database is free", () => {
    const waiting = [run("a", "db1"), run("b", "db1"), run("c", "db2")];
    expect(pickNextRun(waiting, new Set(), null)).toBe(0);
    expect(pickNextRun(waiting, new Set(["db1"]), null)).toBe(2);
    expect(pickNextRun(waiting, new Set(["db1", "db2"]), null)).toBe(-1);
  });

  it("with history: the longest remaining chain first, runs without a duration last", () => {
    const waiting = [
      run("a", null, null),
      run("b", null, 50),
      run("c", "db", 30),
      run("d", "db", 30),
      run("e", null, 70),
    ];
    const remaining = sumRemainingWork(waiting);
    expect(remaining.get("db")).toBe(60);
    expect(waiting[pickNextRun(waiting, new Set(), remaining)]!.config.site).toBe("e");
    expect(waiting[pickNextRun(waiting, new Set(), new Map([["db", 80]]))]!.config.site).toBe("c");
    expect(
      waiting[pickNextRun([waiting[0]!, waiting[2]!], new Set(["db"]), remaining)]!.config.site,
    ).toBe("a");
  });
});

describe("checkCommand", () => {
  const runs = [makeRun("a"), makeRun("b")];
  const cases = [
    { command: "upgrade_db", jobs: 4, refusal: null, confirmation: null, warning: null },
    {
      command: "docs",
      jobs: 4,
      refusal: /takes no config file/,
      confirmation: null,
      warning: null,
    },
    {
      command: "demo_camcops_config",
      jobs: 4,
      refusal: /takes no config file/,
      confirmation: null,
      warning: null,
    },
    {
      command: "serve_gunicorn",
      jobs: 1,
      refusal: /never ends.*--jobs 2/,
      confirmation: null,
      warning: null,
    },
    { command: "serve_gunicorn", jobs: 2, refusal: null, confirmation: null, warning: null },
    {
      command: "dev_downgrade_db",
      jobs: 4,
      refusal: null,
      confirmation: /may destroy data in 2/,
      warning: null,
    },
    { command: "create_db", jobs: 4, refusal: null, confirmation: /may destroy/, warning: null },
    {
      command: "brand_new_command",
      jobs: 4,
      refusal: null,
      confirmation: null,
      warning: /not a camcops_server command this camcops-meta knows/,
    },
    {
      command: "reset_password",
      jobs: 4,
      refusal: null,
      confirmation: null,
      warning: /may ask for input/,
    },
  ];
  it.each(cases)("$command with -j $jobs", ({ command, jobs, refusal, confirmation, warning }) => {
    const check = checkCommand(command, runs, jobs);
    if (refusal) expect(check.refusal).toMatch(refusal);
    else expect(check.refusal).toBeNull();
    if (confirmation) expect(check.confirmation).toMatch(confirmation);
    else expect(check.confirmation).toBeNull();
    if (warning) expect(check.warnings.join("\n")).toMatch(warning);
    else expect(check.warnings).toEqual([]);
  });

  it("refuses a never-ending command when two configs share a database", () => {
    const shared = makeDatabase("shared");
    const sharing = [
      makeRun("a", { config: makeConfig("a", { database: shared }) }),
      makeRun("b", { config: makeConfig("b", { database: shared }) }),
    ];
    expect(checkCommand("launch_workers", sharing, 8).refusal).toMatch(/a and b share a database/);
  });

  it("knows every command of camcops_server's help", () => {
    expect(getCommandKind("upgrade_db")).toBe("ordinary");
    expect(getCommandKind("toString")).toBeUndefined();
  });
});

describe("quoteShellWord", () => {
  const cases = [
    ["/etc/camcops/a.conf", "/etc/camcops/a.conf"],
    ["/etc/camcops/a b.conf", "'/etc/camcops/a b.conf'"],
    ["it's", `'it'"'"'s'`],
    ["", "''"],
    ["--to_version=2", "--to_version=2"],
    ["$HOME", "'$HOME'"],
  ];
  it.each(cases)("%s", (word, quoted) => {
    expect(quoteShellWord(word!)).toBe(quoted);
  });
  it("puts environment assignments first", () => {
    expect(
      quoteCommandLine(["camcops_server", "upgrade_db"], { CAMCOPS_CONFIG_FILE: "/a b.conf" }),
    ).toBe("CAMCOPS_CONFIG_FILE='/a b.conf' camcops_server upgrade_db");
  });
});
