// The shared INI parser: a config file read exactly as camcops_server reads it (CPython 3.11).

import { buildDecodeError, decodeConfigText, splitConfigLines } from "./decode-config-text.js";
import { readLinesBeforeDecodeError } from "./emulate-codecs-reader.js";
import { IniError } from "./ini-error.js";
import { readIniLines } from "./read-ini-lines.js";
import { findInvalidUtf8 } from "./utf8-decode.js";

export type { IniDocument, IniSection, IniValue } from "./ini-document.js";

import type { IniDocument } from "./ini-document.js";

/** Parse decoded config text as ConfigParser().read_file() does; throws IniError. */
export function parseIni(text: string): IniDocument {
  return readIniLines(splitConfigLines(text));
}

/**
 * Decode and parse a config file's bytes as codecs.open(path, "r", "utf8") + read_file() do;
 * throws IniError. With a bad byte, configparser still acts on the lines the reader gave it
 * first, so a strict error there (e.g. a duplicate section) is what camcops_server reports.
 */
export function parseIniFile(bytes: Uint8Array): IniDocument {
  let text: string;
  try {
    text = decodeConfigText(bytes);
  } catch (error) {
    if (!(error instanceof IniError)) throw error;
    const offset = findInvalidUtf8(bytes);
    const before = readLinesBeforeDecodeError(bytes);
    readIniLines(before.lines, false);
    throw buildDecodeError(bytes, before.errorOffset >= 0 ? before.errorOffset : offset);
  }
  return parseIni(text);
}
