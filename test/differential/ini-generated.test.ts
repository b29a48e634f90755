// Thousands of random configs per run, each read by CPython 3.11 and by our parser; they must agree.
// Replay: CAMCOPS_META_SEED=<seed> [CAMCOPS_META_CASE=<index>] npx vitest run <this file>

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDecodeCase, generateIniCase } from "./generate-ini-case.js";
import { findPython, readWithOurs, readWithPython } from "./ini-oracle.js";

const python = findPython();
const FIXED_SEED = 20240611;
/** Each generator with the number of cases it makes per seed. */
const GENERATORS = [
  { name: "configs", generate: generateIniCase, count: 2000 },
  { name: "bad-byte files at chunk edges", generate: generateDecodeCase, count: 600 },
];

/** The seeds of this run: the one asked for, else the fixed one and a fresh one. */
function chooseSeeds(): number[] {
  const asked = process.env["CAMCOPS_META_SEED"];
  if (asked) return [Number(asked) >>> 0];
  return [FIXED_SEED, (Date.now() ^ (process.pid << 16)) >>> 0];
}

/** The case indices to run for one seed. */
function chooseIndices(count: number): number[] {
  const asked = process.env["CAMCOPS_META_CASE"];
  if (asked) return [Number(asked)];
  return Array.from({ length: count }, (_, index) => index);
}

const SEEDS = chooseSeeds();
const dirs: string[] = [];

/** The first place where two JSON values differ, with both sides. */
function describeDifference(ours: unknown, theirs: unknown, path = "$"): string {
  if (JSON.stringify(ours) === JSON.stringify(theirs)) return "";
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null;
  if (isObject(ours) && isObject(theirs)) {
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const found = describeDifference(ours[key], theirs[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `at ${path}: ours ${JSON.stringify(ours)}, CPython ${JSON.stringify(theirs)}`;
}

describe.skipIf(!python.command)(
  `generated configs agree with CPython configparser ${python.skipReason}`,
  () => {
    afterAll(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    for (const { name, generate, count } of GENERATORS) {
      for (const seed of SEEDS) {
        it(`${name}, seed ${seed}`, () => {
          console.log(`INI generated cases: seed ${seed} (replay with CAMCOPS_META_SEED=${seed})`);
          const dir = mkdtempSync(join(tmpdir(), "camcops-meta-ini-gen-"));
          dirs.push(dir);
          const indices = chooseIndices(count);
          const files = indices.map((index) => {
            const bytes = generate(seed, index);
            const path = join(dir, `case-${index}.conf`);
            writeFileSync(path, bytes);
            return { index, path, bytes };
          });
          const expected = readWithPython(
            python.command!,
            files.map((file) => file.path),
          );
          const mismatches: string[] = [];
          files.forEach((file, position) => {
            const ours = readWithOurs(file.path);
            const theirs = expected[position];
            if (JSON.stringify(ours) === JSON.stringify(theirs)) return;
            if (mismatches.length < 3) {
              mismatches.push(
                `${name}: seed ${seed} case ${file.index} ` +
                  `(replay: CAMCOPS_META_SEED=${seed} CAMCOPS_META_CASE=${file.index})\n` +
                  `file (base64): ${Buffer.from(file.bytes).toString("base64")}\n` +
                  `file (text): ${JSON.stringify(Buffer.from(file.bytes).toString("utf8"))}\n` +
                  describeDifference(ours, theirs),
              );
            } else mismatches.push("");
          });
          if (mismatches.length > 0) {
            throw new Error(
              `${mismatches.length} of ${files.length} cases disagree with CPython:\n\n` +
                mismatches.filter((text) => text !== "").join("\n\n"),
            );
          }
          expect(files.length).toBe(indices.length);
        });
      }
    }
  },
);
