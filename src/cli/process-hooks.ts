// The process-wide side effects a run needs: signal handlers and a yes/no prompt on the terminal.
import { createInterface } from "node:readline/promises";

const HANDLED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Routes SIGINT, SIGTERM and SIGHUP to the handler instead of killing us; returns the undo. */
export function installSignalHandlers(handler: (signal: string) => void): () => void {
  const listeners = HANDLED_SIGNALS.map((signal) => {
    const listener = () => handler(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}

/** Asks on stderr, reads stdin; only "yes" (or "y") means yes. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(question);
    return ["yes", "y"].includes(answer.trim().toLowerCase());
  } finally {
    prompt.close();
  }
}

/** Calls the handler if the process exits (however it exits, short of SIGKILL); returns the undo. */
export function installExitHook(handler: () => void): () => void {
  process.once("exit", handler);
  return () => process.off("exit", handler);
}
