#!/usr/bin/env node

// A stand-in for `camcops_server`, used by `npm run demo` and by every end-to-end test.
//
// It honours the real command contract (subcommands, their flags, argparse-style usage
// errors with exit 2, --config required or taken from CAMCOPS_CONFIG_FILE) and prints
// CamCOPS-like log lines on stderr and a short result on stdout. What it does beyond that
// is chosen per config file, so that tests can make one site slow, failing or stubborn:
//
//   # fake-camcops: sleep=0.8 lines=4 exit=3
//
// Such comment lines are invisible to camcops's own parser, so the configs stay valid.
// The env var FAKE_CAMCOPS (same key=value syntax) applies to every config; the
// config's own comment lines win over it. See examples/README.md for every key.
//
// With FAKE_CAMCOPS_RECORD=DIR every process appends one JSON line per event to
// DIR/events.jsonl (start, end, grandchild, term, usage-error).
//
// Plain Node, no dependencies, no build step.

import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

const PROG = "camcops_server";
const VERSION = "2.4.24";
const ENV_CONFIG = "CAMCOPS_CONFIG_FILE";

// --------------------------------------------------------------------------------------
// The command table (from `camcops_server --allhelp`, v2.4.24)
// --------------------------------------------------------------------------------------

// config: "none" (takes no --config), "optional" (falls back to CAMCOPS_CONFIG_FILE),
// "required". Flags: "flag" takes no value, "value" one value, "list" zero or more values.
// A "!" suffix on a flag name marks it as required.
const COMMANDS = {
  docs: { config: "none", flags: {} },
  demo_camcops_config: { config: "none", flags: { docker: "flag" } },
  demo_supervisor_config: { config: "none", flags: {} },
  demo_apache_config: { config: "none", flags: { path: "value" } },
  upgrade_db: { config: "required", flags: { show_sql_only: "flag", no_reindex: "flag" } },
  dev_upgrade_db: {
    config: "required",
    flags: { "destination_db_revision!": "value", show_sql_only: "flag" },
  },
  dev_downgrade_db: {
    config: "required",
    flags: {
      "destination_db_revision!": "value",
      confirm_downgrade_db: "flag",
      show_sql_only: "flag",
    },
  },
  dev_add_dummy_data: { config: "required", flags: { confirm_add_dummy_data: "flag" } },
  show_db_title: { config: "optional", flags: {} },
  show_db_schema: {
    config: "optional",
    flags: {
      schemastem: "value",
      make_image: "flag",
      java: "value",
      plantuml: "value",
      height_width_limit: "value",
      java_memory_limit_mb: "value",
    },
  },
  merge_db: {
    config: "required",
    flags: {
      report_every: "value",
      echo: "flag",
      dummy_run: "flag",
      info_only: "flag",
      default_group_id: "value",
      default_group_name: "value",
      "src!": "value",
      "whichidnum_map!": "value",
      "groupnum_map!": "value",
    },
  },
  create_db: { config: "required", flags: { "confirm_create_db!": "flag" } },
  ddl: { config: "optional", flags: { dialect: "value" } },
  reindex: { config: "optional", flags: {} },
  check_index: { config: "optional", flags: { show_all_bad: "flag" } },
  make_superuser: { config: "optional", flags: { username: "value", password: "value" } },
  reset_password: { config: "optional", flags: { username: "value" } },
  enable_user: { config: "optional", flags: { username: "value" } },
  export: {
    config: "optional",
    flags: {
      recipients: "list",
      all_recipients: "flag",
      disable_task_index: "flag",
      schedule_via_backend: "flag",
    },
  },
  show_export_queue: {
    config: "optional",
    flags: {
      recipients: "list",
      all_recipients: "flag",
      disable_task_index: "flag",
      pretty: "flag",
      debug_show_fhir: "flag",
      debug_fhir_include_docs: "flag",
    },
  },
  crate_dd: { config: "optional", flags: { "filename!": "value", "recipient!": "value" } },
  cris_dd: { config: "optional", flags: { "filename!": "value", "recipient!": "value" } },
  serve_cherrypy: { config: "optional", flags: {} },
  serve_gunicorn: { config: "optional", flags: {} },
  serve_pyramid: { config: "optional", flags: {} },
  convert_athena_icd_snomed_to_xml: {
    config: "optional",
    flags: {
      "athena_concept_tsv_filename!": "value",
      "athena_concept_relationship_tsv_filename!": "value",
      "icd9_xml_filename!": "value",
      "icd10_xml_filename!": "value",
    },
  },
  launch_workers: { config: "optional", flags: {} },
  launch_scheduler: { config: "optional", flags: {} },
  launch_monitor: { config: "optional", flags: { address: "value", port: "value" } },
  housekeeping: { config: "optional", flags: {} },
  purge_jobs: { config: "optional", flags: {} },
  dev_cli: { config: "optional", flags: {} },
  list_tasks: { config: "optional", flags: {} },
};

