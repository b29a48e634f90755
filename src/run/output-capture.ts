// Captures one config's output: a bounded tail in memory, the full (masked) log on disk, lines for -v.
import { StringDecoder } from "node:string_decoder";

export interface OutputCaptureOptions {
  /** Hides secrets in text made of whole lines. */
  mask: (text: string) => string;
  /** Full output goes here when --log-dir is set; returns false when the writer wants us to wait. */
  writeLog?: ((text: string) => boolean) | undefined;
  /** Called once the log writer has drained after returning false. */
  onLogDrain?: ((resume: () => void) => void) | undefined;
  /** Every complete line, for -v (only set when lines are wanted: splitting costs per line). */
  onLine?: ((stream: "stdout" | "stderr", line: string) => void) | undefined;
  /** Bytes of recent output kept in memory. */
  tailBytes?: number;
}

/** A line longer than this is cut so that memory never grows with one endless line. */
const MAX_PENDING_BYTES = 64 * 1024;
const DEFAULT_TAIL_BYTES = 32 * 1024;
const MAX_TAIL_LINE_CHARS = 1000;

/** Collects a child's stdout and stderr, whole lines at a time, in arrival order. */
export class OutputCapture {
  private readonly options: OutputCaptureOptions;
  private readonly tailLimit: number;
  private readonly pending = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  private readonly pendingSize = { stdout: 0, stderr: 0 };
  private recent: Buffer[] = [];
  private recentSize = 0;
  private firstLineCut = false;

  constructor(options: OutputCaptureOptions) {
    this.options = options;
    this.tailLimit = options.tailBytes ?? DEFAULT_TAIL_BYTES;
  }

  /** Follows one output stream of a child until it ends, pausing it while the log file catches up. */
  follow(
    stream: NodeJS.ReadableStream & { pause(): unknown; resume(): unknown },
    name: "stdout" | "stderr",
  ): Promise<void> {
    return new Promise((resolve) => {
      stream.on("data", (chunk: Buffer) => {
        if (!this.accept(name, chunk)) {
          stream.pause();
          this.options.onLogDrain?.(() => stream.resume());
        }
      });
      stream.once("end", () => resolve());
      stream.once("close", () => resolve());
      stream.once("error", () => resolve());
    });
  }

  /** Takes one chunk; returns false when the log writer asks for a pause. */
  accept(name: "stdout" | "stderr", chunk: Buffer): boolean {
    const newline = chunk.lastIndexOf(10);
    if (newline === -1) {
      this.pending[name].push(chunk);
      this.pendingSize[name] += chunk.length;
      if (this.pendingSize[name] < MAX_PENDING_BYTES) return true;
      return this.emitComplete(name, this.takePending(name, Buffer.from("\n")));
    }
    const complete = this.takePending(name, chunk.subarray(0, newline + 1));
    const rest = chunk.subarray(newline + 1);
    if (rest.length > 0) {
      this.pending[name].push(rest);
      this.pendingSize[name] = rest.length;
    }
    return this.emitComplete(name, complete);
  }

  /** Ends any unterminated last line of both streams (at the end of an attempt). */
  flush(): void {
    for (const name of ["stdout", "stderr"] as const) {
      if (this.pendingSize[name] > 0)
        this.emitComplete(name, this.takePending(name, Buffer.from("\n")));
    }
  }

  /** Writes a line of our own into the log (e.g. an attempt header); not part of the tail. */
  note(text: string): void {
    this.options.writeLog?.(`${text}\n`);
  }

  /** The last `count` output lines, secrets hidden, oldest first; fresh strings, so they pin no buffer. */
  getTail(count: number): string[] {
    const all = this.recent.length === 1 ? this.recent[0]! : Buffer.concat(this.recent);
    const lines: string[] = [];
    let end = all.length > 0 && all[all.length - 1] === 10 ? all.length - 1 : all.length;
    let start = end;
    while (lines.length < count && end > 0) {
      start = all.lastIndexOf(10, end - 1) + 1;
      lines.push(all.toString("utf8", start, end).replace(/\r$/, ""));
      end = start - 1;
    }
    lines.reverse();
    if (this.firstLineCut && start === 0 && lines.length > 0) lines[0] = `…${lines[0]}`;
    return lines.map((line) => truncate(this.options.mask(line)));
  }

  /** The newest non-empty output line, secrets hidden; for the live display. */
  getNewestLine(): string | null {
    for (let index = this.recent.length - 1; index >= 0; index -= 1) {
      const block = this.recent[index]!;
      let end = block.length;
      // Skip trailing blank lines (and spaces) of this block, then take the line before them.
      while (end > 0 && (block[end - 1] === 10 || block[end - 1] === 13 || block[end - 1] === 32))
        end -= 1;
      if (end === 0) continue;
      const line = block.toString("utf8", block.lastIndexOf(10, end - 1) + 1, end).trim();
      if (line.length > 0) return truncate(this.options.mask(line));
    }
    return null;
  }

  private takePending(name: "stdout" | "stderr", last: Buffer): Buffer {
    const parts = this.pending[name];
    const joined = parts.length === 0 ? last : Buffer.concat([...parts, last]);
    this.pending[name] = [];
    this.pendingSize[name] = 0;
    return joined;
  }

  /** Handles whole lines: keeps them in the tail, masks them once for the log and for -v. */
  private emitComplete(name: "stdout" | "stderr", complete: Buffer): boolean {
    this.remember(complete);
    const { writeLog, onLine, mask } = this.options;
    if (!writeLog && !onLine) return true;
    const text = mask(new StringDecoder("utf8").end(complete));
    if (onLine) {
      const lines = text.split("\n");
      lines.pop();
      for (const line of lines) onLine(name, line.replace(/\r$/, ""));
    }
    return writeLog ? writeLog(text) : true;
  }

  /** Keeps about tailLimit bytes of the newest output, in whole blocks of lines where possible. */
  private remember(complete: Buffer): void {
    this.recent.push(complete);
    this.recentSize += complete.length;
    while (this.recent.length > 1 && this.recentSize - this.recent[0]!.length >= this.tailLimit) {
      this.recentSize -= this.recent.shift()!.length;
      // Blocks start at line starts, so only a block cut below can begin mid-line.
      this.firstLineCut = false;
    }
    if (this.recentSize <= this.tailLimit * 2) return;
    // One huge block: keep its end from a line start, copied so the big chunk can be freed.
    const all = this.recent.length === 1 ? this.recent[0]! : Buffer.concat(this.recent);
    const newline = all.indexOf(10, all.length - this.tailLimit - 1);
    if (newline !== -1 && newline < all.length - 1) {
      this.recent = [Buffer.from(all.subarray(newline + 1))];
      this.firstLineCut = false;
    } else {
      // One endless line: hide secrets before cutting, so the cut cannot expose part of one.
      const masked = Buffer.from(this.options.mask(all.toString("utf8")));
      this.recent = [Buffer.from(masked.subarray(masked.length - this.tailLimit))];
      this.firstLineCut = true;
    }
    this.recentSize = this.recent[0]!.length;
  }
}

function truncate(line: string): string {
  return line.length > MAX_TAIL_LINE_CHARS ? `${line.slice(0, MAX_TAIL_LINE_CHARS)}…` : line;
}
