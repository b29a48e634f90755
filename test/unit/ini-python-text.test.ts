// Python str semantics used by the INI parser: whitespace, strip, lower(), line splitting.

import { describe, expect, it } from "vitest";
import { splitConfigLines } from "../../src/config/ini/decode-config-text.js";
import {
  isPythonSpace,
  pythonLower,
  pythonRstrip,
  pythonStrip,
} from "../../src/config/ini/python-text.js";

describe("isPythonSpace", () => {
  it.each([
    [0x09, true],
    [0x0b, true],
    [0x1c, true],
    [0x1f, true],
    [0x20, true],
    [0x85, true],
    [0xa0, true],
    [0x1680, true],
    [0x2000, true],
    [0x200a, true],
    [0x2028, true],
    [0x202f, true],
    [0x205f, true],
    [0x3000, true],
    [0x08, false],
    [0x21, false],
    [0x200b, false],
    [0x180e, false],
    [0xfeff, false],
  ])("U+%s is space: %s", (code, expected) => {
    expect(isPythonSpace(code)).toBe(expected);
  });
});

describe("pythonStrip / pythonRstrip", () => {
  it.each([
    ["  a b  ", "a b", "  a b"],
    ["\u001fa\u001c", "a", "\u001fa"],
    ["\u0085a\u0085", "a", "\u0085a"],
    ["\ufeffa\ufeff", "\ufeffa\ufeff", "\ufeffa\ufeff"],
    ["\u3000a\u00a0", "a", "\u3000a"],
    ["   ", "", ""],
    ["", "", ""],
  ])("%j", (input, stripped, rstripped) => {
    expect(pythonStrip(input)).toBe(stripped);
    expect(pythonRstrip(input)).toBe(rstripped);
  });
});

describe("pythonLower", () => {
  it.each([
    ["DB_URL", "db_url"],
    ["İ", "i\u0307"],
    ["ΣΑΣ", "σας"],
    ["AΣ.B", "aσ.b"],
    ["AΣ. B", "aς. b"],
    ["\u212a", "k"],
    ["ẞ", "ß"],
    // Letters after Unicode 14 stay as CPython 3.11 leaves them.
    ["\ua7cbX", "\ua7cbx"],
    ["\u{10d50}Q", "\u{10d50}q"],
    ["\u{16ea0}", "\u{16ea0}"],
    // Such a letter cuts the final-sigma context like an unassigned code point does.
    ["AΣ\ua7cb", "aς\ua7cb"],
  ])("%j becomes %j", (input, expected) => {
    expect(pythonLower(input)).toBe(expected);
  });
});

describe("splitConfigLines", () => {
  it.each([
    ["", []],
    ["a", ["a"]],
    ["a\n", ["a"]],
    ["a\n\n", ["a", ""]],
    ["a\r\nb\rc\nd", ["a", "b", "c", "d"]],
    ["a\r\r\nb", ["a", "", "b"]],
    ["a\n\rb", ["a", "", "b"]],
    [
      "a\u000bb\u000cc\u001cd\u001de\u001ef\u0085g\u2028h\u2029i",
      ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    ],
    ["a\u001fb", ["a\u001fb"]],
  ])("%j", (input, expected) => {
    expect(splitConfigLines(input)).toEqual(expected);
  });
});