const COMMAND_NAMES = Object.keys(COMMANDS);

// Top-level options, before the command.
const TOP_OPTIONS = {
  help: { kind: "flag" },
  allhelp: { kind: "flag" },
  version: { kind: "flag" },
  verbose: { kind: "flag" },
  no_log: { kind: "flag" },
};

/** A usage error: argparse prints `usage` and `prog: error: message` and exits 2. */
class UsageError extends Error {
  constructor(usage, prog, message) {
    super(message);
    this.usage = usage;
    this.prog = prog;
  }
}

// --------------------------------------------------------------------------------------
// Argument parsing, argparse-style
// --------------------------------------------------------------------------------------

/** Builds the one-line usage string of the top-level parser. */
function topUsage() {
  return `${PROG} [-h] [--allhelp] [--version] [-v] [--no_log] {${COMMAND_NAMES.join(",")}} ...`;
}

/** Builds the one-line usage string of one subcommand, as argparse orders it. */
function commandUsage(name) {
  const spec = COMMANDS[name];
  const parts = ["[-h]", "[-v]"];
  if (spec.config === "required") parts.push("--config CONFIG");
  if (spec.config === "optional") parts.push("[--config CONFIG]");
  for (const [rawFlag, kind] of Object.entries(spec.flags)) {
    const flag = rawFlag.replace(/!$/, "");
    const meta = flag.toUpperCase();
    let text = `--${flag}`;
    if (kind === "value") text += ` ${meta}`;
    if (kind === "list") text += ` [${meta} ...]`;
    parts.push(rawFlag.endsWith("!") ? text : `[${text}]`);
  }
  return `${PROG} ${name} ${parts.join(" ")}`;
}

/** Returns the subcommand's long options: name -> {kind, required}. */
function commandOptions(name) {
  const spec = COMMANDS[name];
  const options = { help: { kind: "flag" }, verbose: { kind: "flag" } };
  if (spec.config !== "none") {
    options.config = { kind: "value", required: spec.config === "required" };
  }
  for (const [rawFlag, kind] of Object.entries(spec.flags)) {
    options[rawFlag.replace(/!$/, "")] = { kind, required: rawFlag.endsWith("!") };
  }
  return options;
}

/** Resolves `--opt` (exact, or a unique prefix as argparse allows) to an option name. */
function matchOption(word, names, usage, prog) {
  const name = word.slice(2);
  if (names.includes(name)) return name;
  const candidates = names.filter((n) => n.startsWith(name));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    const list = candidates.map((c) => `--${c}`).join(", ");
    throw new UsageError(usage, prog, `ambiguous option: ${word} could match ${list}`);
  }
  return null;
}

/** Whether argparse would take this word for an option rather than a value. */
function looksLikeOption(word) {
  return word.startsWith("-") && word !== "-" && !/^-\d+$|^-\d*\.\d+$/.test(word);
}

/**
 * Parses the words of one parser level. `short` maps single-dash options to long names.
 * Stops at the first positional when `stopAtPositional` (the top level stops at the command).
 * Returns {values, rest, unrecognized}.
 */
