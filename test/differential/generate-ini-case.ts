// Random config files for the differential test, reproducible from (seed, case index).

/** A small fast PRNG (mulberry32) giving floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One seed per case, so any case can be replayed on its own. */
export function deriveCaseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const SECTION_NAMES = ["site", "server", "DEFAULT", "export", "a", "A", "default", " spaced ", "ü"];
const ODD_HEADERS = ["[]", "[a]b", "[x] ; c", "[[y]]", "[z", "[]]", "[DEFAULT] = 1"];
const OPTION_NAMES = [
  "db_url",
  "DB_URL",
  "root",
  "Root",
  "a",
  "b",
  "x",
  "with space",
  "İ",
  "σ",
  "Σ",
  "k",
  "\u212a",
  "ünï",
  "\ua7cb",
  "",
];
const VALUE_PIECES = [
  "1",
  "mysql+mysqldb://user:pass@localhost:3306/camcops?charset=utf8",
  "/srv/camcops",
  "a:b",
  "x=y",
  "  spaced  ",
  "%%",
  "%",
  "%x",
  "%(a)s",
  "%(root)s",
  "%(ROOT)s",
  "%(db_url)s",
  "%(missing)s",
  "%(a)d",
  "%(",
  "%()s",
  "%(İ)s",
  "%%(a)s",
  "é€😀",
  "\u00a0",
  "\ufeff",
  "\u001f",
  "\u200b",
  "# not a comment",
  "; nor this",
  "[s]",
];
const INDENTS = [" ", "  ", "    ", "\t", " \t", "\u00a0", "\u3000", "\u001f"];
const LINE_ENDS = [
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u2029",
  "\x0b",
  "\x0c",
  "\x1c",
  "\x1d",
  "\x1e",
  "\x85",
];
const BAD_BYTES = [
  [0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x28],
];
const CUT_TAILS = [[0xe2], [0xe2, 0x82], [0xed, 0xa0], [0xf0, 0x9f, 0x98], [0xc3]];

/** Picks and odds on one PRNG. */
class Dice {
  constructor(readonly random: () => number) {}
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  int(max: number): number {
    return Math.floor(this.random() * (max + 1));
  }
}

/** A value made of a few random pieces. */
function makeValue(dice: Dice): string {
  const count = dice.int(3);
  let value = "";
  for (let i = 0; i < count; i++) value += dice.pick(VALUE_PIECES) + (dice.chance(0.3) ? " " : "");
  return value;
}

/** Names already used in the file, so that a clean file repeats one only rarely. */
class NameBook {
  private readonly sections = new Set<string>();
  private options = new Set<string>();
  /** A section name, usually not used before. */
  section(dice: Dice): string {
    let name = dice.pick(SECTION_NAMES);
    if (this.sections.has(name) && !dice.chance(0.05)) name += this.sections.size;
    if (name !== "DEFAULT" || dice.chance(0.3)) this.options = new Set();
    this.sections.add(name);
    return name;
  }
  /** An option name, usually not used before in the current section (by lower case). */
  option(dice: Dice): string {
    let name = dice.pick(OPTION_NAMES);
    if ((name === "" || this.options.has(name.toLowerCase())) && !dice.chance(0.03)) {
      name = `${name || "n"}${this.options.size}`;
    }
    this.options.add(name.toLowerCase());
    return name;
  }
}

/** One random line of a messy config (without its line end): anything goes. */
function makeMessyLine(dice: Dice): string {
  const roll = dice.random();
  const indent = dice.chance(0.15) ? dice.pick(INDENTS) : "";
  if (roll < 0.1) return `${indent}[${dice.pick(SECTION_NAMES)}]${dice.chance(0.1) ? " " : ""}`;
  if (roll < 0.13) return indent + dice.pick(ODD_HEADERS);
  if (roll < 0.5) {
    const delimiter = dice.pick([" = ", "=", ": ", ":", " =", "\t:\t"]);
    return `${indent}${dice.pick(OPTION_NAMES)}${delimiter}${makeValue(dice)}`;
  }
  if (roll < 0.68)
    return `${dice.pick(INDENTS).repeat(1 + dice.int(2))}${makeValue(dice) || "more"}`;
  if (roll < 0.76) return `${indent}${dice.pick(["#", ";"])} comment ${makeValue(dice)}`;
  if (roll < 0.9) return dice.chance(0.7) ? "" : dice.pick(INDENTS);
  return `${indent}${dice.pick(["bad line", "novalue", "x y z", "%(a)s", "é"])}`;
}

