// Each hand-written case read by CPython 3.11 (as camcops_server reads it) and by our parser:
// error type and line (all bad lines for ParsingError), or every section, option, line and value.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INI_CASES } from "./ini-cases.js";
import { type ComparableRead, findPython, readWithOurs, readWithPython } from "./ini-oracle.js";

const python = findPython();

describe.skipIf(!python.command)(
  `INI hand cases agree with CPython configparser ${python.skipReason}`,
  () => {
    let dir = "";
    let paths: string[] = [];
    let expected: ComparableRead[] = [];

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "camcops-meta-ini-hand-"));
      mkdirSync(dir, { recursive: true });
      paths = INI_CASES.map((testCase, index) => {
        const path = join(dir, `case-${index}.conf`);
        writeFileSync(path, testCase.bytes);
        return path;
      });
      expected = readWithPython(python.command!, paths);
    });

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.each(INI_CASES.map((testCase, index) => [testCase.name, index] as const))(
      "%s",
      (_name, index) => {
        expect(readWithOurs(paths[index]!)).toEqual(expected[index]);
      },
    );
  },
);
