// BasicInterpolation as ConfigParser.get() applies it, table-driven, without Python.

import { describe, expect, it } from "vitest";
import {
  hasOption,
  IniLookupError,
  listOptionNames,
  readOption,
} from "../../src/config/ini/interpolate.js";
import { parseIni } from "../../src/config/ini/parse-ini.js";

/** The value (or error class) of option x in [s] of "[DEFAULT]\n<defaults>\n[s]\n<section>". */
function readX(section: string, defaults = ""): string {
  const doc = parseIni(`[DEFAULT]\n${defaults}\n[s]\n${section}\n`);
  const read = readOption(doc, "s", "x");
  return read.error ? read.error.type : read.value;
}

describe("readOption", () => {
  it.each([
    ["x=plain", "", "plain"],
    ["x=100%%", "", "100%"],
    ["x=%%(y)s", "", "%(y)s"],
    ["x=%(y)s!\ny=1", "", "1!"],
    ["x=%(Y)s\ny=1", "", "1"],
    ["x=%(root)s/a", "root=/srv", "/srv/a"],
    ["x=%(root)s\nroot=own", "root=/srv", "own"],
    ["x=%(p)s\np=50%%", "", "50%"],
    ["x=%(İ)s\nİ=dot", "", "dot"],
    ["x=%(nope)s", "", "InterpolationMissingOptionError"],
    ["x=100%", "", "InterpolationSyntaxError"],
    ["x=%x", "", "InterpolationSyntaxError"],
    ["x=%(y)d\ny=1", "", "InterpolationSyntaxError"],
    ["x=%(y", "", "InterpolationSyntaxError"],
    ["x=%()s", "", "InterpolationSyntaxError"],
    ["x=%(p)s\np=%z", "", "InterpolationSyntaxError"],
    ["x=%(x)s", "", "InterpolationDepthError"],
    ["x=%(y)s\ny=%(x)s", "", "InterpolationDepthError"],
  ])("%j with defaults %j gives %j", (section, defaults, expected) => {
    expect(readX(section, defaults)).toBe(expected);
  });

  const chain = (length: number): string =>
    `${Array.from({ length }, (_, i) => `v${i}=%(v${i + 1})s`).join("\n")}\nv${length}=%%`;

  it("allows 10 nested expansions and refuses 11", () => {
    const ten = parseIni(`[s]\n${chain(9)}\n`);
    expect(readOption(ten, "s", "v0")).toEqual({ value: "%", error: null });
    const eleven = parseIni(`[s]\n${chain(10)}\n`);
    expect(readOption(eleven, "s", "v0").error?.type).toBe("InterpolationDepthError");
    expect(readOption(eleven, "s", "v1").value).toBe("%");
  });

  it("stays fast on a wide fan-out of references", () => {
    const lines = Array.from({ length: 9 }, (_, i) => `c${i}=${`%(c${i + 1})s`.repeat(6)}`);
    const doc = parseIni(`[s]\n${lines.join("\n")}\nc9=%%\n`);
    expect(readOption(doc, "s", "c1").value).toBe("%".repeat(6 ** 8));
  });

  it("reads [DEFAULT] in its own scope", () => {
    const doc = parseIni("[DEFAULT]\nd=%(b)s\n[s]\nb=1\n");
    expect(readOption(doc, "s", "d")).toEqual({ value: "1", error: null });
    expect(readOption(doc, "DEFAULT", "d").error?.type).toBe("InterpolationMissingOptionError");
  });

  it("tells the operator to double a % in a DB_URL password", () => {
    const doc = parseIni("[site]\nDB_URL = mysql+mysqldb://u:pa%ss@h/db\n");
    const read = readOption(doc, "site", "DB_URL");
    expect(read.error?.type).toBe("InterpolationSyntaxError");
    expect(read.error?.message).toContain("'%%'");
    expect(read.error?.message).toContain("db_url");
    expect(read.error?.message).not.toContain("pa%ss");
  });

  it("throws IniLookupError for a missing section or option", () => {
    const doc = parseIni("[s]\nx=1\n");
    expect(() => readOption(doc, "t", "x")).toThrow(IniLookupError);
    expect(() => readOption(doc, "s", "y")).toThrow(IniLookupError);
  });
});

describe("listOptionNames / hasOption", () => {
  const doc = parseIni("[DEFAULT]\nroot=1\nshared=2\n[s]\nown=3\nSHARED=4\n[t]\n");
  it.each([
    ["s", ["root", "shared", "own"]],
    ["t", ["root", "shared"]],
    ["DEFAULT", ["root", "shared"]],
  ])("%s", (section, names) => {
    expect(listOptionNames(doc, section)).toEqual(names);
  });

  it.each([
    ["s", "OWN", true],
    ["t", "root", true],
    ["t", "own", false],
    ["nope", "root", false],
    ["DEFAULT", "shared", true],
  ])("hasOption(%s, %s) is %s", (section, option, expected) => {
    expect(hasOption(doc, section, option)).toBe(expected);
  });
});
