// Picks the progress display: the live list on a real terminal, plain lines anywhere else.
import { createPlainRenderer } from "./plain-renderer.js";
import type { ProgressRenderer } from "./progress-renderer.js";

/** Where progress goes (stderr); isTTY, columns and rows come with a terminal. */
export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface ChooseRendererOptions {
  stream: ProgressStream;
  env: NodeJS.ProcessEnv;
  verbose: boolean;
  quiet: boolean;
  /** --json: changes nothing here, as progress always goes to stream (stderr) and never to stdout. */
  json: boolean;
  /** The camcops_server subcommand, for the list's header. */
  command?: string;
  /** Clock for plain lines of events that carry no time. */
  now?: () => Date;
}

/** True when the live list may be drawn: a terminal, not CI, not a dumb terminal, neither -v nor --quiet. */
export function shouldUseTerminalList(options: {
  stream: ProgressStream;
  env: NodeJS.ProcessEnv;
  verbose: boolean;
  quiet: boolean;
}): boolean {
  const { stream, env } = options;
  // -v promises every output line kept in the scrollback, and --quiet promises silence: plain lines give both.
  if (options.verbose || options.quiet) return false;
  return stream.isTTY === true && env.CI === undefined && env.TERM !== "dumb";
}

/** True when colour may be used on stream: a terminal that is not dumb, and NO_COLOR not set (non-empty). */
export function shouldUseColor(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return stream.isTTY === true && env.TERM !== "dumb" && !noColor;
}

/** Creates the renderer for this run; listr2 is loaded only when the live list is chosen. */
export async function chooseRenderer(options: ChooseRendererOptions): Promise<ProgressRenderer> {
  const { stream, env } = options;
  if (shouldUseTerminalList(options)) {
    const { createListrRenderer } = await import("./listr-renderer.js");
    return createListrRenderer({
      stream,
      command: options.command ?? "camcops_server",
      color: shouldUseColor(stream, env),
    });
  }
  return createPlainRenderer({
    write: (text) => {
      stream.write(text);
    },
    verbose: options.verbose,
    quiet: options.quiet,
    now: options.now,
  });
}
