// Preloaded with `node --import` into the process being measured: at exit, writes its own peak
// resident set (VmHWM, KiB) to the file named by BENCH_PEAK_RSS_FILE. Only that process: its
// children are not counted (unlike /usr/bin/time, whose maximum includes reaped descendants).
import { readFileSync, writeFileSync } from "node:fs";

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  // Children must not overwrite it (they do not load this file, but may inherit the variable).
  delete process.env.BENCH_PEAK_RSS_FILE;
  process.on("exit", () => {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) writeFileSync(target, match[1]);
  });
}
