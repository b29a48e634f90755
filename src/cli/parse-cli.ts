// The pure parse step: command-line words (+ environment) -> a command object. Never runs anything.
import yargs from "yargs";
import { UsageError } from "../errors.js";
import type {
  CheckCommand,
  CliCommand,
  CompletionCommand,
  ListCommand,
  RunCommand,
  SameDatabasePolicy,
  ShowCommand,
} from "./cli-command.js";
import { getEnvName, OPTION_TABLE, type OptionSpec } from "./option-table.js";
import {
  parseChoice,
  parseCount,
  parseDuration,
  parseEnvBoolean,
  parseJobs,
} from "./parse-values.js";

export type ParsedCli = CliCommand | { kind: "help" } | { kind: "version" };

export interface ParseContext {
  env: NodeJS.ProcessEnv;
  cpuCount: number;
}

/** Our own subcommands; any other first word is a camcops_server command. */
const META_COMMANDS = ["run", "list", "check", "show", "completion"] as const;
type MetaCommand = (typeof META_COMMANDS)[number];

const SAME_DATABASE_POLICIES: readonly SameDatabasePolicy[] = ["serialize", "skip", "allow"];
const MULTI_VALUE_FLAGS = new Map([
  ["--filespecs", "filespecs"],
  ["-f", "filespecs"],
  ["--ccargs", "ccargs"],
]);
const DEFAULT_JOBS = 4;
const DEFAULT_KILL_GRACE_MS = 10_000;

type RawOptions = Record<string, unknown>;

/** Turns argv (without node and script) into what the user asked for; throws UsageError when it makes no sense. */
export function parseCli(argv: readonly string[], context: ParseContext): ParsedCli {
  const dashDash = argv.indexOf("--");
  const words = dashDash === -1 ? [...argv] : argv.slice(0, dashDash);
  const extra = dashDash === -1 ? [] : argv.slice(dashDash + 1);
  if (words.some((word) => word === "--help" || word === "-h")) return { kind: "help" };
  if (words.includes("--version")) return { kind: "version" };

  const { options, positionals } = parseWords(words);
  let metaCommand: MetaCommand = "run";
  if (positionals.length > 0 && isMetaCommand(positionals[0]!)) {
    metaCommand = positionals.shift() as MetaCommand;
  } else if (positionals.length === 0) {
    const taken = takeCommandFromGreedyFlag(words, options);
    if (taken === "list" || taken === "check") metaCommand = taken;
    else if (taken !== undefined) positionals.push(taken);
  }
  if (extra.length > 0 && metaCommand !== "run") {
    throw new UsageError(`arguments after -- are only passed to camcops_server by a run`, "--");
  }
  rejectForeignOptions(options, metaCommand);
  switch (metaCommand) {
    case "run":
      return buildRunCommand(options, positionals, extra, context);
    case "list":
    case "check":
      return buildDiscoveryCommand(metaCommand, options, positionals, context);
    case "show":
      return buildShowCommand(options, positionals);
    case "completion":
      return buildCompletionCommand(positionals);
  }
}

/** Runs yargs over the words before `--`: known options only, values left as strings. */
function parseWords(words: string[]): { options: RawOptions; positionals: string[] } {
  let parser = yargs(words)
    .exitProcess(false)
    .help(false)
    .version(false)
    .strictOptions()
    .parserConfiguration({ "strip-aliased": true, "strip-dashed": true })
    .fail((message, error) => {
      throw toUsageError(error?.message ?? message);
    });
  for (const spec of OPTION_TABLE) {
    parser = parser.option(spec.name, {
      alias: spec.aliases,
      type: spec.type,
      ...(spec.type === "array" ? { string: true } : {}),
    });
  }
  const parsed = parser.parseSync() as RawOptions & { _: (string | number)[] };
  const positionals = parsed._.map(String);
  const options: RawOptions = {};
  for (const spec of OPTION_TABLE) {
    const value = parsed[toCamelCase(spec.name)];
    if (value !== undefined) options[spec.name] = value;
  }
  return { options, positionals };
}