function parseLevel(words, options, short, usage, prog, stopAtPositional) {
  const names = Object.keys(options);
  const values = {};
  const unrecognized = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (word === "--") {
      unrecognized.push(...words.slice(i));
      break;
    }
    if (!looksLikeOption(word)) {
      if (stopAtPositional) return { values, rest: words.slice(i), unrecognized };
      unrecognized.push(word);
      i += 1;
      continue;
    }
    const eq = word.indexOf("=");
    const head = word.startsWith("--") && eq > 0 ? word.slice(0, eq) : word;
    const inline = word.startsWith("--") && eq > 0 ? word.slice(eq + 1) : undefined;
    let name = null;
    if (head.startsWith("--")) name = matchOption(head, names, usage, prog);
    else if (short[head]) name = short[head];
    if (name === null) {
      unrecognized.push(word);
      i += 1;
      continue;
    }
    const { kind } = options[name];
    const label = head.startsWith("--") ? `--${name}` : `${head}/--${name}`;
    i += 1;
    if (kind === "flag") {
      if (inline !== undefined) {
        throw new UsageError(
          usage,
          prog,
          `argument ${label}: ignored explicit argument '${inline}'`,
        );
      }
      values[name] = true;
    } else if (kind === "value") {
      if (inline !== undefined) values[name] = inline;
      else if (i < words.length && !looksLikeOption(words[i])) values[name] = words[i++];
      else throw new UsageError(usage, prog, `argument ${label}: expected one argument`);
    } else {
      const list = inline !== undefined ? [inline] : [];
      while (inline === undefined && i < words.length && !looksLikeOption(words[i])) {
        list.push(words[i++]);
      }
      values[name] = list;
    }
  }
  return { values, rest: [], unrecognized };
}

/** Parses the whole command line into {top, command, options}; throws UsageError. */
function parseArgv(argv) {
  const top = parseLevel(
    argv,
    TOP_OPTIONS,
    { "-h": "help", "-v": "verbose" },
    topUsage(),
    PROG,
    true,
  );
  if (top.values.help || top.values.allhelp || top.values.version) {
    return { top: top.values, command: null, options: {} };
  }
  if (top.rest.length === 0) {
    if (top.unrecognized.length > 0) {
      throw new UsageError(
        topUsage(),
        PROG,
        `unrecognized arguments: ${top.unrecognized.join(" ")}`,
      );
    }
    throw new UsageError(topUsage(), PROG, "the following arguments are required: command");
  }
  const [command, ...words] = top.rest;
  if (!Object.hasOwn(COMMANDS, command)) {
    const choices = COMMAND_NAMES.map((c) => `'${c}'`).join(", ");
    throw new UsageError(
      topUsage(),
      PROG,
      `argument command: invalid choice: '${command}' (choose from ${choices})`,
    );
  }
  const prog = `${PROG} ${command}`;
  const options = commandOptions(command);
  const sub = parseLevel(
    words,
    options,
    { "-h": "help", "-v": "verbose" },
    commandUsage(command),
    prog,
    false,
  );
  if (sub.values.help) return { top: top.values, command, options: sub.values, help: true };
  const missing = Object.entries(options)
    .filter(([name, o]) => o.required && sub.values[name] === undefined)
    .map(([name]) => `--${name}`);
  if (missing.length > 0) {
    throw new UsageError(
      commandUsage(command),
      prog,
      `the following arguments are required: ${missing.join(", ")}`,
    );
  }
  const unrecognized = [...top.unrecognized, ...sub.unrecognized];
  if (unrecognized.length > 0) {
    throw new UsageError(topUsage(), PROG, `unrecognized arguments: ${unrecognized.join(" ")}`);
  }
  return { top: top.values, command, options: sub.values };
}

// --------------------------------------------------------------------------------------
// Behaviour keys: `# fake-camcops: key=value ...` in the config, and env FAKE_CAMCOPS
// --------------------------------------------------------------------------------------

