// Small re-implementations of the CPython 3.11 string helpers that SQLAlchemy's make_url relies on:
// urllib.parse.unquote / parse_qsl / quote_plus and int(str). Only what make_url needs.

const HEX_VALUE = /^[0-9A-Fa-f]{2}$/;

// Python's utf-8 codec never strips a BOM; TextDecoder does unless told not to.
const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Percent-decodes text as urllib.parse.unquote(text) does (utf-8, errors="replace"). */
export function unquotePython(text: string): string {
  if (!text.includes("%")) return text;
  // CPython decodes each run of ASCII characters on its own, so a %-escaped UTF-8 sequence
  // interrupted by a literal non-ASCII character decodes to replacement characters.
  let result = "";
  let index = 0;
  while (index < text.length) {
    let end = index;
    while (end < text.length && text.charCodeAt(end) < 0x80) end++;
    if (end > index) {
      result += decodeAsciiRun(text.slice(index, end));
      index = end;
    }
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    result += text.slice(index, end);
    index = end;
  }
  return result;
}

// unquote_to_bytes on an ASCII-only run, then utf-8 with replacement.
function decodeAsciiRun(run: string): string {
  if (!run.includes("%")) return run;
  const bytes: number[] = [];
  for (let index = 0; index < run.length; index++) {
    const pair = run.slice(index + 1, index + 3);
    if (run[index] === "%" && HEX_VALUE.test(pair)) {
      bytes.push(Number.parseInt(pair, 16));
      index += 2;
    } else {
      bytes.push(run.charCodeAt(index));
    }
  }
  return utf8Decoder.decode(Uint8Array.from(bytes));
}

/** Splits a query string as urllib.parse.parse_qsl(text) does with its defaults. */
export function parseQueryPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (text === "") return pairs;
  for (const field of text.split("&")) {
    const equals = field.indexOf("=");
    // keep_blank_values=False: fields without "=" or with an empty value are dropped.
    if (equals < 0 || equals === field.length - 1) continue;
    const name = unquotePython(field.slice(0, equals).replaceAll("+", " "));
    const value = unquotePython(field.slice(equals + 1).replaceAll("+", " "));
    pairs.push([name, value]);
  }
  return pairs;
}

const ALWAYS_SAFE = /^[A-Za-z0-9_.\-~]$/;
const utf8Encoder = new TextEncoder();

/** Quotes text as urllib.parse.quote_plus(text) does (safe="", utf-8). */
export function quotePlusPython(text: string): string {
  let result = "";
  for (const byte of utf8Encoder.encode(text)) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && ALWAYS_SAFE.test(char)) result += char;
    else if (char === " ") result += "+";
    else result += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return result;
}

// str.isspace() in CPython 3.11: ASCII \t\n\v\f\r, \x1c-\x1f, space, and the Unicode spaces.
const PYTHON_SPACE =
  /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** CPython refuses to convert longer digit strings (sys.int_info.default_max_str_digits). */
const MAX_STR_DIGITS = 4300;

/** The value of int(text) in Python for base 10, or null where Python raises ValueError. */
export function parsePythonInt(text: string): bigint | null {
  // Like _PyUnicode_TransformDecimalAndSpaceToASCII: any Unicode space becomes " ",
  // any Unicode decimal digit its ASCII digit, any other non-ASCII character is invalid.
  let ascii = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (PYTHON_SPACE.test(char)) ascii += " ";
    else if (code < 0x80) ascii += char;
    else if (DECIMAL_DIGIT.test(char)) ascii += String(getDecimalValue(code));
    else return null;
  }
  const match = /^[ ]*([+-]?)([0-9]+(?:_[0-9]+)*)[ ]*$/.exec(ascii);
  if (match === null) return null;
  const digits = match[2]!.replaceAll("_", "");
  if (digits.length > MAX_STR_DIGITS) return null;
  const value = BigInt(digits);
  return match[1] === "-" ? -value : value;
}

// Unicode guarantees decimal digits come in contiguous runs of ten, zero first.
function getDecimalValue(code: number): number {
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

/** Compares strings by code point, as Python's sort does (JS compares UTF-16 units). */
export function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const difference = a[index]!.codePointAt(0)! - b[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
