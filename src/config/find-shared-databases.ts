// The one check that needs every config at once: two configs naming the same database.
import type { ConfigProblem, LoadedConfig } from "./loaded-config.js";

/** Configs grouped by database identity, only the groups with two or more members, in input order. */
export function findSharedDatabases(configs: readonly LoadedConfig[]): Map<string, LoadedConfig[]> {
  const byIdentity = new Map<string, LoadedConfig[]>();
  for (const config of configs) {
    const identity = config.database?.identity;
    if (identity === undefined) continue;
    const group = byIdentity.get(identity);
    if (group === undefined) byIdentity.set(identity, [config]);
    else group.push(config);
  }
  for (const [identity, group] of byIdentity) {
    if (group.length < 2) byIdentity.delete(identity);
  }
  return byIdentity;
}

/**
 * Copies of the configs where each one that shares its database with another gets a warning naming
 * the others (at line `getLine(config)`, 1 by default: LoadedConfig does not record DB_URL's line).
 * Pure: the input configs are not changed.
 */
export function addSharedDatabaseWarnings(
  configs: readonly LoadedConfig[],
  getLine: (config: LoadedConfig) => number = () => 1,
): LoadedConfig[] {
  const shared = findSharedDatabases(configs);
  return configs.map((config) => {
    const identity = config.database?.identity;
    const group = identity === undefined ? undefined : shared.get(identity);
    if (group === undefined) return config;
    const others = group.filter((other) => other !== config).map((other) => other.site);
    const warning: ConfigProblem = {
      severity: "warning",
      line: getLine(config),
      message: `same database as ${others.join(", ")} (${identity}); runs on it are never concurrent unless --same-database allow`,
    };
    const problems = [...config.problems, warning].sort((left, right) => left.line - right.line);
    return { ...config, problems };
  });
}
