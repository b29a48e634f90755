// Writes the run report so that readers see the old file or the new one, never half of either.
import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Report } from "./report-schema.js";

/** The report as JSON text, as --json prints it and --report writes it. */
export function formatReportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes report to file atomically: a temp file in the same folder, fsync, rename over file. */
export async function writeReportAtomically(file: string, report: Report): Promise<void> {
  const folder = dirname(file);
  // Same folder, so the rename never crosses file systems; hidden, so globs over the folder skip it.
  const temp = join(
    folder,
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const handle = await open(temp, "wx");
  try {
    try {
      await handle.writeFile(formatReportJson(report), "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable; best effort, as some systems cannot fsync a folder. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not fatal: the report is complete either way.
  }
}
