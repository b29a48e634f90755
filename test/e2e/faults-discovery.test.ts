// Fault injection, end to end: discovery and loading never crash (unreadable files, directories,
// broken links, loops, files deleted mid-run, awkward names), and 10,000 configs go through.
import { execFileSync } from "node:child_process";
import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildConfigText,
  CLI_PATH,
  eventsOf,
  FAKE_CAMCOPS_PATH,
  makeTempDir,
  readRecord,
  removeTempDirs,
  startProcess,
  waitForRecord,
  writeConfig,
} from "../helpers/fake-camcops.js";
import {
  assertRunLeftNothing,
  configOf,
  makeSites,
  mysqlConfig,
  readReportFile,
  runMeta,
  startMeta,
  summaryRow,
  totalsLine,
} from "../helpers/fault-run.js";

afterAll(() => removeTempDirs());

const isRoot = process.getuid?.() === 0;

/** Whether `setpriv` can run a command as nobody here (root only), to make chmod 000 mean something. */
function canDropPrivileges(): boolean {
  if (!isRoot) return false;
  try {
    execFileSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

const NOBODY = canDropPrivileges();

/** Whether this process can read the file (root reads even mode 000). */
function canRead(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const startsOf = (record: string) => eventsOf(readRecord(record), "start").map((e) => e.config);

describe("discovery and loading never crash (end to end)", () => {
  it("an unreadable config (chmod 000) is invalid with a clear reason; the others run", async () => {
    const dir = makeSites({ good: undefined, locked: undefined });
    const locked = path.join(dir, "locked.conf");
    chmodSync(locked, 0o000);
    const record = makeTempDir();
    const reportDir = makeTempDir();
    const reportFile = path.join(reportDir, "report.json");
    const args = [
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "--camcops",
      FAKE_CAMCOPS_PATH,
      "--report",
      reportFile,
    ];
    let result: Awaited<ReturnType<typeof startProcess>["result"]>;
    if (!canRead(locked) || !NOBODY) {
      // Not root (the file really is unreadable), or root without a way to drop privileges.
      expect(
        canRead(locked),
        "running as root without setpriv: chmod 000 cannot be tested here",
      ).toBe(false);
      result = await startProcess(process.execPath, [CLI_PATH, ...args], {
        env: { FAKE_CAMCOPS_RECORD: record },
      }).result;
    } else {
      // Root reads mode-000 files: run camcops-meta as nobody instead, who cannot.
      for (const open of [dir, record, reportDir]) chmodSync(open, 0o777);
      chmodSync(path.join(dir, "good.conf"), 0o644);
      result = await startProcess(
        "setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI_PATH, ...args],
        { env: { FAKE_CAMCOPS_RECORD: record } },
      ).result;
    }
    expect(result.code, result.stderr).toBe(1);
    expect(summaryRow(result.stdout, "locked").result).toBe("invalid");
    expect(summaryRow(result.stdout, "good").result).toBe("ok");
    expect(result.stdout + result.stderr).toMatch(/locked\.conf:1: .*permission denied/i);
    const report = readReportFile(reportFile);
    expect(
      configOf(report, "locked")
        .problems.map((p) => p.message)
        .join("\n"),
    ).toMatch(/permission denied/i);
    expect(startsOf(record)).toEqual([path.join(dir, "good.conf")]);
  });

  it("a directory matching the glob is a warning, not a config; the configs run", async () => {
    const dir = makeSites({ good: undefined });
    mkdirSync(path.join(dir, "folder.conf"));
    const { result, report, record } = await runMeta(["upgrade_db", "-f", `${dir}/*.conf`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `${path.join(dir, "folder.conf")} is a directory, not a config file`,
    );
    expect(report?.configs.map((c) => c.site)).toEqual(["good"]);
    expect(startsOf(record)).toEqual([path.join(dir, "good.conf")]);
  });

  it("a broken symlink and a symlink loop are each invalid with a clear reason; the others run", async () => {
    const dir = makeSites({ good: undefined });
    symlinkSync(path.join(dir, "missing-target.conf"), path.join(dir, "broken.conf"));
    symlinkSync(path.join(dir, "loop_b.conf"), path.join(dir, "loop_a.conf"));
    symlinkSync(path.join(dir, "loop_a.conf"), path.join(dir, "loop_b.conf"));
    const { result, report, record } = await runMeta(["upgrade_db", "-f", `${dir}/*.conf`]);
    expect(result.code, result.stderr).toBe(1);
    const reasons: Array<[string, RegExp]> = [
      ["broken", /no such file|missing/i],
      ["loop_a", /symlink loop/i],
      ["loop_b", /symlink loop/i],
    ];
    for (const [site, reason] of reasons) {
      expect(summaryRow(result.stdout, site).result, site).toBe("invalid");
      const config = configOf(report, site);
      expect(config.result, site).toBe("invalid");
      expect(config.problems.map((p) => p.message).join("\n"), site).toMatch(reason);
      expect(result.stdout + result.stderr, site).toMatch(
        new RegExp(`${site}\\.conf:\\d+: .*${reason.source}`, "i"),
      );
    }
    expect(summaryRow(result.stdout, "good").result).toBe("ok");
    expect(startsOf(record)).toEqual([path.join(dir, "good.conf")]);
  });

  it("a config deleted after discovery, before its turn: failed, saying it no longer exists", async () => {
    const dir = makeSites({ a_first: "sleep=1.5", b_second: undefined });
    const second = path.join(dir, "b_second.conf");
    const { handle, record, reportFile } = startMeta([
      "upgrade_db",
      "-f",
      `${dir}/*.conf`,
      "-j",
      "1",
    ]);
    await waitForRecord(record, (events) => eventsOf(events, "start").length === 1);
    rmSync(second);
    const result = await handle.result;
    expect(result.code, result.stderr).toBe(1);
    expect(summaryRow(result.stdout, "a_first").result).toBe("ok");
    expect(summaryRow(result.stdout, "b_second").result).toBe("failed");
    const report = readReportFile(reportFile);
    expect(configOf(report, "b_second")).toMatchObject({ result: "failed", attempts: [] });
    expect(configOf(report, "b_second").reason).toMatch(/no longer exists/);
    expect(result.stdout).toMatch(/^b_second: failed: .*no longer exists/m);
    expect(startsOf(record)).toEqual([path.join(dir, "a_first.conf")]);
    await assertRunLeftNothing(record, 1);
  });

  it("paths with spaces, non-ASCII names and a leading dash run, by name and by glob", async () => {
    const dir = makeTempDir();
    const spaced = path.join(dir, "with space", "site one.conf");
    const accented = path.join(dir, "café ünïcødé — 病院.conf");
    const dashed = path.join(dir, "-dash.conf");
    for (const [file, db] of [
      [spaced, "one"],
      [accented, "two"],
      [dashed, "three"],
    ] as const) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeConfig(path.dirname(file), path.basename(file), mysqlConfig(db));
    }
    const byName = await runMeta(
      [
        "upgrade_db",
        "-f",
        "./with space/site one.conf",
        `./${path.basename(accented)}`,
        "./-dash.conf",
      ],
      { cwd: dir },
    );
    const byGlob = await runMeta(["upgrade_db", "-f", "*.conf", "with space/*.conf"], { cwd: dir });
    for (const [how, run] of [
      ["by name", byName],
      ["by glob", byGlob],
    ] as const) {
      expect(run.result.code, `${how}: ${run.result.stderr}`).toBe(0);
      const starts = eventsOf(run.events, "start");
      expect(starts.map((e) => e.config).sort(), how).toEqual([spaced, accented, dashed].sort());
      for (const start of starts) {
        expect(start.argv, how).toEqual(["upgrade_db", "--config", start.config]);
        expect(start.env_config, how).toBe(start.config);
      }
      // A leading dash becomes "_" in the site name, so that DIR/<site>.log never looks like an option.
      for (const site of ["site one", "café ünïcødé — 病院", "_dash"]) {
        expect(summaryRow(run.result.stdout, site).result, `${how}: ${site}`).toBe("ok");
      }
    }
  });

  /** Writes `count` configs, `perDatabase` to a database, and a no-op camcops_server; returns both. */
  function makeManySites(count: number, perDatabase: number): { dir: string; noop: string } {
    const dir = makeTempDir();
    for (let index = 0; index < count; index += 1) {
      const name = `site_${String(index).padStart(5, "0")}`;
      const file = path.join(dir, `${name}.conf`);
      writeFileSync(file, buildConfigText(mysqlConfig(`db_${Math.floor(index / perDatabase)}`)));
      chmodSync(file, 0o640);
    }
    const noop = path.join(makeTempDir(), "camcops_server");
    writeFileSync(noop, "#!/bin/sh\nexit 0\n");
    chmodSync(noop, 0o755);
    return { dir, noop };
  }

  // Node's spawn costs several ms of its main thread per child on a busy 2-core machine, so 10,000
  // children take minutes. To stay near a minute, four configs share each database and
  // --same-database skip runs one of each: all 10,000 are discovered, loaded, planned and reported,
  // and 2,500 children really run at -j 16.
  it("10,000 configs with a no-op camcops_server at -j 16: exit 0 and the totals line", async () => {
    const count = 10_000;
    const { dir, noop } = makeManySites(count, 4);
    const { result, report } = await runMeta(
      [
        "upgrade_db",
        "-f",
        `${dir}/*.conf`,
        "-j",
        "16",
        "--same-database",
        "skip",
        "--camcops",
        noop,
      ],
      { timeoutMs: 170_000 },
    );
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expect(totalsLine(result.stdout)).toMatch(
      /^upgrade_db on 10000 configs: 2500 ok, 7500 skipped in /,
    );
    expect(report?.totals).toMatchObject({ total: count, ok: 2500, skipped: 7500 });
    expect(report?.configs).toHaveLength(count);
  }, 180_000);

  // The same with every one of the 10,000 children run: minutes here; FAULTS_HEAVY=1 turns it on.
  it.runIf(process.env.FAULTS_HEAVY === "1")(
    "10,000 configs, every child run, at -j 16: exit 0 and the totals line",
    async () => {
      const count = 10_000;
      const { dir, noop } = makeManySites(count, 1);
      const { result, report } = await runMeta(
        ["upgrade_db", "-f", `${dir}/*.conf`, "-j", "16", "--camcops", noop],
        {
          timeoutMs: 590_000,
        },
      );
      expect(result.code, result.stderr.slice(-2000)).toBe(0);
      expect(totalsLine(result.stdout)).toMatch(/^upgrade_db on 10000 configs: 10000 ok in /);
      expect(report?.totals).toMatchObject({ total: count, ok: count });
    },
    600_000,
  );
});
