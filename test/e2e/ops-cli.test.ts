// End to end: completion, --help, --version, and list / check / show on the examples and the broken fixtures.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OPTION_TABLE } from "../../src/cli/option-table.js";
import {
  makeTempDir,
  REPO_ROOT,
  removeTempDirs,
  runCli,
  startProcess,
  writeConfigText,
} from "../helpers/fake-camcops.js";
import { splitLines } from "./ops-helpers.js";

afterAll(() => removeTempDirs());

const EXAMPLES = path.join(REPO_ROOT, "examples/configs");
const BROKEN = path.join(REPO_ROOT, "test/fixtures/broken");
const EXAMPLE_FILES = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".conf"))
  .sort()
  .map((name) => path.join(EXAMPLES, name));
const BROKEN_FILES = readdirSync(BROKEN)
  .filter((name) => name.endsWith(".conf"))
  .sort()
  .map((name) => path.join(BROKEN, name));

/** Runs bash -c script with a file of text at $1; returns the result. */
function runBash(script: string, file: string) {
  return startProcess("bash", ["-c", script, "bash", file]).result;
}

describe("completion", () => {
  it("bash: a script that parses, registers camcops-meta and completes flags and choices", async () => {
    const result = await runCli(["completion", "bash"]);
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(makeTempDir(), "completion.bash");
    writeFileSync(file, result.stdout);
    const syntax = await runBash('bash -n "$1"', file);
    expect(syntax.code, syntax.stderr).toBe(0);
    const registered = await runBash('source "$1" && complete -p camcops-meta', file);
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/^complete .*-F \S+ camcops-meta$/m);
    const choices = await runBash(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash, not JavaScript
      'source "$1"; COMP_WORDS=(camcops-meta upgrade_db --same-database s); COMP_CWORD=3; _camcops_meta; echo "${COMPREPLY[*]}"',
      file,
    );
    expect(choices.stdout.trim().split(" ").sort()).toEqual(["serialize", "skip"]);
    const flags = await runBash(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash, not JavaScript
      'source "$1"; COMP_WORDS=(camcops-meta upgrade_db --rer); COMP_CWORD=2; _camcops_meta; echo "${COMPREPLY[*]}"',
      file,
    );
    expect(flags.stdout.trim().split(" ").sort()).toEqual(["--rerun-failed"]);
  });

  it("zsh: a script for zsh (through bashcompinit) naming camcops-meta", async () => {
    const result = await runCli(["completion", "zsh"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/bashcompinit/);
    expect(result.stdout).toMatch(/camcops-meta/);
    expect(result.stdout).not.toBe((await runCli(["completion", "bash"])).stdout);
  });
});