/** One random line of a clean config: sections, options, continuations, comments, blanks. */
function makeCleanLine(dice: Dice, names: NameBook): string {
  const roll = dice.random();
  if (roll < 0.1) return `[${names.section(dice)}]`;
  if (roll < 0.55) {
    const delimiter = dice.pick([" = ", "=", ": ", ":", " =", "\t:\t"]);
    const indent = dice.chance(0.05) ? dice.pick(INDENTS) : "";
    return `${indent}${names.option(dice)}${delimiter}${makeValue(dice)}`;
  }
  if (roll < 0.72)
    return `${dice.pick(INDENTS).repeat(1 + dice.int(2))}${makeValue(dice) || "more"}`;
  if (roll < 0.82) return `${dice.chance(0.2) ? dice.pick(INDENTS) : ""}${dice.pick(["#", ";"])} c`;
  return dice.chance(0.7) ? "" : dice.pick(INDENTS);
}

/** A random config file for (seed, index): clean ones (mostly readable) and messy ones. */
export function generateIniCase(seed: number, index: number): Uint8Array {
  const dice = new Dice(createRandom(deriveCaseSeed(seed, index)));
  const messy = dice.chance(0.4);
  const names = new NameBook();
  const lineCount = 1 + dice.int(dice.chance(0.1) ? 80 : 25);
  const styleEnd = dice.chance(0.7) ? "\n" : dice.pick(LINE_ENDS);
  const lines: string[] = [];
  if (!messy || dice.chance(0.85)) lines.push(`[${names.section(dice)}]`);
  for (let i = 0; i < lineCount; i++) {
    lines.push(messy ? makeMessyLine(dice) : makeCleanLine(dice, names));
  }
  let text = "";
  for (const line of lines) text += line + (dice.chance(0.1) ? dice.pick(LINE_ENDS) : styleEnd);
  if (dice.chance(0.2)) text = text.slice(0, text.length - 1);
  if (messy && dice.chance(0.1)) text = `\ufeff${text}`;
  let bytes: Buffer = Buffer.from(text, "utf8");
  if (messy && dice.chance(0.2)) {
    const at = dice.int(bytes.length);
    bytes = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from(dice.pick(BAD_BYTES)),
      bytes.subarray(at),
    ]);
  }
  if (dice.chance(0.04)) bytes = Buffer.concat([bytes, Buffer.from(dice.pick(CUT_TAILS))]);
  return bytes;
}

const CHUNK_PIECES = [
  "[a]",
  "[a]",
  "[b]",
  "x=1",
  "x=2",
  "y = é😀",
  "bad",
  "  cont",
  "",
  "# c",
  "x".repeat(70),
  `z=${"w".repeat(140)}`,
];
const CHUNK_ENDS = ["\n", "\r\n", "\r", "\u2028", "\x0c"];

/**
 * A short file with one bad byte somewhere, lines sized around the codecs reader's 72-byte
 * chunks: whether configparser sees a strict error before the decode error depends on them.
 */
export function generateDecodeCase(seed: number, index: number): Uint8Array {
  const dice = new Dice(createRandom(deriveCaseSeed(seed ^ 0x5bd1e995, index)));
  let text = "";
  const lineCount = 1 + dice.int(29);
  for (let i = 0; i < lineCount; i++) {
    text += dice.pick(CHUNK_PIECES) + (dice.chance(0.7) ? "\n" : dice.pick(CHUNK_ENDS));
  }
  const bytes = Buffer.from(text, "utf8");
  const at = dice.int(bytes.length);
  return Buffer.concat([
    bytes.subarray(0, at),
    Buffer.from(dice.pick(BAD_BYTES)),
    bytes.subarray(at),
  ]);
}
