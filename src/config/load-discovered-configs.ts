// Loading every discovered file through the shared parser, a bounded number at a time.
import pLimit from "p-limit";
import { assignSiteNames } from "../discovery/assign-site-names.js";
import type { DiscoveredFile } from "../discovery/discover-configs.js";
import { addSharedDatabaseWarnings } from "./find-shared-databases.js";
import { loadConfig } from "./load-config.js";
import type { LoadedConfig } from "./loaded-config.js";

/** Config files read at once: enough to hide latency; more only raises peak memory (measured). */
const LOAD_CONCURRENCY = 8;

/** Loads discovered files (in their sorted order) into LoadedConfigs, with cross-config warnings added. */
export async function loadDiscoveredConfigs(
  files: readonly DiscoveredFile[],
): Promise<LoadedConfig[]> {
  const sites = assignSiteNames(files.map((file) => file.path));
  const limit = pLimit(LOAD_CONCURRENCY);
  const configs = await Promise.all(
    files.map((file, index) =>
      limit(async (): Promise<LoadedConfig> => {
        const config = await loadConfig(file.path, file.realPath, sites[index]!);
        if (file.problem === null) return config;
        // Discovery already knows why this cannot be read (broken link, loop): say that, not a vaguer error.
        return {
          ...config,
          problems: [{ severity: "error", line: 1, message: `cannot read: ${file.problem}` }],
        };
      }),
    ),
  );
  return addSharedDatabaseWarnings(configs, (config) => config.dbUrlLine ?? 1);
}
