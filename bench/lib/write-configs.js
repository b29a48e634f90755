// Writes generated configs into a directory, readable by their owner only (as real ones are).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildConfigText } from "./config-text.js";

/**
 * Writes one `<site>.conf` per spec ({ site, dbUrl, behaviour, recipients, seed }) into `dir`;
 * returns the absolute paths in the same order.
 */
export function writeConfigs(dir, specs) {
  mkdirSync(dir, { recursive: true });
  return specs.map((spec) => {
    const file = join(dir, `${spec.site}.conf`);
    writeFileSync(file, buildConfigText(spec), { mode: 0o600 });
    return file;
  });
}
