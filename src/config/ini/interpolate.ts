// Reading a value as ConfigParser.get() does: BasicInterpolation of %(name)s and %%, lazily.
//
// Rules (CPython 3.11): "%%" gives "%"; "%(name)s" gives the value of option name (lower-cased)
// from the same section, else [DEFAULT], itself expanded when it holds a "%"; any other "%" is
// InterpolationSyntaxError; an unknown name is InterpolationMissingOptionError; more than
// MAX_INTERPOLATION_DEPTH (10) nested expansions is InterpolationDepthError.

import { DEFAULT_SECTION, type IniDocument, type IniValue } from "./ini-document.js";
import { pythonLower } from "./python-text.js";

/** Python's interpolation exception class names. */
export type InterpolationErrorType =
  | "InterpolationSyntaxError"
  | "InterpolationMissingOptionError"
  | "InterpolationDepthError";

/** A value read through interpolation, or why it cannot be. */
export type ReadValue =
  | { value: string; error: null }
  | { value: null; error: { type: InterpolationErrorType; message: string } };

/** Asking for a section or option that does not exist (Python's NoSectionError / NoOptionError). */
export class IniLookupError extends Error {
  override readonly name = "IniLookupError";
  readonly type: "NoSectionError" | "NoOptionError";
  constructor(type: "NoSectionError" | "NoOptionError", message: string) {
    super(message);
    this.type = type;
  }
}

/** configparser.MAX_INTERPOLATION_DEPTH. */
export const MAX_INTERPOLATION_DEPTH = 10;

/** Raised inside the expansion; turned into a ReadValue error at the top. */
class InterpolationFailure {
  readonly type: InterpolationErrorType;
  readonly message: string;
  constructor(type: InterpolationErrorType, message: string) {
    this.type = type;
    this.message = message;
  }
}

const PERCENT_ADVICE =
  "camcops_server treats '%' in config values as the start of a substitution, so a literal '%' " +
  "(for example in a database password inside DB_URL) must be written '%%'";

/** Where a value's options come from: the section's own, then [DEFAULT]. */
function lookupScope(doc: IniDocument, section: string): Map<string, IniValue>[] {
  if (section === DEFAULT_SECTION) return [doc.defaults];
  const own = doc.sections.get(section);
  if (!own) throw new IniLookupError("NoSectionError", `no section [${section}]`);
  return [own.options, doc.defaults];
}

/** The raw value of a (lower-cased) option name in the scope, or undefined. */
function findRaw(scope: Map<string, IniValue>[], name: string): string | undefined {
  for (const options of scope) {
    const found = options.get(name);
    if (found) return found.raw;
  }
  return undefined;
}

/** Expands one value (BasicInterpolation._interpolate_some); memoised per (name, depth). */
class Expander {
  private readonly memo = new Map<string, string | InterpolationFailure>();
  constructor(
    private readonly scope: Map<string, IniValue>[],
    private readonly where: string,
  ) {}

  /** The expanded text of `rest`, read at nesting `depth`; throws InterpolationFailure. */
  expand(rest: string, depth: number): string {
    if (depth > MAX_INTERPOLATION_DEPTH) {
      throw new InterpolationFailure(
        "InterpolationDepthError",
        `${this.where} nests %(name)s substitutions more than ${MAX_INTERPOLATION_DEPTH} deep ` +
          "(probably options that refer to each other in a loop)",
      );
    }
    let out = "";
    let pos = 0;
    while (pos < rest.length) {
      const percent = rest.indexOf("%", pos);
      if (percent < 0) return out + rest.slice(pos);
      out += rest.slice(pos, percent);
      const next = rest.charCodeAt(percent + 1);
      if (next === 0x25) {
        out += "%";
        pos = percent + 2;
      } else if (next === 0x28) {
        const close = rest.indexOf(")", percent + 2);
        if (close <= percent + 2 || rest.charCodeAt(close + 1) !== 0x73) {
          throw new InterpolationFailure(
            "InterpolationSyntaxError",
            `${this.where} has a '%(' at character ${percent + 1} of its value that is not a ` +
              `complete '%(name)s' reference; ${PERCENT_ADVICE}`,
          );
        }
        const name = pythonLower(rest.slice(percent + 2, close));
        pos = close + 2;
        out += this.expandReference(name, depth);
      } else {
        throw new InterpolationFailure(
          "InterpolationSyntaxError",
          `${this.where} has a '%' at character ${percent + 1} of its value that is followed by ` +
            `neither '%' nor '('; ${PERCENT_ADVICE}`,
        );
      }
    }
    return out;
  }

  /** The text a %(name)s reference at `depth` gives. */
  private expandReference(name: string, depth: number): string {
    const value = findRaw(this.scope, name);
    if (value === undefined) {
      throw new InterpolationFailure(
        "InterpolationMissingOptionError",
        `${this.where} refers to %(${name})s, but there is no option '${name}' in that ` +
          `section or in [DEFAULT]; ${PERCENT_ADVICE}`,
      );
    }
    if (!value.includes("%")) return value;
    const key = `${depth}\u0000${name}`;
    let result = this.memo.get(key);
    if (result === undefined) {
      try {
        result = this.expand(value, depth + 1);
      } catch (error) {
        if (!(error instanceof InterpolationFailure)) throw error;
        result = error;
      }
      this.memo.set(key, result);
    }
    if (result instanceof InterpolationFailure) throw result;
    return result;
  }
}

/** parser.get(section, option) with BasicInterpolation; section "DEFAULT" reads [DEFAULT]. */
export function readOption(doc: IniDocument, section: string, option: string): ReadValue {
  const scope = lookupScope(doc, section);
  const name = pythonLower(option);
  const raw = findRaw(scope, name);
  if (raw === undefined) {
    throw new IniLookupError("NoOptionError", `no option '${name}' in section [${section}]`);
  }
  const expander = new Expander(scope, `option '${name}' in section [${section}]`);
  try {
    return { value: expander.expand(raw, 1), error: null };
  } catch (error) {
    if (!(error instanceof InterpolationFailure)) throw error;
    return { value: null, error: { type: error.type, message: error.message } };
  }
}

/** True when parser.has_option(section, option) would be (section "DEFAULT" reads [DEFAULT]). */
export function hasOption(doc: IniDocument, section: string, option: string): boolean {
  if (section !== DEFAULT_SECTION && !doc.sections.has(section)) return false;
  return findRaw(lookupScope(doc, section), pythonLower(option)) !== undefined;
}

/** The option names ConfigParser.items(section) gives: [DEFAULT]'s, then the section's new ones. */
export function listOptionNames(doc: IniDocument, section: string): string[] {
  const scope = lookupScope(doc, section);
  const names = new Set<string>(doc.defaults.keys());
  for (const name of scope[0]!.keys()) names.add(name);
  return [...names];
}
