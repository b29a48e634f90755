// Every fixture in test/fixtures/broken/ read by CPython 3.11 and by our parser: they agree.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type ComparableRead, findPython, readWithOurs, readWithPython } from "./ini-oracle.js";

const BROKEN = fileURLToPath(new URL("../fixtures/broken/", import.meta.url));
const FIXTURES = readdirSync(BROKEN)
  .filter((name) => name.endsWith(".conf"))
  .sort();
const python = findPython();

describe.skipIf(!python.command)(
  `broken fixtures read the same as CPython configparser ${python.skipReason}`,
  () => {
    let expected: ComparableRead[] = [];
    beforeAll(() => {
      expected = readWithPython(
        python.command!,
        FIXTURES.map((name) => join(BROKEN, name)),
      );
    });

    it.each(FIXTURES.map((name, index) => [name, index] as const))("%s", (name, index) => {
      expect(readWithOurs(join(BROKEN, name))).toEqual(expected[index]);
    });
  },
);
