// configparser's line-by-line reading (ConfigParser() defaults), as a single linear scan per line.
//
// Rules, as CPython 3.11 applies them to each line (its line end is whitespace to str.strip):
// - blank (after strip): adds an empty line to the option being read, if any;
// - stripped line starting with # or ;: a comment, skipped (also inside multi-line values);
// - indented deeper than the last non-continuation line while an option is open: continuation;
// - "[" + at least one char + "]" at the start (up to the LAST "]"): a section header;
// - before any section: MissingSectionHeaderError at once;
// - otherwise "name <=|:> value" split at the first = or :, else a malformed line, collected and
//   raised as one ParsingError at the end; duplicates raise at once (strict).

import { quoteText } from "./describe-text.js";
import {
  DEFAULT_SECTION,
  type IniDocument,
  type IniSection,
  type IniValue,
} from "./ini-document.js";
import { type IniBadLine, IniError } from "./ini-error.js";
import { findNonSpace, isPythonSpace, pythonLower, pythonRstrip } from "./python-text.js";

/** The options map being filled and the name under which [DEFAULT] or the section is known. */
interface OpenSection {
  name: string;
  options: Map<string, IniValue>;
}

/** Index of the first "=" or ":" in the text, or -1. */
function findDelimiter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d || code === 0x3a) return i;
  }
  return -1;
}

/** The section header name when the stripped line is one (SECTCRE: "[", .+, last "]"), else null. */
function matchSectionHeader(stripped: string): string | null {
  if (stripped.charCodeAt(0) !== 0x5b) return null;
  const close = stripped.lastIndexOf("]");
  return close >= 2 ? stripped.slice(1, close) : null;
}

/** Python's strip() of text[from..end) when text[end-1] is known not to be whitespace. */
function stripFrom(text: string, from: number): string {
  let start = from;
  while (start < text.length && isPythonSpace(text.charCodeAt(start))) start++;
  return text.slice(start);
}

/** One malformed line for a message; a nameless "= value" line shows no value (it may be secret). */
function describeBadLine(bad: IniBadLine): string {
  const delimiter = findDelimiter(bad.text);
  if (delimiter >= 0) return `an option with no name before '${bad.text[delimiter]}'`;
  return quoteText(bad.text.trim());
}

/** Operator message for the malformed lines of one file. */
function describeBadLines(lines: IniBadLine[]): string {
  const what = "neither a [section], an option (name = value) nor a comment";
  const first = lines[0]!;
  if (lines.length === 1) return `line ${first.line} is ${what}: ${describeBadLine(first)}`;
  const listed = lines.map((bad) => `line ${bad.line}: ${describeBadLine(bad)}`).join("; ");
  return `${lines.length} lines are ${what} (${listed})`;
}

/** Operator message for a line before any [section] header (an option's value is not shown). */
function describeMissingHeader(lineNumber: number, text: string): string {
  if (text.charCodeAt(0) === 0xfeff) {
    return (
      `line ${lineNumber} starts with a UTF-8 byte-order mark (BOM), which camcops_server does not ` +
      "skip, so the first [section] header is not recognised; save the file as UTF-8 without BOM"
    );
  }
  const delimiter = findDelimiter(text);
  const shown =
    delimiter >= 0
      ? `option ${quoteText(text.slice(0, delimiter).trim())}`
      : quoteText(text.trim());
  return `line ${lineNumber} comes before any [section] header: ${shown}`;
}

/**
 * Read config lines (ends removed) as ConfigParser().read_file() does. Throws IniError for the
 * first strict error; malformed lines are thrown together at the end when `complete` is true
 * (false: the reader fails after these lines, so configparser never reaches its end).
 */
export function readIniLines(lines: readonly string[], complete = true): IniDocument {
  const defaults = new Map<string, IniValue>();
  const sections = new Map<string, IniSection>();
  let defaultsLine: number | null = null;
  let current: OpenSection | null = null;
  // The option continuation and blank lines go to; "" (a nameless option) takes none.
  let optionName: string | null = null;
  let optionValue: IniValue | null = null;
  let optionPieces: string[] | null = null;
  let indentLevel = 0;
  const badLines: IniBadLine[] = [];

  const closeOption = (): void => {
    if (optionValue && optionPieces) optionValue.raw = pythonRstrip(optionPieces.join("\n"));
    optionPieces = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNumber = index + 1;
    const indent = findNonSpace(line);
    if (indent < 0) {
      if (current && optionName && optionValue) {
        optionPieces ??= [optionValue.raw];
        optionPieces.push("");
      }
      continue;
    }
    const first = line.charCodeAt(indent);
    if (first === 0x23 || first === 0x3b) continue;
    let end = line.length;
    while (isPythonSpace(line.charCodeAt(end - 1))) end--;
    const stripped = indent === 0 && end === line.length ? line : line.slice(indent, end);

    if (current && optionName && indent > indentLevel) {
      optionPieces ??= [optionValue!.raw];
      optionPieces.push(stripped);
      continue;
    }
    indentLevel = indent;

    const header = matchSectionHeader(stripped);
    if (header !== null) {
      closeOption();
      optionName = null;
      optionValue = null;
      const existing = sections.get(header);
      if (existing) {
        throw new IniError(
          "DuplicateSectionError",
          lineNumber,
          `section [${header}] already defined at line ${existing.line}`,
        );
      }
      if (header === DEFAULT_SECTION) {
        defaultsLine ??= lineNumber;
        current = { name: header, options: defaults };
      } else {
        const section: IniSection = { name: header, line: lineNumber, options: new Map() };
        sections.set(header, section);
        current = { name: header, options: section.options };
      }
      continue;
    }
    if (!current) {
      throw new IniError(
        "MissingSectionHeaderError",
        lineNumber,
        describeMissingHeader(lineNumber, line),
      );
    }

    const delimiter = findDelimiter(stripped);
    if (delimiter < 0) {
      badLines.push({ line: lineNumber, text: line });
      continue;
    }
    const name = pythonLower(pythonRstrip(stripped.slice(0, delimiter)));
    // configparser records a nameless option as a bad line yet still stores it under "".
    if (name === "") badLines.push({ line: lineNumber, text: line });
    const previous = current.options.get(name);
    if (previous) {
      throw new IniError(
        "DuplicateOptionError",
        lineNumber,
        `option '${name}' in section [${current.name}] already defined at line ${previous.line}`,
      );
    }
    closeOption();
    optionName = name;
    optionValue = { line: lineNumber, raw: stripFrom(stripped, delimiter + 1) };
    current.options.set(name, optionValue);
  }
  closeOption();

  if (complete && badLines.length > 0) {
    throw new IniError("ParsingError", badLines[0]!.line, describeBadLines(badLines), badLines);
  }
  return { defaults, defaultsLine, sections };
}
