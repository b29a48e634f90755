// --log-dir: one config's full output to DIR/<site>.log, with backpressure.
import { createWriteStream } from "node:fs";
import type { LogWriter } from "./run-plan.js";

/** Opens (truncates) a log file; write() returns false when the caller should wait for onDrain. */
export function openLogFile(file: string): LogWriter {
  const stream = createWriteStream(file, { flags: "w", mode: 0o600 });
  let failed: Error | null = null;
  // A full disk must not crash the run: the log stops, the run goes on, the summary names the file.
  stream.on("error", (error) => {
    failed = error;
  });
  return {
    file,
    write: (text) => (failed ? true : stream.write(text)),
    onDrain: (resume) => {
      if (failed) resume();
      else stream.once("drain", resume);
    },
    close: () =>
      new Promise((resolve) => {
        if (failed) resolve();
        else stream.end(resolve);
      }),
  };
}