/** Rewords yargs' messages so each names the flag the way it was typed. */
function toUsageError(message: string): UsageError {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown) {
    const names = unknown[1]!
      .split(", ")
      .map((name) => (name.length === 1 ? `-${name}` : `--${name}`));
    return new UsageError(`unknown option ${names.join(", ")} (see --help)`, names[0]);
  }
  return new UsageError(message);
}

/** The old tool's rule for greedy lists: with no command given, the last value of the last list flag is the command. */
function takeCommandFromGreedyFlag(words: string[], options: RawOptions): string | undefined {
  let lastFlag: string | undefined;
  for (const word of words) {
    const name = MULTI_VALUE_FLAGS.get(word.split("=", 1)[0]!);
    if (name) lastFlag = name;
  }
  if (!lastFlag) return undefined;
  const values = options[lastFlag] as string[] | undefined;
  const command = values?.at(-1);
  // A path is never the command: `-f a.conf` alone lacks a command rather than files.
  if (!values || command === undefined || /[/*?[{]|\.conf$/.test(command)) return undefined;
  if (lastFlag === "filespecs" && values.length === 1) return undefined;
  values.pop();
  return command;
}

/** An option typed for another subcommand (`list --jobs 4`) is a usage error, not silently ignored. */
function rejectForeignOptions(options: RawOptions, command: MetaCommand): void {
  for (const spec of OPTION_TABLE) {
    if (options[spec.name] === undefined) continue;
    if (command === "completion" || !spec.commands.includes(command)) {
      throw new UsageError(`--${spec.name} is not an option of "${command}"`, `--${spec.name}`);
    }
  }
}

/** Builds the run command, applying CAMCOPS_META_* defaults for options not typed. */
function buildRunCommand(
  options: RawOptions,
  positionals: string[],
  extra: readonly string[],
  context: ParseContext,
): RunCommand {
  const read = createOptionReader(options, context.env);
  const [ccCommand, ...unexpected] = positionals;
  if (ccCommand === undefined) {
    throw new UsageError(
      "missing the camcops_server command to run (e.g. upgrade_db); see --help",
      "cc_command",
    );
  }
  if (unexpected.length > 0) {
    throw new UsageError(
      `unexpected argument ${JSON.stringify(unexpected[0])}: give config files with --filespecs, and camcops_server arguments with --ccargs or after --`,
      unexpected[0],
    );
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(ccCommand)) {
    throw new UsageError(
      `${JSON.stringify(ccCommand)} is not a camcops_server command name`,
      "cc_command",
    );
  }
  const filespecs = read.list("filespecs", ":");
  const rerunFailed = read.string("rerun-failed");
  if (filespecs.length === 0 && rerunFailed === null) {
    throw new UsageError(
      "--filespecs is required (the config files to run on), unless --rerun-failed is given",
      "--filespecs",
    );
  }
  const verbose = read.boolean("verbose");
  const quiet = read.boolean("quiet");
  if (verbose && quiet) {
    throw new UsageError("--verbose and --quiet cannot be used together", "--quiet");
  }
  const jobs = read.string("jobs");
  const timeout = read.string("timeout");
  const killGrace = read.string("kill-grace");
  const retries = read.string("retries");
  const sameDatabase = read.string("same-database");
  return {
    kind: "run",
    ccCommand,
    filespecs,
    ccargs: read.list("ccargs", /\s+/).map(prefixCcArg),
    extra: [...extra],
    python: read.string("python") ?? "python3",
    camcops: read.string("camcops"),
    dryRun: read.boolean("dry-run"),
    verbose,
    quiet,
    jobs: jobs === null ? DEFAULT_JOBS : parseJobs(jobs, context.cpuCount, read.source("jobs")),
    sameDatabase:
      sameDatabase === null
        ? "serialize"
        : parseChoice(sameDatabase, SAME_DATABASE_POLICIES, read.source("same-database")),
    timeoutMs: timeout === null ? null : parseDuration(timeout, read.source("timeout")),
    killGraceMs:
      killGrace === null
        ? DEFAULT_KILL_GRACE_MS
        : parseDuration(killGrace, read.source("kill-grace")),
    retries: retries === null ? 0 : parseCount(retries, read.source("retries")),
    bail: read.boolean("bail"),
    logDir: read.string("log-dir"),
    json: read.boolean("json"),
    reportFile: read.string("report"),
    rerunFailed,
    history: read.string("history"),
    allowEmpty: read.boolean("allow-empty"),
    yes: read.boolean("yes"),
  };
}

/** `--ccargs to_version=2` becomes `--to_version=2`, as the old tool did. */
function prefixCcArg(arg: string): string {
  return `--${arg}`;
}

/** Builds `list` / `check`; bare paths after the subcommand count as filespecs too. */
function buildDiscoveryCommand(
  kind: "list" | "check",
  options: RawOptions,
  positionals: string[],
  context: ParseContext,
): ListCommand | CheckCommand {
  const read = createOptionReader(options, context.env);
  const filespecs = [...read.list("filespecs", ":"), ...positionals];
  if (filespecs.length === 0) {
    throw new UsageError(`${kind} needs config files: --filespecs SPEC...`, "--filespecs");
  }
  return { kind, filespecs, json: read.boolean("json"), allowEmpty: read.boolean("allow-empty") };
}

/** Builds `show FILE...`. */
function buildShowCommand(options: RawOptions, positionals: string[]): ShowCommand {
  if (positionals.length === 0) throw new UsageError("show needs at least one config FILE", "FILE");
  return {
    kind: "show",
    files: positionals,
    json: options["json"] === true,
    showSecrets: options["show-secrets"] === true,
  };
}

/** Builds `completion [bash|zsh]` (bash by default). */
function buildCompletionCommand(positionals: string[]): CompletionCommand {
  if (positionals.length > 1) throw new UsageError("completion takes one shell name", "completion");
  const shell = parseChoice(positionals[0] ?? "bash", ["bash", "zsh"] as const, "completion");
  return { kind: "completion", shell };
}

/** Reads typed option values: the command line first, then CAMCOPS_META_<OPTION>, else null/false/[]. */
function createOptionReader(options: RawOptions, env: NodeJS.ProcessEnv) {
  const fromEnv = (name: string): string | undefined => {
    const spec = OPTION_TABLE.find((candidate) => candidate.name === name) as OptionSpec;
    if (!spec.fromEnv) return undefined;
    const value = env[getEnvName(name)];
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    /** How to name an option's value in an error: the flag when typed, else its variable. */
    source(name: string): string {
      return options[name] === undefined && fromEnv(name) !== undefined
        ? getEnvName(name)
        : `--${name}`;
    },
    string(name: string): string | null {
      const value = options[name];
      if (Array.isArray(value)) return lastString(value, name);
      if (typeof value === "string") return requireValue(value, name);
      return fromEnv(name) ?? null;
    },
    boolean(name: string): boolean {
      const value = options[name];
      if (typeof value === "boolean") return value;
      if (Array.isArray(value)) return value.at(-1) === true;
      const text = fromEnv(name);
      return text === undefined ? false : parseEnvBoolean(text, getEnvName(name));
    },
    list(name: string, separator: string | RegExp): string[] {
      const value = options[name];
      if (Array.isArray(value)) return value.map(String);
      const text = fromEnv(name);
      return text === undefined ? [] : text.split(separator).filter((part) => part.length > 0);
    },
  };
}

/** A repeated single-value flag keeps its last value, as most CLIs do. */
function lastString(values: unknown[], name: string): string {
  return requireValue(String(values.at(-1)), name);
}

/** `--jobs` with nothing after it is a usage error naming the flag. */
function requireValue(value: string, name: string): string {
  if (value === "") throw new UsageError(`--${name} needs a value`, `--${name}`);
  return value;
}

function isMetaCommand(word: string): word is MetaCommand {
  return (META_COMMANDS as readonly string[]).includes(word);
}

function toCamelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
