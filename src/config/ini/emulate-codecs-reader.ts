// Which lines configparser gets from codecs.open(..., "utf8") before a bad byte stops the reader.
//
// The codecs StreamReader decodes 72-byte (then growing) chunks and may raise on a bad byte some
// lines after, or before, the line that holds it; configparser acts on every line it was given
// first (a duplicate section there wins over the decode error). This models that reader's
// readline() state step by step. Only used for files that are not valid UTF-8.

import { isPythonLineBreak } from "./python-text.js";
import { decodeUtf8Chunk } from "./utf8-decode.js";

/** Thrown inside the model where CPython's reader raises UnicodeDecodeError. */
class ModelDecodeFailure {
  readonly offset: number;
  constructor(offset: number) {
    this.offset = offset;
  }
}

/** str.splitlines(keepends=True). */
function splitLinesKeepEnds(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isPythonLineBreak(code)) continue;
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    pieces.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/** The piece without its line end (str.splitlines(keepends=False)[0] of one piece). */
function dropLineEnd(piece: string): string {
  if (piece.endsWith("\r\n")) return piece.slice(0, -2);
  const last = piece.charCodeAt(piece.length - 1);
  return piece.length > 0 && isPythonLineBreak(last) ? piece.slice(0, -1) : piece;
}

/** Number of code points (Python's len) in the text. */
function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}

/** UTF-16 index of the code point number `points` (Python's slicing index). */
function indexOfCodePoint(text: string, points: number): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < points) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    seen++;
  }
  return i;
}

/** State of codecs.StreamReader over an in-memory file (the stream is a buffered binary file). */
class CodecsReaderModel {
  private readonly bytes: Uint8Array;
  private position = 0;
  private byteBufferStart = 0;
  private charBuffer = "";
  private lineBuffer: string[] | null = null;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** StreamReader.read(size, chars, firstline). */
  private read(size: number, charsWanted: number, firstLine: boolean): string {
    if (this.lineBuffer) {
      this.charBuffer = this.lineBuffer.join("");
      this.lineBuffer = null;
    }
    const chars = charsWanted < 0 ? size : charsWanted;
    for (;;) {
      if (chars >= 0 && countCodePoints(this.charBuffer) >= chars) break;
      const newEnd =
        size < 0 ? this.bytes.length : Math.min(this.bytes.length, this.position + size);
      const newBytes = newEnd - this.position;
      this.position = newEnd;
      if (this.position === this.byteBufferStart) break;
      let result = decodeUtf8Chunk(this.bytes, this.byteBufferStart, this.position);
      if (result.errorAt !== null) {
        if (!firstLine) throw new ModelDecodeFailure(result.errorAt);
        // Keep the lines before the bad byte when there are at least two of them.
        const before = decodeUtf8Chunk(this.bytes, this.byteBufferStart, result.errorAt);
        if (before.text === null || splitLinesKeepEnds(before.text).length <= 1) {
          throw new ModelDecodeFailure(result.errorAt);
        }
        result = before;
      }
      this.byteBufferStart += result.consumed;
      this.charBuffer += result.text;
      if (newBytes === 0) break;
    }
    if (chars < 0) {
      const all = this.charBuffer;
      this.charBuffer = "";
      return all;
    }
    const cut = indexOfCodePoint(this.charBuffer, chars);
    const head = this.charBuffer.slice(0, cut);
    this.charBuffer = this.charBuffer.slice(cut);
    return head;
  }

  /** StreamReader.readline() with its defaults (size None, keepends True); "" at the end. */
  readLine(): string {
    if (this.lineBuffer) {
      const first = this.lineBuffer.shift()!;
      if (this.lineBuffer.length === 1) {
        this.charBuffer = this.lineBuffer[0]!;
        this.lineBuffer = null;
      }
      return first;
    }
    let readSize = 72;
    let line = "";
    for (;;) {
      let data = this.read(readSize, -1, true);
      // A "\r" at the end of a chunk may be the first half of "\r\n".
      if (data.endsWith("\r")) data += this.read(1, 1, false);
      line += data;
      const pieces = splitLinesKeepEnds(line);
      if (pieces.length > 1) {
        line = pieces.shift()!;
        if (pieces.length > 1) {
          pieces[pieces.length - 1] += this.charBuffer;
          this.lineBuffer = pieces;
          this.charBuffer = "";
        } else {
          this.charBuffer = pieces[0]! + this.charBuffer;
        }
        return line;
      }
      if (pieces.length === 1 && dropLineEnd(pieces[0]!) !== pieces[0]) return pieces[0]!;
      if (data === "") return line;
      if (readSize < 8000) readSize *= 2;
    }
  }
}

/** Lines (ends removed) configparser receives before the decode error, and the bad byte's offset. */
export interface LinesBeforeDecodeError {
  lines: string[];
  /** Absolute offset of the byte CPython rejects, or -1 when the reader reached the end. */
  errorOffset: number;
}

/** Replays camcops_server's codecs reader over the bytes until it raises UnicodeDecodeError. */
export function readLinesBeforeDecodeError(bytes: Uint8Array): LinesBeforeDecodeError {
  const reader = new CodecsReaderModel(bytes);
  const lines: string[] = [];
  try {
    for (;;) {
      const line = reader.readLine();
      if (line === "") return { lines, errorOffset: -1 };
      lines.push(dropLineEnd(line));
    }
  } catch (error) {
    if (error instanceof ModelDecodeFailure) return { lines, errorOffset: error.offset };
    throw error;
  }
}
