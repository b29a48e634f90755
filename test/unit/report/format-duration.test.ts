import { describe, expect, it } from "vitest";
import { formatDuration, formatSeconds } from "../../../src/report/format-duration.js";

describe("formatDuration", () => {
  it.each([
    [0, "0.0s"],
    [-5, "0.0s"],
    [Number.NaN, "0.0s"],
    [49, "0.0s"],
    [50, "0.1s"],
    [1234, "1.2s"],
    [59_940, "59.9s"],
    [59_960, "1m00s"],
    [65_000, "1m05s"],
    [252_000, "4m12s"],
    [3_599_400, "59m59s"],
    [3_600_000, "1h00m00s"],
    [3_723_000, "1h02m03s"],
    [90_061_000, "25h01m01s"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatSeconds", () => {
  it.each([
    [0, "0.0s"],
    [1234, "1.2s"],
    [252_000, "252.0s"],
    [-1, "0.0s"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatSeconds(ms)).toBe(text);
  });
});
