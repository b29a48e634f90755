// `camcops-meta [run] <cc_command>`: discovery -> loading -> checks -> plan -> run -> summary, report, exit code.
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { CommandIo, RunCommand } from "../cli/cli-command.js";
import type { LoadedConfig } from "../config/loaded-config.js";
import { hideSecrets } from "../config/secrets.js";
import { describeFsError } from "../discovery/discover-configs.js";
import { UsageError } from "../errors.js";
import type { Executable } from "../plan/build-child-command.js";
import { buildPlan } from "../plan/build-plan.js";
import { checkCommand } from "../plan/check-command.js";
import type { PlannedRun } from "../plan/planned-run.js";
import { resolveExecutable } from "../plan/resolve-executable.js";
import { chooseRenderer, shouldUseColor } from "../progress/choose-renderer.js";
import { buildReport } from "../report/build-report.js";
import { formatSummary } from "../report/format-summary.js";
import { getExitCode } from "../report/get-exit-code.js";
import { formatReportJson, writeReportAtomically } from "../report/write-report.js";
import { openLogFile } from "../run/open-log-file.js";
import type { RunEvent } from "../run/run-events.js";
import { runPlan } from "../run/run-plan.js";
import type { RunResult } from "../run/run-result.js";
import type { SpawnChild } from "../run/spawn-child.js";
import { findConfigs } from "./find-configs.js";
import { formatDryRun } from "./format-dry-run.js";
import { readHistory, selectRerun } from "./use-earlier-report.js";

export interface RunDependencies {
  io: CommandIo;
  version: string;
  /** Whether a person can answer a prompt (stdin and stderr are terminals). */
  canPrompt: boolean;
  confirm: (question: string) => Promise<boolean>;
  /** Installs handlers for SIGINT, SIGTERM and SIGHUP; returns a function that removes them. */
  onSignals: (handler: (signal: string) => void) => () => void;
  /** Runs a handler synchronously if the process exits while children run (e.g. an internal error). */
  onExit?: (handler: () => void) => () => void;
  spawn?: SpawnChild;
}

