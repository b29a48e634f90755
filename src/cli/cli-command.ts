// What the command line asked for, as plain data: the output of the pure parse step.

export type SameDatabasePolicy = "serialize" | "skip" | "allow";

/** `camcops-meta [run] <cc_command> ...`: run a camcops_server command across configs. */
export interface RunCommand {
  kind: "run";
  ccCommand: string;
  filespecs: string[];
  /** Already prefixed: `--ccargs verbose to_version=2` gives ["--verbose", "--to_version=2"]. */
  ccargs: string[];
  /** Arguments after `--`, passed on unchanged. */
  extra: string[];
  python: string;
  /** null: camcops_server found on PATH. */
  camcops: string | null;
  dryRun: boolean;
  verbose: boolean;
  quiet: boolean;
  jobs: number;
  sameDatabase: SameDatabasePolicy;
  timeoutMs: number | null;
  killGraceMs: number;
  retries: number;
  bail: boolean;
  logDir: string | null;
  json: boolean;
  reportFile: string | null;
  rerunFailed: string | null;
  history: string | null;
  allowEmpty: boolean;
  yes: boolean;
}

/** `camcops-meta list`: one row per discovered config. */
export interface ListCommand {
  kind: "list";
  filespecs: string[];
  json: boolean;
  allowEmpty: boolean;
}

/** `camcops-meta check`: validate every config as camcops_server would. */
export interface CheckCommand {
  kind: "check";
  filespecs: string[];
  json: boolean;
  allowEmpty: boolean;
}

/** `camcops-meta show FILE...`: a config as camcops_server sees it. */
export interface ShowCommand {
  kind: "show";
  files: string[];
  json: boolean;
  showSecrets: boolean;
}

/** `camcops-meta completion [bash|zsh]`: print a shell completion script. */
export interface CompletionCommand {
  kind: "completion";
  shell: "bash" | "zsh";
}

export type CliCommand = RunCommand | ListCommand | CheckCommand | ShowCommand | CompletionCommand;

/** Where a command writes; injected so commands test without a terminal. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Environment the command sees (tests pass a bare one). */
  env: NodeJS.ProcessEnv;
  cwd: string;
}
