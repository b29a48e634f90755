// ANSI colour for people's eyes, only when asked; every function is the identity when colour is off.
import type { ResultKind } from "../run/run-result.js";

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  /** The colour that goes with a result: green ok, yellow skipped, red anything else. */
  result(kind: ResultKind, text: string): string;
}

/** Wraps text in an SGR code and its reset. */
function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === "" ? text : `\x1b[${open}m${text}\x1b[${close}m`);
}

/** Creates the colour functions; with color false they return their input unchanged. */
export function createPaint(color: boolean): Paint {
  const same = (text: string): string => text;
  const red = color ? sgr(31, 39) : same;
  const green = color ? sgr(32, 39) : same;
  const yellow = color ? sgr(33, 39) : same;
  return {
    red,
    green,
    yellow,
    dim: color ? sgr(2, 22) : same,
    bold: color ? sgr(1, 22) : same,
    result: (kind, text) =>
      kind === "ok" ? green(text) : kind === "skipped" ? yellow(text) : red(text),
  };
}

/** True for results that make the run exit 1 (everything but ok and skipped). */
export function isFailure(kind: ResultKind): boolean {
  return kind !== "ok" && kind !== "skipped";
}
