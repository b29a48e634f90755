// configparser's reading rules, table-driven, without Python (expected results taken from CPython 3.11).

import { describe, expect, it } from "vitest";
import { IniError } from "../../src/config/ini/ini-error.js";
import { type IniDocument, parseIni } from "../../src/config/ini/parse-ini.js";

type Options = Record<string, [line: number, raw: string]>;

/** A document as plain data: defaults and sections with [line, raw] per option. */
function flatten(doc: IniDocument): {
  defaults: Options;
  sections: Record<string, [number, Options]>;
} {
  const options = (map: IniDocument["defaults"]): Options =>
    Object.fromEntries([...map].map(([name, value]) => [name, [value.line, value.raw]]));
  return {
    defaults: options(doc.defaults),
    sections: Object.fromEntries(
      [...doc.sections.values()].map((section) => [
        section.name,
        [section.line, options(section.options)],
      ]),
    ),
  };
}

describe("parseIni: what is stored", () => {
  it.each<[string, string, Record<string, [number, Options]>]>([
    ["= and :", "[a]\nx=1\ny : 2\n", { a: [1, { x: [2, "1"], y: [3, "2"] }] }],
    [
      "first delimiter wins",
      "[a]\nx = a:b\ny: c=d\n",
      { a: [1, { x: [2, "a:b"], y: [3, "c=d"] }] },
    ],
    [
      "names lower-cased, spaces kept inside",
      "[S]\nDB_URL  = v  w \nA B=1\n",
      { S: [1, { db_url: [2, "v  w"], "a b": [3, "1"] }] },
    ],
    [
      "header up to last ]",
      "[a]b\nx=1\n[c] ; d]\n",
      { a: [1, { x: [2, "1"] }], "c] ; d": [3, {}] },
    ],
    ["header spaces kept", "[ a ]\n", { " a ": [1, {}] }],
    ["no inline comments", "[a]\nx=1 # no ; no\n", { a: [1, { x: [2, "1 # no ; no"] }] }],
    [
      "comments skipped, even indented inside values",
      "# c\n[a]\n ; c\nx=1\n  # c\n  2\n",
      { a: [2, { x: [4, "1\n2"] }] },
    ],
    [
      "blank lines kept inside, trailing dropped",
      "[a]\nx=1\n\n  2\n\n\ny=3\n",
      { a: [1, { x: [2, "1\n\n2"], y: [7, "3"] }] },
    ],
    ["value starting on the next line", "[a]\nx=\n  1\n", { a: [1, { x: [2, "\n1"] }] }],
    [
      "continuation must be deeper than the option line",
      "[a]\n  x=1\n    2\n  y=3\n",
      { a: [1, { x: [2, "1\n2"], y: [4, "3"] }] },
    ],
    ["continuation holding = stays a value", "[a]\nx=1\n  y=2\n", { a: [1, { x: [2, "1\ny=2"] }] }],
    ["NBSP indents", "[a]\nx=1\n\u00a0 2\n", { a: [1, { x: [2, "1\n2"] }] }],
    [
      "other line ends",
      "[a]\rx=1\u2028  2\u0085y=3\r\n",
      { a: [1, { x: [2, "1\n2"], y: [4, "3"] }] },
    ],
    ["BOM inside a value kept", "[a]\nx=\ufeff1\ufeff\n", { a: [1, { x: [2, "\ufeff1\ufeff"] }] }],
  ])("%s", (_name, text, sections) => {
    expect(flatten(parseIni(text)).sections).toEqual(sections);
  });

  it("collects [DEFAULT] from every [DEFAULT] block", () => {
    const doc = parseIni("[DEFAULT]\nroot=/srv\n[s]\nx=1\n[DEFAULT]\nother=2\n");
    expect(flatten(doc).defaults).toEqual({ root: [2, "/srv"], other: [6, "2"] });
    expect(doc.defaultsLine).toBe(1);
    expect([...doc.sections.keys()]).toEqual(["s"]);
  });

  it("has no defaults line without [DEFAULT]", () => {
    expect(parseIni("[a]\n").defaultsLine).toBeNull();
  });
});

describe("parseIni: errors", () => {
  it.each<[string, string, string, number, number[]]>([
    ["malformed lines all reported", "[a]\nbad\nx=1\nworse\n", "ParsingError", 2, [2, 4]],
    ["value-less option", "[a]\nflag\n", "ParsingError", 2, [2]],
    ["nameless option", "[a]\n= x\n", "ParsingError", 2, [2]],
    ["empty header", "[a]\n[]\n", "ParsingError", 2, [2]],
    ["less indented after option", "[a]\n  x=1\n y\n", "ParsingError", 3, [3]],
    ["option before any section", "\n# c\nx=1\n[a]\n", "MissingSectionHeaderError", 3, []],
    ["BOM before the first header", "\ufeff[a]\n", "MissingSectionHeaderError", 1, []],
    ["duplicate section", "[a]\n[b]\n[a]\n", "DuplicateSectionError", 3, []],
    ["duplicate option by case", "[a]\nX=1\nx=2\n", "DuplicateOptionError", 3, []],
    [
      "duplicate option across [DEFAULT] blocks",
      "[DEFAULT]\nx=1\n[DEFAULT]\nx=2\n",
      "DuplicateOptionError",
      4,
      [],
    ],
    ["two nameless options", "[a]\n=1\n:2\n", "DuplicateOptionError", 3, []],
    [
      "strict error wins over earlier malformed lines",
      "[a]\nbad\n[a]\n",
      "DuplicateSectionError",
      3,
      [],
    ],
  ])("%s", (_name, text, type, line, badLines) => {
    let caught: unknown;
    try {
      parseIni(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IniError);
    const error = caught as IniError;
    expect([error.type, error.line]).toEqual([type, line]);
    expect(error.lines.map((bad) => bad.line)).toEqual(badLines);
  });

  it.each([
    [
      "[a]\nfoo bar\n",
      "line 2 is neither a [section], an option (name = value) nor a comment: 'foo bar'",
    ],
    ["[a]\nx=1\nX=2\n", "option 'x' in section [a] already defined at line 2"],
    ["[a]\n[a]\n", "section [a] already defined at line 1"],
  ])("message for %j", (text, message) => {
    expect(() => parseIni(text)).toThrow(message);
  });

  it("explains a BOM", () => {
    expect(() => parseIni("\ufeff[site]\n")).toThrow(/byte-order mark/);
  });

  it("keeps the text of every malformed line", () => {
    try {
      parseIni("[a]\n  one\ntwo three\n");
      expect.unreachable();
    } catch (error) {
      expect((error as IniError).lines).toEqual([
        { line: 2, text: "  one" },
        { line: 3, text: "two three" },
      ]);
    }
  });
});

describe("parseIni: messages do not show values", () => {
  it.each([
    [
      "DB_URL = mysql://u:secret@h/db\n[site]\n",
      "line 1 comes before any [section] header: option 'DB_URL'",
    ],
    [
      "[a]\n= secret\n",
      "line 2 is neither a [section], an option (name = value) nor a comment: an option with no name before '='",
    ],
  ])("%j", (text, message) => {
    expect(() => parseIni(text)).toThrow(message);
    expect(() => parseIni(text)).not.toThrow(/secret/);
  });
});
