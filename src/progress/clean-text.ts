// Text from children and configs made safe for one line of a log or terminal: no escapes, no breaks.

// CSI, OSC (ended by BEL or ST) and two-byte ESC sequences, and the 8-bit CSI.
const ANSI_PATTERN =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
// Remaining C0/C1 controls except tab; line breaks are handled separately.
const CONTROL_PATTERN = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const LINE_BREAK_PATTERN = /\r\n|\r|\n/g;

const TRAILING_BREAKS_PATTERN = /[\r\n]+$/;

/** Removes ANSI escape sequences and control characters; inner line breaks become single spaces. */
export function cleanText(text: string): string {
  return text
    .replace(ANSI_PATTERN, "")
    .replace(TRAILING_BREAKS_PATTERN, "")
    .replace(LINE_BREAK_PATTERN, " ")
    .replace(CONTROL_PATTERN, "");
}