/** Runs the command across every config and returns the exit code; per-config failures are results, not throws. */
export async function runCommand(command: RunCommand, deps: RunDependencies): Promise<number> {
  const { io } = deps;
  const startedAt = Date.now();
  // Loading execa takes a noticeable moment: let it happen while discovery and loading run.
  const spawnModule = deps.spawn ? null : import("../run/spawn-child.js");
  spawnModule?.catch(() => {});
  const rerun = command.rerunFailed ? selectRerun(command.rerunFailed) : null;
  const specs = command.filespecs.length > 0 ? command.filespecs : (rerun?.paths ?? []);
  if (rerun && rerun.paths.length === 0) {
    io.stderr.write(
      `camcops-meta: every config succeeded in ${command.rerunFailed}; nothing to rerun\n`,
    );
    return 0;
  }
  const found = await findConfigs(specs, {
    cwd: io.cwd,
    allowEmpty: command.allowEmpty,
    keep: rerun ? (file) => rerun.realPaths.has(file.realPath) : undefined,
    keepDescription: `configs that did not succeed in ${command.rerunFailed}`,
    // Paths read from a report are files, not patterns, even when they hold ( [ * or {.
    literal: command.filespecs.length === 0,
  });
  const warnings = [...found.warnings];
  if (found.configs.length === 0) {
    io.stderr.write("camcops-meta: no config file matched (--allow-empty): nothing to do\n");
    return 0;
  }
  const executable = findExecutable(command, io, warnings);
  const history = command.history ? readHistory(command.history) : undefined;
  const plan = buildPlan({
    configs: found.configs,
    executable,
    ccCommand: command.ccCommand,
    ccargs: command.ccargs,
    extra: command.extra,
    sameDatabase: command.sameDatabase,
    history,
  });
  const maskFor = (run: PlannedRun) => (text: string) => hideSecrets(text, run.config.secrets);
  const check = checkCommand(command.ccCommand, plan, command.jobs);
  if (check.refusal) throw new UsageError(check.refusal, "cc_command");
  warnings.push(...check.warnings, ...collectConfigWarnings(found.configs));

  if (command.dryRun) {
    for (const warning of warnings) io.stderr.write(`camcops-meta: warning: ${warning}\n`);
    if (check.confirmation)
      io.stderr.write(`camcops-meta: ${check.confirmation}; a real run asks to confirm\n`);
    io.stdout.write(formatDryRun(plan, (run, text) => maskFor(run)(text)));
    return plan.some((run) => run.preResult === "invalid") ? 1 : 0;
  }
  if (check.confirmation) await confirmOrRefuse(check.confirmation, plan, command, deps);
  if (command.logDir) prepareLogDir(path.resolve(io.cwd, command.logDir));
  if (command.reportFile) checkReportFolder(path.resolve(io.cwd, command.reportFile));

  const renderer = await chooseRenderer({
    stream: io.stderr,
    env: io.env,
    verbose: command.verbose,
    quiet: command.quiet,
    json: command.json,
    command: command.ccCommand,
  });
  const onEvent = (event: RunEvent) => renderer.onEvent(event);
  for (const message of warnings) onEvent({ type: "warning", message, at: Date.now() });
  const logDir = command.logDir ? path.resolve(io.cwd, command.logDir) : null;
  let interruptedBy: string | null = null;
  const controller = runPlan(plan, {
    jobs: command.jobs,
    timeoutMs: command.timeoutMs,
    killGraceMs: command.killGraceMs,
    retries: command.retries,
    bail: command.bail,
    useHistory: history !== undefined,
    liveOutput: command.verbose ? "all" : isTerminal(io.stderr) ? "newest" : "none",
    onEvent,
    getMask: maskFor,
    openLog: logDir ? (run) => openLogFile(path.join(logDir, `${run.config.site}.log`)) : undefined,
    configExists: existsSync,
    spawn: deps.spawn ?? (await spawnModule!).spawnChild,
  });
  const removeHandlers = deps.onSignals((signal) => {
    interruptedBy ??= signal;
    controller.interrupt(signal);
  });
  const removeExitHook = deps.onExit?.(() => controller.killAll());
  let results: RunResult[];
  try {
    results = await controller.done;
  } finally {
    removeHandlers();
    removeExitHook?.();
  }
  await renderer.close();
  const endedAt = Date.now();
  const exitCode = getExitCode(results, interruptedBy);
  const shownResults = maskReasons(results, maskFor);
  const summary = formatSummary(shownResults, {
    color: !command.json && shouldUseColor(io.stdout, io.env),
    command: command.ccCommand,
    totalMs: endedAt - startedAt,
  });
  const summaryStream = command.json ? io.stderr : io.stdout;
  // On a terminal the summary follows the live list: keep them apart.
  summaryStream.write(isTerminal(summaryStream) ? `\n${summary}` : summary);
  if (command.json || command.reportFile) {
    const report = buildReport({
      ccCommand: command.ccCommand,
      argvTemplate: [
        executable.file,
        ...executable.leadingArgs,
        command.ccCommand,
        "--config",
        "{config}",
        ...command.ccargs,
        ...command.extra,
      ],
      version: deps.version,
      startedAt,
      endedAt,
      exitCode,
      signal: interruptedBy,
      jobs: command.jobs,
      options: describeOptions(command),
      results: shownResults,
    });
    if (command.json) io.stdout.write(formatReportJson(report));
    if (command.reportFile) {
      const file = path.resolve(io.cwd, command.reportFile);
      try {
        await writeReportAtomically(file, report);
      } catch (error) {
        // The run happened: say what was lost and keep its exit code (a clean run becomes 1).
        io.stderr.write(
          `camcops-meta: error: cannot write --report ${file}: ${describeFsError(error)}\n`,
        );
        return exitCode === 0 ? 1 : exitCode;
      }
    }
  }
  return exitCode;
}

