// Typed errors: each carries what went wrong; the CLI edge alone turns them into exit codes.

/** Bad command line, refused command, or anything else that stops a run before it starts (exit 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The flag or argument at fault, when there is one. */
  readonly flag: string | undefined;
  constructor(message: string, flag?: string) {
    super(message);
    this.flag = flag;
  }
}

/** No config file matched any spec (exit 2 unless --allow-empty). */
export class NothingMatchedError extends Error {
  override readonly name = "NothingMatchedError";
  readonly specs: readonly string[];
  constructor(specs: readonly string[], message?: string) {
    super(
      message ?? `no config file matched ${specs.map((spec) => JSON.stringify(spec)).join(", ")}`,
    );
    this.specs = specs;
  }
}

/** The camcops_server executable (or the Python interpreter) is missing or not executable (exit 2). */
export class ExecutableError extends Error {
  override readonly name = "ExecutableError";
  readonly executable: string;
  constructor(executable: string, reason: string) {
    super(`cannot run ${JSON.stringify(executable)}: ${reason}`);
    this.executable = executable;
  }
}

/** An earlier report given to --rerun-failed or --history cannot be used (exit 2). */
export class ReportInputError extends Error {
  override readonly name = "ReportInputError";
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`cannot use report ${JSON.stringify(file)}: ${reason}`);
    this.file = file;
  }
}
