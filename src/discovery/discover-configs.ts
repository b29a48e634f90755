// Discovery: expand every filespec into config files, drop duplicates by real path, sort.
import { realpath as realpathAsync, stat as statAsync } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import fastGlob from "fast-glob";
import pLimit from "p-limit";

/** One config file found by discovery. */
export interface DiscoveredFile {
  /** Absolute path as matched (symlinks not resolved). */
  path: string;
  /** Real path; the absolute path itself when it cannot be resolved (broken link, loop). */
  realPath: string;
  /** Why this file cannot be read as a config, found during discovery (broken symlink, loop). */
  problem: string | null;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Specs that matched nothing, directories skipped, and similar. */
  warnings: string[];
}

export interface DiscoveryOptions {
  cwd: string;
  /** Specs are paths as they are, never globs (paths taken from a report). */
  literal?: boolean;
  home?: string;
  glob?: (pattern: string, cwd: string) => Promise<string[]>;
  realpath?: (file: string) => Promise<string>;
  stat?: (file: string) => Promise<{ isDirectory(): boolean }>;
}

/** Bounds file-system calls so 10,000 configs don't open 10,000 handles at once. */
const FS_CONCURRENCY = 64;

/** Expands specs (globs, ~, braces; relative to cwd) into a sorted, de-duplicated list of files. */
export async function discoverConfigs(
  specs: readonly string[],
  options: DiscoveryOptions,
): Promise<DiscoveryResult> {
  const glob = options.glob ?? globFiles;
  const realpath = options.realpath ?? realpathAsync;
  const stat = options.stat ?? statAsync;
  const home = options.home ?? homedir();
  const warnings: string[] = [];
  const matchedPaths = new Set<string>();
  for (const spec of specs) {
    const expanded = expandHome(spec, home);
    const matches =
      !options.literal && fastGlob.isDynamicPattern(expanded)
        ? await glob(expanded, options.cwd)
        : [path.resolve(options.cwd, expanded)];
    const files = await keepFiles(matches, stat, warnings);
    if (files.length === 0) warnings.push(`${JSON.stringify(spec)} matched no config file`);
    for (const file of files) matchedPaths.add(path.resolve(options.cwd, file));
  }
  const limit = pLimit(FS_CONCURRENCY);
  const resolved = await Promise.all(
    [...matchedPaths].map((file) => limit(() => resolveFile(file, realpath))),
  );
  return { files: dropDuplicates(resolved), warnings };
}

/** Drops directories (with a warning) and paths that do not exist; keeps broken links to report them. */
async function keepFiles(
  candidates: string[],
  stat: NonNullable<DiscoveryOptions["stat"]>,
  warnings: string[],
): Promise<string[]> {
  const limit = pLimit(FS_CONCURRENCY);
  const kept = await Promise.all(
    candidates.map((candidate) =>
      limit(async () => {
        try {
          if ((await stat(candidate)).isDirectory()) {
            warnings.push(`${candidate} is a directory, not a config file: skipped`);
            return null;
          }
          return candidate;
        } catch (error) {
          // A glob match that cannot be stat'ed is a broken link or a loop: keep it, loading reports why.
          const code = (error as NodeJS.ErrnoException).code;
          return code === "ENOENT" && !(await isSymlink(candidate)) ? null : candidate;
        }
      }),
    ),
  );
  return kept.filter((file): file is string => file !== null);
}

/** Finds the real path, turning a broken link or loop into a problem rather than an exception. */
async function resolveFile(
  file: string,
  realpath: NonNullable<DiscoveryOptions["realpath"]>,
): Promise<DiscoveredFile> {
  try {
    return { path: file, realPath: await realpath(file), problem: null };
  } catch (error) {
    return { path: file, realPath: file, problem: describeFsError(error) };
  }
}

/** Keeps the first path (in sorted order) of every real path, then sorts by path. */
function dropDuplicates(files: DiscoveredFile[]): DiscoveredFile[] {
  const sorted = [...files].sort((a, b) => compareStrings(a.path, b.path));
  const seen = new Set<string>();
  return sorted.filter((file) => {
    if (seen.has(file.realPath)) return false;
    seen.add(file.realPath);
    return true;
  });
}

/** Plain code-unit order: the same on every machine, whatever the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `~` and `~/x` mean the home directory, as in a shell. */
export function expandHome(spec: string, home: string): string {
  if (spec === "~") return home;
  if (spec.startsWith("~/")) return path.join(home, spec.slice(2));
  return spec;
}

/** fast-glob with the settings discovery needs: absolute paths, links followed, no errors thrown. */
async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  return fastGlob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: false,
    followSymbolicLinks: true,
    suppressErrors: true,
    dot: true,
    unique: true,
  });
}

async function isSymlink(file: string): Promise<boolean> {
  const { lstat } = await import("node:fs/promises");
  try {
    return (await lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Words an operator understands for the usual file-system failures. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file (or a symlink to a missing file)";
    case "ELOOP":
      return "symlink loop";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    default:
      return (error as Error).message ?? String(error);
  }
}
