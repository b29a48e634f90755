// What machine the numbers came from (no host names, no paths).
import { execFileSync } from "node:child_process";
import os from "node:os";

/** First line of `cmd args` output, or null when the command is missing or fails. */
function firstLine(cmd, args) {
  try {
    const out = execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return out.split("\n")[0].trim() || null;
  } catch {
    return null;
  }
}

/** Cores, CPU model, memory, OS, and the versions of everything the benchmarks compare against. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? null,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: firstLine("python3", ["--version"]),
    xargs: firstLine("xargs", ["--version"]),
    parallel: firstLine("parallel", ["--version"]),
  };
}