/** Parses `key=value key flag` into an object; a bare key means "true". */
function parseBehaviour(text) {
  const out = {};
  for (const word of text.trim().split(/\s+/)) {
    if (word === "") continue;
    const eq = word.indexOf("=");
    if (eq < 0) out[word] = "true";
    else out[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return out;
}

/** Collects every `# fake-camcops:` comment line of a config's text. */
function behaviourFromConfig(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*[#;]\s*fake-camcops:(.*)$/.exec(line);
    if (m) Object.assign(out, parseBehaviour(m[1]));
  }
  return out;
}

/** Reads a key as a boolean ("", "0", "false", "no", "off" are false). */
function isOn(behaviour, key) {
  const v = behaviour[key];
  return v !== undefined && !/^(0|false|no|off)$/i.test(v);
}

/** Reads a key as a number, or the fallback when absent or not a number. */
function numberOf(behaviour, key, fallback) {
  const v = Number(behaviour[key]);
  return behaviour[key] === undefined || Number.isNaN(v) ? fallback : v;
}

// --------------------------------------------------------------------------------------
// Output and recording
// --------------------------------------------------------------------------------------

let logEnabled = true;

/** Formats a timestamp like Python logging's asctime with milliseconds. */
function timestamp(date = new Date()) {
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ` +
    `${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}.` +
    p(date.getMilliseconds(), 3)
  );
}

/** Prints one CamCOPS-style log line on stderr (unless --no_log). */
function log(logger, level, message) {
  if (logEnabled) process.stderr.write(`${timestamp()} ${logger}:${level}: ${message}\n`);
}

/** Writes to a stream and waits for it to drain when its buffer is full. */
function writeWithBackpressure(stream, chunk) {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((done) => stream.once("drain", done));
}

/** Waits this many milliseconds. */
function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

const recordDir = process.env.FAKE_CAMCOPS_RECORD || null;

/** Appends one event to DIR/events.jsonl (one write call, so concurrent writers do not mix). */
function record(event) {
  if (!recordDir) return;
  mkdirSync(recordDir, { recursive: true });
  appendFileSync(
    join(recordDir, "events.jsonl"),
    `${JSON.stringify({ ...event, t: Date.now() })}\n`,
  );
}

/** This process's process group id (Linux /proc), or null where unknown. */
function readPgid(pid = process.pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[2]);
  } catch {
    return null;
  }
}

/** Counts this attempt for a config (file in the record dir) and returns its number. */
function countAttempt(configPath) {
  if (!recordDir) {
    throw new Error("succeed-after needs FAKE_CAMCOPS_RECORD (the attempt counter lives there)");
  }
  const hash = createHash("sha1").update(configPath).digest("hex").slice(0, 16);
  const file = join(recordDir, `attempts-${hash}.count`);
  let count = 0;
  try {
    count = Number(readFileSync(file, "utf8")) || 0;
  } catch {
    // first attempt
  }
  count += 1;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, String(count));
  return count;
}

// --------------------------------------------------------------------------------------
// Behaviours
// --------------------------------------------------------------------------------------

const LOG_CONFIG = "camcops_server.cc_modules.cc_config";
const LOG_ALEMBIC = "camcops_server.cc_modules.cc_alembic";
const LOG_MAIN = "camcops_server.camcops_server";

/** Builds about `size` bytes of realistic newline-terminated output lines. */
function buildBlock(size) {
  const lines = [];
  let total = 0;
  for (let i = 0; total < size; i += 1) {
    const line = `INFO  [alembic.runtime.migration] Checking table row ${String(i).padStart(8, "0")}: ok\n`;
    lines.push(line);
    total += line.length;
  }
  return lines.join("");
}

/** Prints about `count` bytes on stdout, fast, in big writes. */
async function printBytes(count) {
  const block = buildBlock(64 * 1024);
  let left = count;
  while (left >= block.length) {
    await writeWithBackpressure(process.stdout, block);
    left -= block.length;
  }
  if (left > 0) {
    const cut = block.lastIndexOf("\n", left - 1);
    const tail = cut >= 0 ? block.slice(0, cut + 1) : `${"x".repeat(Math.max(0, left - 1))}\n`;
    await writeWithBackpressure(process.stdout, tail);
  }
}

/** Prints `count` progress log lines, spread over `spreadMs` (0: all at once). */
async function printLines(command, count, spreadMs, stream) {
  const what = command === "upgrade_db" ? "Running upgrade step" : `${command}: step`;
  for (let i = 1; i <= count; i += 1) {
    const message = `${what} ${i} of ${count}`;
    if (stream === "stdout" || stream === "both") {
      await writeWithBackpressure(process.stdout, `${message}\n`);
    }
    if (stream === "stderr" || stream === "both") log(LOG_ALEMBIC, "INFO", message);
    if (spreadMs > 0) await sleep(spreadMs / count);
  }
}

/** Finds the first DB_URL line of a config, with `%%` read as `%` as ConfigParser would. */
function findDbUrlLine(text) {
  const line = text.split(/\r?\n/).find((l) => /^db_url\s*[=:]/i.test(l)) ?? "DB_URL = (none)";
  return line.replaceAll("%%", "%");
}

/** Starts a long-sleeping child in this process group and records its pid. */
async function spawnGrandchild(configPath, seconds, keepPipes) {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["-e", `setTimeout(() => {}, ${seconds * 1000})`], {
    stdio: keepPipes ? ["ignore", "inherit", "inherit"] : "ignore",
  });
  child.unref();
  record({
    event: "grandchild",
    config: configPath,
    pid: child.pid,
    ppid: process.pid,
    pgid: readPgid(),
  });
  log(LOG_MAIN, "INFO", `Started background worker, pid ${child.pid}`);
}

/** Maps a failed config read to the Python exception camcops would raise. */
function describeReadError(err) {
  if (err.code === "EISDIR")
    return { type: "IsADirectoryError", errno: 21, reason: "Is a directory" };
  if (err.code === "EACCES")
    return { type: "PermissionError", errno: 13, reason: "Permission denied" };
  return { type: "FileNotFoundError", errno: 2, reason: "No such file or directory" };
}

/** Records SIGTERM, then either ignores it or dies of it as an unhandled SIGTERM would. */
function installSigtermHandler(configPath, ignore) {
  if (ignore) {
    process.on("SIGTERM", () => {
      record({ event: "term", config: configPath, pid: process.pid, ignored: true });
      log(LOG_MAIN, "WARNING", "Received SIGTERM; ignoring it");
    });
    return;
  }
  process.once("SIGTERM", () => {
    record({ event: "term", config: configPath, pid: process.pid, ignored: false });
    // With no listener left, Node restores the default action: death by SIGTERM.
    process.kill(process.pid, "SIGTERM");
  });
}

/** Prints the short stdout result of a command that ran against a database. */
function printResult(command, options, site) {
  if (options.show_sql_only) {
    process.stdout.write(
      "-- Running upgrade 0123abcd4567 -> 89efab012345\n" +
        "ALTER TABLE _security_users ADD COLUMN mfa_method VARCHAR(20);\n" +
        "UPDATE alembic_version SET version_num='89efab012345';\n",
    );
    return;
  }
  if (command === "show_db_title") process.stdout.write(`CamCOPS database (${site})\n`);
  else if (command === "list_tasks") process.stdout.write("ace3\naims\naudit\nphq9\n");
  else process.stdout.write(`${command}: done (${site})\n`);
}

/** Runs a command that takes no config (docs, demo_*). */
function runConfigless(command) {
  if (command === "demo_camcops_config") {
    process.stdout.write(
      "# Demonstration CamCOPS server configuration file.\n\n[site]\n\nDB_URL = sqlite://\n",
    );
  } else {
    process.stdout.write(`${command}: done\n`);
  }
  return 0;
}

/** Prints help for the top level or a command, as -h does. */
function printHelp(command) {
  if (command) {
    process.stdout.write(
      `usage: ${commandUsage(command)}\n\n(stand-in for camcops_server ${command})\n`,
    );
  } else {
    process.stdout.write(
      `usage: ${topUsage()}\n\nCamCOPS server (stand-in); version ${VERSION}.\n` +
        `Use '${PROG} <COMMAND> --help' for more detail on each command.\n`,
    );
  }
}

// --------------------------------------------------------------------------------------
// Main
// --------------------------------------------------------------------------------------

/** Runs the stand-in; resolves to the exit code (a signal behaviour never resolves). */
async function main(argv) {
  let parsed;
  try {
    parsed = parseArgv(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`usage: ${err.usage}\n${err.prog}: error: ${err.message}\n`);
    record({
      event: "usage-error",
      pid: process.pid,
      argv,
      cwd: process.cwd(),
      message: err.message,
    });
    return 2;
  }
  const { top, command, options } = parsed;
  if (top.help || parsed.help) {
    printHelp(command);
    return 0;
  }
  if (top.allhelp) {
    for (const name of [null, ...COMMAND_NAMES]) printHelp(name);
    return 0;
  }
  if (top.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  logEnabled = !top.no_log;
  if (COMMANDS[command].config === "none") return runConfigless(command);

  const given = options.config ?? process.env[ENV_CONFIG];
  if (!given) {
    log(LOG_CONFIG, "CRITICAL", `Config file not specified (use --config or set ${ENV_CONFIG})`);
    process.stderr.write(
      `AssertionError: Environment variable ${ENV_CONFIG} not specified (and no command-line alternative given)\n`,
    );
    return 1;
  }
  const configPath = resolve(given);
  const startEvent = {
    event: "start",
    config: configPath,
    pid: process.pid,
    ppid: process.ppid,
    pgid: readPgid(),
    command,
    argv,
    cwd: process.cwd(),
    env_config: process.env[ENV_CONFIG] ?? null,
    // Set by camcops_server.py: the Python interpreter that ran the stand-in.
    via: process.env.FAKE_CAMCOPS_VIA ?? null,
  };
  log(LOG_CONFIG, "INFO", `Reading config file: ${configPath}`);
  let text;
  try {
    text = readFileSync(configPath, "utf8");
  } catch (err) {
    const { type, errno, reason } = describeReadError(err);
    process.stderr.write(
      `Traceback (most recent call last):\n  File "camcops_server/cc_modules/cc_config.py", in __init__\n` +
        `${type}: [Errno ${errno}] ${reason}: '${configPath}'\n`,
    );
    record(startEvent);
    record({ event: "end", config: configPath, pid: process.pid, code: 1, error: type });
    return 1;
  }

  const behaviour = {
    ...parseBehaviour(process.env.FAKE_CAMCOPS ?? ""),
    ...behaviourFromConfig(text),
  };
  const site = basename(configPath).replace(/\.conf$/, "");
  installSigtermHandler(configPath, isOn(behaviour, "ignore-term"));
  // Recorded only now, so that a test that saw "start" knows how SIGTERM will be handled.
  record(startEvent);

  let code = numberOf(behaviour, "exit", 0);
  const succeedAfter = numberOf(behaviour, "succeed-after", 0);
  if (succeedAfter > 0) {
    const attempt = countAttempt(configPath);
    code = attempt >= succeedAfter ? 0 : code || 1;
    log(LOG_MAIN, "INFO", `Attempt ${attempt} (succeeds from attempt ${succeedAfter})`);
  }

  const grandchildOn = isOn(behaviour, "grandchild") || isOn(behaviour, "grandchild-pipes");
  if (grandchildOn) {
    await spawnGrandchild(
      configPath,
      numberOf(behaviour, "grandchild-sleep", 300),
      isOn(behaviour, "grandchild-pipes"),
    );
  }
  if (command === "upgrade_db") log(LOG_ALEMBIC, "INFO", "Upgrading database to revision: head");
  if (isOn(behaviour, "print-secret")) {
    const line = findDbUrlLine(text);
    log(LOG_CONFIG, "INFO", `Database: ${line}`);
    process.stdout.write(`${line}\n`);
  }
  if (isOn(behaviour, "stdout-partial")) {
    process.stdout.write("partial line: first half, ");
    await sleep(numberOf(behaviour, "stdout-partial", 0.2) * 1000);
    process.stdout.write("second half\n");
  }
  if (behaviour.bytes !== undefined) await printBytes(numberOf(behaviour, "bytes", 0));

  const sleepMs = numberOf(behaviour, "sleep", 0) * 1000;
  const lines = numberOf(behaviour, "lines", 0);
  if (lines > 0) await printLines(command, lines, sleepMs, behaviour.stream ?? "stderr");
  else if (sleepMs > 0) await sleep(sleepMs);

  // Commands that serve or launch never end, unless the config says hang=0.
  const neverEnds = /^(serve_|launch_)/.test(command);
  if (behaviour.hang !== undefined ? isOn(behaviour, "hang") : neverEnds) {
    log(
      LOG_MAIN,
      "INFO",
      neverEnds ? "Serving; press Ctrl-C to stop" : "Hanging (fake-camcops: hang)",
    );
    setInterval(() => {}, 1 << 30);
    return new Promise(() => {});
  }

  if (behaviour.signal !== undefined) {
    const name = behaviour.signal.toUpperCase().replace(/^(SIG)?/, "SIG");
    record({ event: "end", config: configPath, pid: process.pid, code: null, signal: name });
    process.removeAllListeners("SIGTERM");
    process.kill(process.pid, name);
    return new Promise(() => {});
  }

  if (code === 0) {
    log(LOG_MAIN, "INFO", `Command ${command} finished successfully`);
    printResult(command, options, site);
  } else {
    log(LOG_MAIN, "CRITICAL", `Command ${command} failed (fake-camcops: exit=${code})`);
  }
  record({ event: "end", config: configPath, pid: process.pid, code });
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
