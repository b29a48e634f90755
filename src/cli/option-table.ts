// Every command-line option in one table: yargs setup, environment defaults, help and completion read it.

export type OptionType = "string" | "boolean" | "array";

export interface OptionSpec {
  /** Long name as typed, without dashes. */
  name: string;
  aliases: string[];
  type: OptionType;
  description: string;
  /** Which commands accept it. */
  commands: ReadonlyArray<"run" | "list" | "check" | "show">;
  /** Whether CAMCOPS_META_<NAME> may give its default. */
  fromEnv: boolean;
  /** Value shape shown in help. */
  placeholder?: string;
}

const RUN = ["run"] as const;
const DISCOVERY = ["run", "list", "check"] as const;

/** All options camcops-meta understands, in help order. */
export const OPTION_TABLE: readonly OptionSpec[] = [
  {
    name: "filespecs",
    aliases: ["f"],
    type: "array",
    description: "config files; globs allowed (quote them); may be repeated",
    commands: DISCOVERY,
    fromEnv: true,
    placeholder: "SPEC...",
  },
  {
    name: "ccargs",
    aliases: [],
    type: "array",
    description: "extra camcops_server arguments, each passed as --ARG (verbose to_version=2)",
    commands: RUN,
    fromEnv: true,
    placeholder: "ARG...",
  },
  {
    name: "camcops",
    aliases: [],
    type: "string",
    description: "the camcops_server executable (default: camcops_server on PATH)",
    commands: RUN,
    fromEnv: true,
    placeholder: "PATH",
  },
  {
    name: "python",
    aliases: [],
    type: "string",
    description: "interpreter for --camcops when it is a .py script (default: python3)",
    commands: RUN,
    fromEnv: true,
    placeholder: "PATH",
  },
  {
    name: "dry-run",
    aliases: ["d", "dummyrun"],
    type: "boolean",
    description: "show every command exactly as it would run, and run nothing",
    commands: RUN,
    fromEnv: true,
  },
  {
    name: "verbose",
    aliases: ["v"],
    type: "boolean",
    description: "stream every output line of every child, prefixed with its site",
    commands: RUN,
    fromEnv: true,
  },
  {
    name: "quiet",
    aliases: ["q"],
    type: "boolean",
    description: "only failures, warnings and the summary",
    commands: RUN,
    fromEnv: true,
  },
  {
    name: "jobs",
    aliases: ["j"],
    type: "string",
    description: "configs run at once: N, or P% of the CPUs (default 4; 1 = one by one, sorted)",
    commands: RUN,
    fromEnv: true,
    placeholder: "N|P%",
  },
  {
    name: "same-database",
    aliases: [],
    type: "string",
    description:
      "configs on one database: serialize (default) never at once, skip all but the first, allow",
    commands: RUN,
    fromEnv: true,
    placeholder: "serialize|skip|allow",
  },
  {
    name: "timeout",
    aliases: [],
    type: "string",
    description: "per config (90s, 30m, 2h): then SIGTERM to its process group",
    commands: RUN,
    fromEnv: true,
    placeholder: "DURATION",
  },
  {
    name: "kill-grace",
    aliases: [],
    type: "string",
    description: "wait this long after SIGTERM before SIGKILL (default 10s)",
    commands: RUN,
    fromEnv: true,
    placeholder: "DURATION",
  },
  {
    name: "retries",
    aliases: [],
    type: "string",
    description: "run a failed config again, up to N more times (default 0)",
    commands: RUN,
    fromEnv: true,
    placeholder: "N",
  },
  {
    name: "bail",
    aliases: [],
    type: "boolean",
    description: "after the first failure start nothing new; running ones finish",
    commands: RUN,
    fromEnv: true,
  },
  {
    name: "log-dir",
    aliases: [],
    type: "string",
    description: "write each config's full output to DIR/<site>.log",
    commands: RUN,
    fromEnv: true,
    placeholder: "DIR",
  },
  {
    name: "json",
    aliases: [],
    type: "boolean",
    description: "print the result as JSON on stdout (progress goes to stderr)",
    commands: ["run", "list", "check", "show"],
    fromEnv: false,
  },
  {
    name: "report",
    aliases: [],
    type: "string",
    description: "also write the JSON report to FILE (atomically)",
    commands: RUN,
    fromEnv: true,
    placeholder: "FILE",
  },
  {
    name: "rerun-failed",
    aliases: [],
    type: "string",
    description: "run only the configs that did not succeed in an earlier report",
    commands: RUN,
    fromEnv: false,
    placeholder: "REPORT",
  },
  {
    name: "history",
    aliases: [],
    type: "string",
    description: "order the work by an earlier report's durations, longest first",
    commands: RUN,
    fromEnv: true,
    placeholder: "REPORT",
  },
  {
    name: "allow-empty",
    aliases: [],
    type: "boolean",
    description: "exit 0 when no config file matched",
    commands: DISCOVERY,
    fromEnv: true,
  },
  {
    name: "yes",
    aliases: ["y"],
    type: "boolean",
    description: "confirm commands that may destroy data without a prompt",
    commands: RUN,
    fromEnv: false,
  },
  {
    name: "show-secrets",
    aliases: [],
    type: "boolean",
    description: "show: print passwords and secrets instead of ***",
    commands: ["show"],
    fromEnv: false,
  },
];

/** The environment variable that may give an option's default: CAMCOPS_META_KILL_GRACE for kill-grace. */
export function getEnvName(optionName: string): string {
  return `CAMCOPS_META_${optionName.toUpperCase().replaceAll("-", "_")}`;
}
