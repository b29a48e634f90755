// Python 3.11 str semantics that configparser relies on: isspace/strip, splitlines breaks, lower().

/** True for the code units Python's str.isspace() (and re's \s) accepts; all are in the BMP. */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** True for the characters str.splitlines() breaks on (\r\n is handled by the caller). */
export function isPythonLineBreak(code: number): boolean {
  if (code <= 0x1e) return (code >= 0x0a && code <= 0x0d) || code >= 0x1c;
  return code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** Index of the first non-space code unit at or after `from`, or -1 (Python's whitespace). */
export function findNonSpace(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (!isPythonSpace(text.charCodeAt(i))) return i;
  }
  return -1;
}

/** Python's str.strip() with no argument: JS trim() strips U+FEFF and misses \x1c-\x1f and \x85. */
export function pythonStrip(text: string): string {
  const start = findNonSpace(text);
  if (start < 0) return "";
  let end = text.length;
  while (isPythonSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Python's str.rstrip() with no argument. */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Upper-case letters Node's newer Unicode lower-cases but CPython 3.11 (Unicode 14) leaves alone. */
function isUncasedInPython311(code: number): boolean {
  switch (code) {
    case 0x1c89:
    case 0xa7cb:
    case 0xa7cc:
    case 0xa7ce:
    case 0xa7d2:
    case 0xa7d4:
    case 0xa7da:
    case 0xa7dc:
      return true;
    default:
      return (code >= 0x10d50 && code <= 0x10d65) || (code >= 0x16ea0 && code <= 0x16eb8);
  }
}

/** True when the text holds a code point that must not be lower-cased for Python 3.11. */
function hasUncasedInPython311(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x1c89 || (code >= 0xa7cb && code <= 0xa7dc)) {
      if (isUncasedInPython311(code)) return true;
    } else if (code === 0xd803 || code === 0xd81b) {
      // high surrogates of U+10D50-U+10D65 and U+16EA0-U+16EB8
      if (isUncasedInPython311(text.codePointAt(i) ?? 0)) return true;
    }
  }
  return false;
}

/** True when every code unit is ASCII, so a plain ASCII fold is exact. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return false;
  }
  return true;
}

/**
 * Python 3.11's str.lower() (configparser's optionxform). Same rules as JS toLowerCase (İ becomes
 * i + U+0307, final sigma), except letters newer than Unicode 14, which Python keeps as they are.
 */
export function pythonLower(text: string): string {
  if (isAscii(text) || !hasUncasedInPython311(text)) return text.toLowerCase();
  // Unassigned in Python's tables, those letters are neither cased nor case-ignorable, so they
  // cut the final-sigma context exactly as lower-casing the pieces between them separately does.
  let out = "";
  let piece = "";
  for (const char of text) {
    if (isUncasedInPython311(char.codePointAt(0) ?? 0)) {
      out += piece.toLowerCase() + char;
      piece = "";
    } else {
      piece += char;
    }
  }
  return out + piece.toLowerCase();
}
