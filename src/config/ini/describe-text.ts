// Quoting file text inside operator-facing messages.

const MAX_SHOWN = 80;

/** The text in single quotes, control and invisible characters escaped, long text shortened. */
export function quoteText(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  let out = "";
  for (const char of shown) {
    const code = char.codePointAt(0)!;
    if (char === "'" || char === "\\") out += `\\${char}`;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      out += `\\x${code.toString(16).padStart(2, "0")}`;
    } else if (code === 0xfeff || code === 0x2028 || code === 0x2029 || code === 0xad) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += char;
  }
  return `'${out}'`;
}
