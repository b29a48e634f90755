// Checking camcops_server (and Python for a .py script) once, before anything runs.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { ExecutableError } from "../errors.js";
import type { Executable } from "./build-child-command.js";

export interface ResolveExecutableInput {
  /** --camcops, or null for camcops_server on PATH. */
  camcops: string | null;
  python: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Finds the program to run; throws ExecutableError (exit 2) when it is missing or not executable. */
export function resolveExecutable(input: ResolveExecutableInput): Executable {
  const camcops = input.camcops ?? "camcops_server";
  if (camcops.endsWith(".py")) {
    const script = findProgram(camcops, input, "readable");
    const python = findProgram(input.python, input, "executable");
    return { file: python, leadingArgs: [script] };
  }
  return { file: findProgram(camcops, input, "executable"), leadingArgs: [] };
}

/** A name with a slash is a path (relative to cwd); a bare name is looked up on PATH, like a shell does. */
function findProgram(
  name: string,
  input: ResolveExecutableInput,
  need: "executable" | "readable",
): string {
  if (name.includes("/")) {
    const file = path.resolve(input.cwd, name);
    const problem = checkFile(file, need);
    if (problem) throw new ExecutableError(name, problem);
    return file;
  }
  const folders = (input.env["PATH"] ?? "")
    .split(path.delimiter)
    .filter((folder) => folder.length > 0);
  for (const folder of folders) {
    const file = path.resolve(input.cwd, folder, name);
    if (checkFile(file, need) === null) return file;
  }
  const hint =
    name === "camcops_server" ? " (install CamCOPS, or give its path with --camcops)" : "";
  throw new ExecutableError(name, `not found on PATH${hint}`);
}

/** Null when the file is usable, else the reason in words. */
function checkFile(file: string, need: "executable" | "readable"): string | null {
  try {
    if (statSync(file).isDirectory()) return "is a directory";
    accessSync(file, need === "executable" ? constants.X_OK : constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES")
      return need === "executable" ? "not executable (chmod +x?)" : "not readable";
    return (error as Error).message;
  }
}
