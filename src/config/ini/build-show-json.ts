// The `show --json` object for one file: every value as camcops_server would read it.

import { DEFAULT_SECTION, type IniDocument, type IniValue } from "./ini-document.js";
import { IniError } from "./ini-error.js";
import { listOptionNames, readOption } from "./interpolate.js";

/** One option as shown: its line, its interpolated value, or why interpolation fails. */
export interface ShownValue {
  line: number;
  value: string | null;
  error: { type: string; message: string } | null;
}

/** The `show --json` shape (see PRODUCT.md, "list, check, show"). */
export interface ShowJson {
  file: string;
  error: { type: string; line: number; message: string } | null;
  defaults: Record<string, ShownValue>;
  sections: Record<string, { line: number; options: Record<string, ShownValue> }>;
}

/** Replaces a secret value by what may be shown; identity when none is given. */
export type HideValue = (section: string, option: string, value: string) => string;

/** One option of a section (or of [DEFAULT]) read and possibly redacted. */
function showOption(
  doc: IniDocument,
  section: string,
  name: string,
  stored: IniValue,
  hideValue: HideValue | undefined,
): ShownValue {
  const read = readOption(doc, section, name);
  if (read.error) return { line: stored.line, value: null, error: read.error };
  const value = hideValue ? hideValue(section, name, read.value) : read.value;
  return { line: stored.line, value, error: null };
}

/** Build the show JSON of a parsed file, or of the IniError that stopped it. */
export function buildShowJson(
  file: string,
  parsed: IniDocument | IniError,
  hideValue?: HideValue,
): ShowJson {
  if (parsed instanceof IniError) {
    return {
      file,
      error: { type: parsed.type, line: parsed.line, message: parsed.message },
      defaults: {},
      sections: {},
    };
  }
  // Object.fromEntries keeps names such as "__proto__" as plain keys.
  const defaults = Object.fromEntries(
    [...parsed.defaults].map(([name, stored]) => [
      name,
      showOption(parsed, DEFAULT_SECTION, name, stored, hideValue),
    ]),
  );
  const sections = Object.fromEntries(
    [...parsed.sections.values()].map((section) => {
      const options = listOptionNames(parsed, section.name).map((name) => {
        const stored = section.options.get(name) ?? parsed.defaults.get(name)!;
        return [name, showOption(parsed, section.name, name, stored, hideValue)] as const;
      });
      return [section.name, { line: section.line, options: Object.fromEntries(options) }] as const;
    }),
  );
  return { file, error: null, defaults, sections };
}