/** Checks up front that --report can be written, so a long run does not end without its report. */
function checkReportFolder(file: string): void {
  const folder = path.dirname(file);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `--report ${file}: cannot write in ${folder}: ${describeFsError(error)}`,
      "--report",
    );
  }
}

/** Checks camcops_server once; in a dry run a missing one is a warning, since nothing will run. */
function findExecutable(command: RunCommand, io: CommandIo, warnings: string[]): Executable {
  const input = { camcops: command.camcops, python: command.python, cwd: io.cwd, env: io.env };
  if (!command.dryRun) return resolveExecutable(input);
  try {
    return resolveExecutable(input);
  } catch (error) {
    warnings.push(`${(error as Error).message}; a real run would stop here`);
    const camcops = command.camcops ?? "camcops_server";
    return camcops.endsWith(".py")
      ? { file: command.python, leadingArgs: [camcops] }
      : { file: camcops, leadingArgs: [] };
  }
}

/** Warnings that loading found in the configs themselves (world-readable files, shared databases). */
function collectConfigWarnings(configs: readonly LoadedConfig[]): string[] {
  return configs.flatMap((config) =>
    config.problems
      .filter((problem) => problem.severity === "warning")
      .map((problem) => `${config.path}:${problem.line}: ${problem.message}`),
  );
}

/** Asks a person on a terminal; elsewhere only --yes lets a destructive command run. */
async function confirmOrRefuse(
  danger: string,
  plan: readonly PlannedRun[],
  command: RunCommand,
  deps: RunDependencies,
): Promise<void> {
  if (command.yes) return;
  if (!deps.canPrompt) {
    throw new UsageError(
      `${danger}: add --yes to run it without a terminal to confirm on`,
      "--yes",
    );
  }
  const sites = plan
    .filter((run) => run.preResult === null)
    .map((run) => `  ${run.config.site}  ${run.config.database?.url ?? ""}`);
  deps.io.stderr.write(`${danger}:\n${sites.join("\n")}\n`);
  if (!(await deps.confirm(`Run "${command.ccCommand}" on all of these? Type yes to continue: `))) {
    throw new UsageError("not confirmed: nothing was run", "--yes");
  }
}

/** Creates --log-dir up front, so a bad folder stops the run before anything starts. */
function prepareLogDir(dir: string): void {
  // One level at a time: Node's recursive mkdir spins forever where a parent cannot hold folders (/proc).
  const missing: string[] = [];
  for (let folder = dir; !existsSync(folder); folder = path.dirname(folder)) {
    missing.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  try {
    for (const folder of missing) mkdirSync(folder);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
  } catch (error) {
    throw new UsageError(
      `--log-dir ${dir}: cannot create it: ${describeFsError(error)}`,
      "--log-dir",
    );
  }
}

/** Reasons can quote config lines; hide each config's secrets in them too. */
function maskReasons(
  results: readonly RunResult[],
  maskFor: (run: PlannedRun) => (text: string) => string,
): RunResult[] {
  return results.map((result) =>
    result.reason === null ? result : { ...result, reason: maskFor(result.run)(result.reason) },
  );
}

/** The options that shaped the run, for the report. */
function describeOptions(command: RunCommand): Record<string, unknown> {
  return {
    jobs: command.jobs,
    sameDatabase: command.sameDatabase,
    timeoutMs: command.timeoutMs,
    killGraceMs: command.killGraceMs,
    retries: command.retries,
    bail: command.bail,
    logDir: command.logDir,
    history: command.history,
    rerunFailed: command.rerunFailed,
    filespecs: command.filespecs,
  };
}

/** Whether a stream is a terminal (process streams say so; test streams do not). */
function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
