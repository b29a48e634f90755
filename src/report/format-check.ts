// `check` output as text: one line per problem, "path:line: message", warnings marked.
import type { ConfigProblem, LoadedConfig } from "../config/loaded-config.js";

/** One line per problem of every config, in the order given (the caller sorts the configs). */
export function formatCheckLines(configs: readonly LoadedConfig[]): string[] {
  return configs.flatMap((config) =>
    config.problems.map((problem) => formatProblem(config.path, problem)),
  );
}

/** "path:line: message" for an error, "path:line: warning: message" for a warning; always one line. */
export function formatProblem(path: string, problem: ConfigProblem): string {
  const marker = problem.severity === "warning" ? "warning: " : "";
  return `${path}:${problem.line}: ${marker}${problem.message.replace(/\r?\n/g, " ")}`;
}

/** The closing line of `check`: how many configs, how many invalid, how many warnings. */
export function formatCheckSummary(configs: readonly LoadedConfig[]): string {
  const invalid = configs.filter((config) =>
    config.problems.some((p) => p.severity === "error"),
  ).length;
  const warnings = configs.reduce(
    (count, config) => count + config.problems.filter((p) => p.severity === "warning").length,
    0,
  );
  const plural = (count: number, word: string): string =>
    `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(configs.length, "config")} checked: ${invalid} invalid, ${plural(warnings, "warning")}`;
}
