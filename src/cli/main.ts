// The CLI edge: argv in, exit code out. The only place typed errors become exit codes.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { CliCommand, CommandIo } from "./cli-command.js";

/** Exit code for usage errors, nothing matched, a missing executable or an unusable report. */
export const EXIT_USAGE = 2;

/** Reads our own version without loading anything else (keeps --version fast). */
export function readVersion(): string {
  const file = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** Runs camcops-meta with these arguments; returns the exit code (bin/ calls process.exit with it). */
export async function main(
  argv: readonly string[],
  io: CommandIo = getProcessIo(),
): Promise<number> {
  if (argv.length === 1 && argv[0] === "--version") {
    io.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  try {
    const { parseCli } = await import("./parse-cli.js");
    const parsed = parseCli(argv, { env: io.env, cpuCount: availableParallelism() });
    if (parsed.kind === "version") {
      io.stdout.write(`${readVersion()}\n`);
      return 0;
    }
    if (parsed.kind === "help") {
      const { formatHelp } = await import("./format-help.js");
      io.stdout.write(formatHelp());
      return 0;
    }
    return await dispatch(parsed, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** Runs the parsed command with real terminals, prompts and signals. */
async function dispatch(command: CliCommand, io: CommandIo): Promise<number> {
  switch (command.kind) {
    case "run": {
      const { runCommand } = await import("../commands/run-command.js");
      const { confirmOnTerminal, installExitHook, installSignalHandlers } = await import(
        "./process-hooks.js"
      );
      return runCommand(command, {
        io,
        version: readVersion(),
        canPrompt: process.stdin.isTTY === true && process.stderr.isTTY === true,
        confirm: confirmOnTerminal,
        onSignals: installSignalHandlers,
        onExit: installExitHook,
      });
    }
    case "list": {
      const { listCommand } = await import("../commands/list-command.js");
      return listCommand(command, io);
    }
    case "check": {
      const { checkConfigsCommand } = await import("../commands/check-configs-command.js");
      return checkConfigsCommand(command, io);
    }
    case "show": {
      const { showCommand } = await import("../commands/show-command.js");
      return showCommand(command, io);
    }
    case "completion": {
      const { formatCompletion } = await import("./format-completion.js");
      io.stdout.write(formatCompletion(command.shell));
      return 0;
    }
  }
}

/** Prints one clear line for an error that stopped everything, and picks its exit code. */
function reportError(error: unknown, io: CommandIo): number {
  const name = (error as Error)?.name;
  const message = (error as Error)?.message ?? String(error);
  switch (name) {
    case "UsageError":
    case "NothingMatchedError":
    case "ExecutableError":
    case "ReportInputError":
      io.stderr.write(`camcops-meta: error: ${message}\n`);
      return EXIT_USAGE;
    default:
      io.stderr.write(`camcops-meta: internal error: ${(error as Error)?.stack ?? message}\n`);
      return 1;
  }
}

function getProcessIo(): CommandIo {
  // A reader that goes away (`| head`) must not crash a run that still has children to look after.
  for (const stream of [process.stdout, process.stderr]) {
    // Nowhere is left to report a broken stdout or stderr; the exit code still tells.
    stream.on("error", () => {});
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
