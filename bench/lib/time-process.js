// Starts a process and measures its wall time (and optionally its peak RSS), output to files.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** The peak resident set (VmHWM) of a live process in KiB, or null once it is gone. */
export function readPeakRssKib(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The last `bytes` bytes of a file as text ("" when unreadable). */
function readTail(file, bytes = 2000) {
  try {
    const text = readFileSync(file, "utf8");
    return text.slice(-bytes);
  } catch {
    return "";
  }
}

/**
 * Runs `file args` with stdin from a file (or closed) and stdout/stderr written to files (no pipes,
 * so the benchmark process itself does no work while it runs). Resolves to { ms, code, signal,
 * pid, peakRssKib (polled VmHWM, when pollRssMs is set), stderrTail }.
 */
export function timeProcess(file, args, options = {}) {
  const { env = process.env, cwd, stdinFile = null, stdoutFile = "/dev/null" } = options;
  const { stderrFile = "/dev/null" } = options;
  const stdin = stdinFile === null ? "ignore" : openSync(stdinFile, "r");
  const stdout = openSync(stdoutFile, "w");
  const stderr = openSync(stderrFile, "w");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env, cwd, stdio: [stdin, stdout, stderr] });
    const closeAll = () => {
      for (const fd of [stdin, stdout, stderr]) if (typeof fd === "number") closeSync(fd);
    };
    let peakRssKib = null;
    let poll = null;
    if (options.pollRssMs) {
      poll = setInterval(() => {
        const seen = readPeakRssKib(child.pid);
        if (seen !== null) peakRssKib = Math.max(peakRssKib ?? 0, seen);
      }, options.pollRssMs);
    }
    child.on("error", (error) => {
      if (poll) clearInterval(poll);
      closeAll();
      reject(error);
    });
    child.on("exit", (code, signal) => {
      const ms = performance.now() - started;
      if (poll) clearInterval(poll);
      closeAll();
      const stderrTail = stderrFile === "/dev/null" ? "" : readTail(stderrFile);
      resolve({ ms, code, signal, pid: child.pid, peakRssKib, stderrTail });
    });
  });
}

/** Throws with the stderr tail when a timed run did not exit 0. */
export function assertSucceeded(result, what) {
  if (result.code !== 0) {
    throw new Error(
      `${what} exited with ${result.code ?? result.signal}; last stderr:\n${result.stderrTail}`,
    );
  }
}
