// UTF-8 decoding as camcops_server's codecs reader does it, and its errors.

import { describe, expect, it } from "vitest";
import { decodeConfigText } from "../../src/config/ini/decode-config-text.js";
import { IniError } from "../../src/config/ini/ini-error.js";
import { parseIniFile } from "../../src/config/ini/parse-ini.js";
import { decodeUtf8Chunk } from "../../src/config/ini/utf8-decode.js";

/** Text and raw bytes joined into one buffer. */
function bytesOf(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((part) => Buffer.from(part as never)));
}

/** The IniError a call throws. */
function catchIniError(run: () => unknown): IniError {
  try {
    run();
  } catch (error) {
    if (error instanceof IniError) return error;
    throw error;
  }
  throw new Error("expected an IniError");
}

describe("decodeConfigText", () => {
  it.each([
    ["plain", bytesOf("[a]\nx=1\n"), "[a]\nx=1\n"],
    ["BOM kept", bytesOf([0xef, 0xbb, 0xbf], "[a]"), "\ufeff[a]"],
    ["cut-off 3-byte tail dropped", bytesOf("x", [0xe2, 0x82]), "x"],
    ["cut-off surrogate prefix dropped", bytesOf("x", [0xed, 0xa0]), "x"],
    ["cut-off 4-byte tail dropped", bytesOf("x", [0xf0, 0x9f, 0x98]), "x"],
    ["astral character", bytesOf("😀"), "😀"],
  ])("%s", (_name, input, expected) => {
    expect(decodeConfigText(input)).toBe(expected);
  });

  it.each([
    ["invalid start byte", bytesOf("[a]\nx=", [0xff]), 2, 6, "0xff"],
    ["stray continuation", bytesOf([0x80]), 1, 0, "0x80"],
    ["overlong", bytesOf("a\r\nb\r", [0xc0, 0xaf]), 3, 5, "0xc0"],
    ["surrogate", bytesOf("a\u2028", [0xed, 0xa0, 0x80]), 2, 4, "0xed"],
    ["above U+10FFFF", bytesOf("a\u000c", [0xf4, 0x90, 0x80, 0x80]), 2, 2, "0xf4"],
    ["cut-off sequence before more text", bytesOf([0xe2, 0x82], "\n"), 1, 0, "0xe2"],
  ])("%s", (_name, input, line, offset, byte) => {
    const error = catchIniError(() => decodeConfigText(input));
    expect(error.type).toBe("UnicodeDecodeError");
    expect(error.line).toBe(line);
    expect(error.message).toContain(`byte ${byte} at offset ${offset}`);
  });
});

describe("decodeUtf8Chunk (final=False)", () => {
  it.each([
    [[0x61, 0xe2], { text: "a", consumed: 1, errorAt: null }],
    [[0x61, 0xed, 0xa0], { text: "a", consumed: 1, errorAt: null }],
    [[0x61, 0xe0, 0x80], { text: null, consumed: 0, errorAt: 1 }],
    [[0x61, 0xf4, 0x90], { text: null, consumed: 0, errorAt: 1 }],
    [[0x61, 0xed, 0xa0, 0x80], { text: null, consumed: 0, errorAt: 1 }],
    [[0xc3, 0xa9, 0xf0, 0x90, 0x80], { text: "é", consumed: 2, errorAt: null }],
  ])("%j", (input, expected) => {
    const bytes = Uint8Array.from(input);
    expect(decodeUtf8Chunk(bytes, 0, bytes.length)).toEqual(expected);
  });
});

describe("parseIniFile with a bad byte: lines read before the reader fails still count", () => {
  const padding = "# padding padding padding padding padding padding padding padding padding\n";
  it.each([
    [
      "header missing, bad byte in the first chunk",
      bytesOf("x=1\n[a]\ny=", [0xff]),
      "UnicodeDecodeError",
      3,
    ],
    [
      "header missing, bad byte far away",
      bytesOf("x=1\n", padding.repeat(4), [0xff]),
      "MissingSectionHeaderError",
      1,
    ],
    [
      "duplicate section, bad byte far away",
      bytesOf("[a]\n[a]\n", padding.repeat(4), [0xff]),
      "DuplicateSectionError",
      2,
    ],
    [
      "duplicate section, bad byte close by",
      bytesOf("[a]\nx=1\n[a]\ny=", [0xff]),
      "UnicodeDecodeError",
      4,
    ],
    [
      "malformed line, bad byte later",
      bytesOf("[a]\nbad\n", "z".repeat(200), "\n", [0xff]),
      "UnicodeDecodeError",
      4,
    ],
  ])("%s", (_name, input, type, line) => {
    const error = catchIniError(() => parseIniFile(input));
    expect([error.type, error.line]).toEqual([type, line]);
  });
});
