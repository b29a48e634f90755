// Each parser fixture in test/fixtures/broken/ (ini-*.conf) fails as its "# expect: <line>: <Type>" says.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildShowJson } from "../../src/config/ini/build-show-json.js";
import { IniError } from "../../src/config/ini/ini-error.js";
import { type IniDocument, parseIniFile } from "../../src/config/ini/parse-ini.js";

const BROKEN = fileURLToPath(new URL("../fixtures/broken/", import.meta.url));
const FIXTURES = readdirSync(BROKEN).filter((name) => /^ini-.*\.conf$/.test(name));

/** [line, type] from the fixture's first line (a BOM may precede it). */
function readExpectation(bytes: Buffer): [number, string] {
  const match = /# expect: (\d+): (\w+)/.exec(bytes.subarray(0, 200).toString("latin1"));
  if (!match) throw new Error("fixture has no '# expect: <line>: <Type>' line");
  return [Number(match[1]), match[2]!];
}

/** Every [line, type] the file produces: the parser error, or each option's interpolation error. */
function readOutcomes(bytes: Buffer): [number, string][] {
  let parsed: IniDocument | IniError;
  try {
    parsed = parseIniFile(bytes);
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    return [[error.line, error.type]];
  }
  const shown = buildShowJson("fixture", parsed);
  return Object.values(shown.sections).flatMap((section) =>
    Object.values(section.options).flatMap((option) =>
      option.error ? [[option.line, option.error.type] as [number, string]] : [],
    ),
  );
}

describe("parser fixtures in test/fixtures/broken", () => {
  it("has one fixture per error kind", () => {
    const types = FIXTURES.map((name) => readExpectation(readFileSync(BROKEN + name))[1]);
    expect(new Set(types)).toEqual(
      new Set([
        "ParsingError",
        "MissingSectionHeaderError",
        "DuplicateSectionError",
        "DuplicateOptionError",
        "UnicodeDecodeError",
        "InterpolationSyntaxError",
      ]),
    );
  });

  it.each(FIXTURES)("%s", (name) => {
    const bytes = readFileSync(BROKEN + name);
    expect(readOutcomes(bytes)).toEqual([readExpectation(bytes)]);
  });
});
