// Bytes to text and text to lines, as codecs.open(filename, "r", "utf8") hands them to configparser.

import { IniError } from "./ini-error.js";
import { isPythonLineBreak } from "./python-text.js";
import { decodeUtf8Chunk } from "./utf8-decode.js";

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Strict UTF-8 as camcops_server's codecs reader decodes a file: a BOM stays as U+FEFF, an
 * incomplete sequence cut off by the end of the file is silently dropped, anything else invalid
 * throws IniError("UnicodeDecodeError") at the line holding the bad byte.
 */
export function decodeConfigText(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    // Fall through: find out whether it is a bad byte or only a cut-off tail.
  }
  const result = decodeUtf8Chunk(bytes, 0, bytes.length);
  if (result.errorAt === null) return result.text;
  throw buildDecodeError(bytes, result.errorAt);
}

/** The UnicodeDecodeError for the bad byte at `offset` of a file, with its 1-based line. */
export function buildDecodeError(bytes: Uint8Array, offset: number): IniError {
  const prefix = decodeUtf8Chunk(bytes, 0, offset).text ?? "";
  const line = countLineBreaks(prefix) + 1;
  const hex = bytes[offset]!.toString(16).padStart(2, "0");
  return new IniError(
    "UnicodeDecodeError",
    line,
    `invalid UTF-8 (byte 0x${hex} at offset ${offset}); camcops_server reads config files as UTF-8`,
  );
}

/** Number of line ends str.splitlines() sees in the text (\r\n counts once). */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isPythonLineBreak(code)) continue;
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    count++;
  }
  return count;
}

/**
 * Lines as the codecs reader yields them to configparser (str.splitlines semantics: \n, \r, \r\n,
 * \v, \f, \x1c-\x1e, \x85, U+2028, U+2029), line ends removed; no empty last line after a final end.
 */
export function splitConfigLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // Fast path: most characters are printable and above every line-break code.
    if ((code > 0x1e && code < 0x85) || !isPythonLineBreak(code)) continue;
    lines.push(text.slice(start, i));
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  if (start < length) lines.push(text.slice(start));
  return lines;
}
