// Starts a process for a test with a clean environment, captures its output, and waits for it.
import { type ChildProcess, spawn } from "node:child_process";
import { type WaitForOptions, waitFor } from "./wait-for.js";

/** How a process ended, with everything it printed. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd?: string;
  /** Added to a clean copy of this process's environment; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (stdin is always a pipe, never a terminal). */
  input?: string;
  /** Safety net: SIGKILL the process group and fail after this long; default 60 s. */
  timeoutMs?: number;
}

/** A running process: its output so far, a way to signal it, and its result. */
export interface ProcessHandle {
  child: ChildProcess;
  pid: number;
  result: Promise<ProcessResult>;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout or stderr (or the given stream) matches; rejects if the process ends first. */
  waitForOutput(
    pattern: RegExp | string,
    options?: WaitForOptions & { stream?: "stdout" | "stderr" },
  ): Promise<void>;
  /** Sends a signal to the process itself (not its group), like `kill -SIG pid`. */
  kill(signal?: NodeJS.Signals): void;
  /** Sends a signal to its whole process group, as Ctrl-C in a terminal does. */
  killGroup(signal?: NodeJS.Signals): void;
}

// Variables that would change what the tool or the stand-in does, dropped from the inherited env.
const LEAKY_ENV = /^(CAMCOPS_META_|FAKE_CAMCOPS|CAMCOPS_CONFIG_FILE$|FORCE_COLOR$)/;

/** Builds the child environment: this process's, minus leaky variables, plus overrides. */
export function buildTestEnv(
  overrides: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!LEAKY_ENV.test(key)) env[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Tests whether captured text matches a pattern. */
function matches(text: string, pattern: RegExp | string): boolean {
  return typeof pattern === "string" ? text.includes(pattern) : pattern.test(text);
}

/** Starts `command args` (no shell) in its own process group and captures its output. */
export function startProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): ProcessHandle {
  // Own process group, so a timeout can kill everything it started with one signal.
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: buildTestEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  let ended = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.on("error", () => {
    // The process may exit without reading its input.
  });
  child.stdin.end(options.input ?? "");

  const result = new Promise<ProcessResult>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      reject(
        new Error(
          `${command} ${args.join(" ")} did not finish within ${timeoutMs} ms\n` +
            `--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`,
        ),
      );
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // "close" waits for the output pipes too, so nothing printed is lost.
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      ended = true;
      resolve({ code, signal, stdout, stderr });
    });
  });

  return {
    child,
    pid: child.pid!,
    result,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput: async (pattern, waitOptions = {}) => {
      const { stream, ...rest } = waitOptions;
      await waitFor(
        () => {
          const text =
            stream === "stdout" ? stdout : stream === "stderr" ? stderr : stdout + stderr;
          if (matches(text, pattern)) return true;
          if (ended) throw new Error(`process ended before its output matched ${String(pattern)}`);
          return false;
        },
        { what: `output matching ${String(pattern)}`, ...rest },
      );
    },
    kill: (signal = "SIGTERM") => {
      child.kill(signal);
    },
    killGroup: (signal = "SIGINT") => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is gone
      }
    },
  };
}
