// Temporary directories for tests, each one real-path resolved and removable in one call.
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const created: string[] = [];

/** Creates a fresh temporary directory and returns its real absolute path. */
export function makeTempDir(prefix = "camcops-meta-test-"): string {
  // Real path: the tool compares configs by real path, and tmpdir() may be a symlink.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** Removes every directory makeTempDir created in this process (for afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
