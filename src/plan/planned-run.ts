// One config's place in a run: what will be executed for it, decided before anything starts.
import type { LoadedConfig } from "../config/loaded-config.js";

/** The exact process to start for one config (no shell is involved). */
export interface ChildCommand {
  /** Executable: camcops_server itself, or the Python interpreter for a .py script. */
  file: string;
  args: string[];
  /** Variables added to the inherited environment (CAMCOPS_CONFIG_FILE). */
  env: Record<string, string>;
}

/** A config in the plan, runnable or not. */
export interface PlannedRun {
  config: LoadedConfig;
  /** null when the config is invalid and will not run. */
  command: ChildCommand | null;
  /** Configs on the same database share a group key (the database identity); null when unknown. */
  databaseGroup: string | null;
  /** Set when the plan already knows this config will not run: it is invalid or skipped by --same-database skip. */
  preResult: "invalid" | "skipped" | null;
  /** Why it will not run (the first error, or the config it defers to). */
  preReason: string | null;
  /** Duration recorded by an earlier report (--history), in milliseconds. */
  expectedMs: number | null;
}
