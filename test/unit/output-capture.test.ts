import { describe, expect, it } from "vitest";
import { OutputCapture } from "../../src/run/output-capture.js";

const mask = (text: string) => text.replaceAll("s3cret", "***");

describe("OutputCapture", () => {
  it("assembles lines split across chunks and streams, in arrival order", () => {
    const lines: string[] = [];
    const capture = new OutputCapture({
      mask,
      onLine: (stream, line) => lines.push(`${stream}:${line}`),
    });
    capture.accept("stdout", Buffer.from("hel"));
    capture.accept("stderr", Buffer.from("warn 1\nwa"));
    capture.accept("stdout", Buffer.from("lo\nworld"));
    capture.accept("stderr", Buffer.from("rn 2\n"));
    capture.flush();
    expect(lines).toEqual(["stderr:warn 1", "stdout:hello", "stderr:warn 2", "stdout:world"]);
    expect(capture.getTail(10)).toEqual(["warn 1", "hello", "warn 2", "world"]);
  });

  it("hides secrets in lines, the tail and the log, even when a secret arrives in two chunks", () => {
    const log: string[] = [];
    const capture = new OutputCapture({ mask, writeLog: (text) => log.push(text) > 0 });
    capture.accept("stdout", Buffer.from("password=s3"));
    capture.accept("stdout", Buffer.from("cret ok\n"));
    expect(log.join("")).toBe("password=*** ok\n");
    expect(capture.getTail(1)).toEqual(["password=*** ok"]);
  });

  it("keeps a bounded tail however much is printed", () => {
    const capture = new OutputCapture({ mask, tailBytes: 1024 });
    const line = `${"x".repeat(99)}\n`;
    for (let index = 0; index < 10_000; index += 1)
      capture.accept("stdout", Buffer.from(`${index} ${line}`));
    const tail = capture.getTail(3);
    expect(tail).toHaveLength(3);
    expect(tail[2]!.startsWith("9999 ")).toBe(true);
    // Memory: what is kept stays near the bound, not the megabyte printed.
    const kept = (capture as unknown as { recentSize: number }).recentSize;
    expect(kept).toBeLessThanOrEqual(2048);
  });

  it("cuts one endless line instead of holding it all", () => {
    const capture = new OutputCapture({ mask, tailBytes: 1024 });
    for (let index = 0; index < 100; index += 1)
      capture.accept("stdout", Buffer.alloc(10_000, 0x61));
    const pending = (capture as unknown as { pendingSize: { stdout: number } }).pendingSize.stdout;
    expect(pending).toBeLessThan(64 * 1024);
    expect(capture.getTail(1)[0]!.length).toBeLessThanOrEqual(1001);
  });

  it("tells the newest non-empty line", () => {
    const capture = new OutputCapture({ mask });
    capture.accept("stderr", Buffer.from("first\nsecond s3cret\n\n"));
    expect(capture.getNewestLine()).toBe("second ***");
  });

  it("asks the stream to pause when the log writer is full", () => {
    const capture = new OutputCapture({ mask, writeLog: () => false });
    expect(capture.accept("stdout", Buffer.from("line\n"))).toBe(false);
    expect(capture.accept("stdout", Buffer.from("partial"))).toBe(true);
  });
});
