// Discovery plus loading, shared by run, list and check: specs in, loaded configs and warnings out.
import { loadDiscoveredConfigs } from "../config/load-discovered-configs.js";
import type { LoadedConfig } from "../config/loaded-config.js";
import { type DiscoveredFile, discoverConfigs } from "../discovery/discover-configs.js";
import { NothingMatchedError } from "../errors.js";

export interface FoundConfigs {
  configs: LoadedConfig[];
  /** Discovery warnings (specs that matched nothing, directories skipped). */
  warnings: string[];
}

export interface FindConfigsOptions {
  cwd: string;
  allowEmpty: boolean;
  /** Keeps only some of the discovered files (e.g. the failures of an earlier report). */
  keep?: ((file: DiscoveredFile) => boolean) | undefined;
  /** What `keep` selects, for the message when nothing is left (e.g. "configs that failed in r.json"). */
  keepDescription?: string | undefined;
  /** Specs are literal paths, not globs. */
  literal?: boolean;
}

/** Finds and loads the configs; throws NothingMatchedError when none matched (unless allowed). */
export async function findConfigs(
  specs: readonly string[],
  options: FindConfigsOptions,
): Promise<FoundConfigs> {
  const discovery = await discoverConfigs(specs, { cwd: options.cwd, literal: options.literal });
  const files = options.keep ? discovery.files.filter(options.keep) : discovery.files;
  if (files.length === 0 && !options.allowEmpty) {
    const narrowed = options.keep && discovery.files.length > 0;
    throw new NothingMatchedError(
      specs,
      narrowed
        ? `none of the ${options.keepDescription ?? "selected configs"} is among the files matched`
        : undefined,
    );
  }
  return { configs: await loadDiscoveredConfigs(files), warnings: discovery.warnings };
}
