// Site names: the file name without .conf, made unique with its folders when two configs share a name.
import path from "node:path";

/** Gives each path a short unique site name, safe to use as a log file name. */
export function assignSiteNames(paths: readonly string[]): string[] {
  const depths = paths.map(() => 0);
  // Add one more parent folder to every name still shared, until all are unique or folders run out.
  for (let round = 0; round < 64; round += 1) {
    const names = paths.map((file, index) => buildSiteName(file, depths[index]!));
    const clashing = findClashes(names);
    if (clashing.size === 0) return names;
    let grew = false;
    names.forEach((name, index) => {
      if (clashing.has(name) && depths[index]! < countFolders(paths[index]!)) {
        depths[index]! += 1;
        grew = true;
      }
    });
    if (!grew) return numberClashes(names);
  }
  return numberClashes(paths.map((file, index) => buildSiteName(file, depths[index]!)));
}

/** `/etc/camcops/a.conf` at depth 0 is `a`; at depth 1 `camcops_a`. */
function buildSiteName(file: string, depth: number): string {
  const base = path.basename(file).replace(/\.conf$/i, "");
  const folders = path
    .dirname(file)
    .split(path.sep)
    .filter((part) => part.length > 0);
  const prefix = depth === 0 ? [] : folders.slice(-depth);
  return [...prefix, base].map(makeFileNameSafe).join("_");
}

/** Keeps names usable as file names: no separators, no leading dot or dash. */
function makeFileNameSafe(part: string): string {
  const safe = part.replace(/[/\\\0]/g, "_").replace(/^[.-]/, "_");
  return safe.length > 0 ? safe : "_";
}

function countFolders(file: string): number {
  return path
    .dirname(file)
    .split(path.sep)
    .filter((part) => part.length > 0).length;
}

function findClashes(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const clashes = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) clashes.add(name);
    seen.add(name);
  }
  return clashes;
}

/** Last resort (same folders all the way up, which real paths never are): add -2, -3, ... */
function numberClashes(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  return names.map((name) => {
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    return count === 1 ? name : `${name}-${count}`;
  });
}