describe("--help and --version", () => {
  it("--help: exit 0, every option of the option table, usage and examples", async () => {
    const result = await runCli(["--help"]);
    expect(result.code, result.stderr).toBe(0);
    for (const spec of OPTION_TABLE) {
      expect(result.stdout, spec.name).toContain(`--${spec.name}`);
      for (const alias of spec.aliases) {
        expect(result.stdout, alias).toContain(alias.length === 1 ? `-${alias}` : `--${alias}`);
      }
    }
    expect(result.stdout).toMatch(/^Usage:/m);
    const examples = result.stdout.split(/^Examples:$/m)[1] ?? "";
    expect(examples.match(/^ +camcops-meta /gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(result.stdout).toMatch(/CAMCOPS_META_/);
  });

  it("--version: exactly the version in package.json", async () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    for (const args of [["--version"], ["upgrade_db", "--version"]]) {
      const result = await runCli(args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });
});

describe("list", () => {
  it("prints one row per example config with both formats; exit 0", async () => {
    const result = await runCli(["list", "-f", `${EXAMPLES}/*.conf`]);
    expect(result.code, result.stderr).toBe(0);
    for (const file of EXAMPLE_FILES) expect(result.stdout).toContain(file);
    expect(result.stdout).toMatch(/\blegacy\b/);
    expect(result.stdout).toMatch(/\bcurrent\b/);
    expect(result.stdout).not.toMatch(/fake_pw_/);
  });

  it("--json: an array with exactly PRODUCT.md's keys, passwords never shown", async () => {
    const result = await runCli(["list", "-f", `${EXAMPLES}/*.conf`, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.path)).toEqual(EXAMPLE_FILES);
    expect(new Set(rows.map((row) => row.format))).toEqual(new Set(["legacy", "current"]));
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(["database", "format", "path", "problems", "site"]);
      const database = row.database as Record<string, unknown>;
      expect(Object.keys(database).sort()).toEqual(
        [
          "url",
          "dialect",
          "driver",
          "username",
          "host",
          "port",
          "database",
          "query",
          "identity",
        ].sort(),
      );
      expect(database.url).toMatch(/:\*\*\*@/);
      for (const problem of row.problems as Array<Record<string, unknown>>) {
        expect(Object.keys(problem).sort()).toEqual(["line", "message", "severity"]);
        expect(["error", "warning"]).toContain(problem.severity);
      }
    }
    expect(result.stdout).not.toMatch(/fake_pw_/);
    const oxford = rows.find((row) => row.site === "camcops_oxford")!;
    expect(oxford.database).toEqual({
      url: "postgresql+psycopg2://camcops_ox:***@pg-oxford.example.org:5432/camcops",
      dialect: "postgresql",
      driver: "psycopg2",
      username: "camcops_ox",
      host: "pg-oxford.example.org",
      port: 5432,
      database: "camcops",
      query: {},
      identity: expect.any(String),
    });
  });

  it("--json on the broken fixtures: database null where DB_URL cannot be read, errors listed", async () => {
    const result = await runCli(["list", "-f", `${BROKEN}/*.conf`, "--json"]);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.path)).toEqual(BROKEN_FILES);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(["database", "format", "path", "problems", "site"]);
      expect(row.database, String(row.path)).toBeNull();
      const errors = (row.problems as Array<{ severity: string }>).filter(
        (problem) => problem.severity === "error",
      );
      expect(errors.length, String(row.path)).toBeGreaterThanOrEqual(1);
    }
  });
});

/** [line, tag] from a fixture's first line `# expect: <line>: <Type or tag>` (a BOM may come first). */
function readExpectation(file: string): { line: number; tag: string } {
  const first = readFileSync(file).subarray(0, 300).toString("latin1");
  const match = /# expect: (\d+): (.+)/.exec(first);
  if (!match) throw new Error(`${file} has no "# expect:" line`);
  return { line: Number(match[1]), tag: match[2]!.trim() };
}

describe("check", () => {
  it("both example formats pass: exit 0, no errors", async () => {
    const result = await runCli(["check", "-f", `${EXAMPLES}/*.conf`]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    for (const line of splitLines(result.stdout)) expect(line).toMatch(/^\S+:\d+: warning: /);
  });

  it("every broken fixture: path:line: at the expected line (the tag in the message), exit 1", async () => {
    const result = await runCli(["check", "-f", `${BROKEN}/*.conf`]);
    expect(result.code, result.stderr).toBe(1);
    const lines = splitLines(result.stdout);
    for (const file of BROKEN_FILES) {
      const { line, tag } = readExpectation(file);
      const own = lines.filter((text) => text.startsWith(`${file}:`));
      const errors = own.filter((text) => !text.startsWith(`${file}:1: warning:`));
      expect(errors[0], path.basename(file)).toMatch(
        new RegExp(`^${escapeRegExp(file)}:${line}: `),
      );
      // Python class names are for show --json; other tags are words of the message.
      if (!/^\w+Error$/.test(tag)) expect(errors[0], path.basename(file)).toContain(tag);
    }
  });

  it("--json: every fixture's error at its expected line", async () => {
    const result = await runCli(["check", "-f", `${BROKEN}/*.conf`, "--json"]);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Array<{
      path: string;
      problems: Array<{ severity: string; line: number; message: string }>;
    }>;
    expect(rows.map((row) => row.path)).toEqual(BROKEN_FILES);
    for (const row of rows) {
      const { line } = readExpectation(row.path);
      const firstError = row.problems.find((problem) => problem.severity === "error");
      expect(firstError?.line, row.path).toBe(line);
    }
  });
});

type ShowOption = { line: number; value: string | null; error: { type: string } | null };
type ShowJson = {
  file: string;
  error: { type: string; line: number; message: string } | null;
  defaults: Record<string, ShowOption>;
  sections?: Record<string, { line: number; options: Record<string, ShowOption> }>;
};

describe("show", () => {
  it("--json: PRODUCT.md's shape, [DEFAULT] inherited with its line, interpolation applied", async () => {
    const dir = makeTempDir();
    const file = writeConfigText(
      dir,
      "site.conf",
      [
        "[DEFAULT]",
        "root = /srv/camcops",
        "[site]",
        "# comment",
        "DB_URL = mysql+mysqldb://user:hunter2@localhost:3306/camcops?charset=utf8",
        "EXPORT_DIR = %(root)s/export",
        "",
      ].join("\n"),
    );
    const result = await runCli(["show", file, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const shown = JSON.parse(result.stdout) as ShowJson;
    expect(shown).toEqual({
      file,
      error: null,
      defaults: { root: { line: 2, value: "/srv/camcops", error: null } },
      sections: {
        site: {
          line: 3,
          options: {
            db_url: {
              line: 5,
              value: "mysql+mysqldb://user:***@localhost:3306/camcops?charset=utf8",
              error: null,
            },
            export_dir: { line: 6, value: "/srv/camcops/export", error: null },
            root: { line: 2, value: "/srv/camcops", error: null },
          },
        },
      },
    });
  });

  it("secrets are *** unless --show-secrets", async () => {
    const oxford = path.join(EXAMPLES, "camcops_oxford.conf");
    for (const args of [["--json"], []]) {
      const hidden = await runCli(["show", oxford, ...args]);
      expect(hidden.code, hidden.stderr).toBe(0);
      expect(hidden.stdout).not.toContain("fake_pw_oxford");
      expect(hidden.stdout).not.toContain("not-a-real-secret");
      expect(hidden.stdout).toContain("camcops_ox:***@");
    }
    const shown = JSON.parse((await runCli(["show", oxford, "--json", "--show-secrets"])).stdout);
    expect(shown.sections.site.options.db_url.value).toContain(":fake_pw_oxford@");
    expect(shown.sections.site.options.session_cookie_secret.value).toContain("not-a-real-secret");
  });

  it("several files: one JSON object per line, in the order given, parser errors with their Python type", async () => {
    const files = [
      path.join(EXAMPLES, "camcops_oxford.conf"),
      path.join(BROKEN, "ini-bom.conf"),
      path.join(BROKEN, "ini-interpolation-current.conf"),
      path.join(EXAMPLES, "camcops_norwich.conf"),
    ];
    const result = await runCli(["show", ...files, "--json"]);
    const lines = splitLines(result.stdout);
    expect(lines).toHaveLength(files.length);
    const shown = lines.map((line) => JSON.parse(line) as ShowJson);
    expect(shown.map((doc) => doc.file)).toEqual(files);
    for (const doc of shown) {
      expect(Object.keys(doc).sort(), doc.file).toEqual(
        doc.error === null
          ? ["defaults", "error", "file", "sections"]
          : expect.arrayContaining(["defaults", "error", "file"]),
      );
    }
    const [oxford, bom, interpolation, norwich] = shown;
    expect(oxford?.error).toBeNull();
    expect(Object.keys(oxford?.sections ?? {}).sort()).toEqual(["export", "server", "site"]);
    expect(norwich?.sections?.server?.options.db_url?.value).toMatch(/:\*\*\*@/);
    expect(bom?.error).toMatchObject({ type: "MissingSectionHeaderError", line: 1 });
    expect(Object.keys(bom?.sections ?? {})).toEqual([]);
    expect(interpolation?.error).toBeNull();
    expect(interpolation?.sections?.site?.options.db_url).toMatchObject({
      line: 6,
      value: null,
      error: { type: "InterpolationSyntaxError" },
    });
  });

  it("every broken fixture whose expectation is a Python type shows that type at that line", async () => {
    const typed = BROKEN_FILES.filter((file) => /^\w+Error$/.test(readExpectation(file).tag));
    expect(typed.length).toBeGreaterThanOrEqual(6);
    const result = await runCli(["show", ...typed, "--json"]);
    const shown = splitLines(result.stdout).map((line) => JSON.parse(line) as ShowJson);
    for (const doc of shown) {
      const { line, tag } = readExpectation(doc.file);
      const optionErrors = Object.values(doc.sections ?? {}).flatMap((section) =>
        Object.values(section.options).flatMap((option) =>
          option.error ? [[option.line, option.error.type]] : [],
        ),
      );
      const found = doc.error ? [[doc.error.line, doc.error.type]] : optionErrors;
      expect(found, doc.file).toContainEqual([line, tag]);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
