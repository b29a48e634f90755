import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignSiteNames } from "../../src/discovery/assign-site-names.js";
import { discoverConfigs, expandHome } from "../../src/discovery/discover-configs.js";

function makeTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), "camcops-meta-discovery-"));
  mkdirSync(path.join(root, "etc", "sub dir"), { recursive: true });
  for (const name of ["b.conf", "a.conf", "c.conf", "notes.txt"])
    writeFileSync(path.join(root, "etc", name), "[site]\n");
  writeFileSync(path.join(root, "etc", "sub dir", "ü-site.conf"), "[site]\n");
  mkdirSync(path.join(root, "etc", "dir.conf"));
  symlinkSync(path.join(root, "etc", "a.conf"), path.join(root, "etc", "alias.conf"));
  symlinkSync(path.join(root, "missing.conf"), path.join(root, "etc", "broken.conf"));
  symlinkSync(path.join(root, "etc", "loop.conf"), path.join(root, "etc", "loop.conf"));
  return root;
}

describe("discoverConfigs", () => {
  const root = makeTree();
  const etc = path.join(root, "etc");

  it("expands globs, drops duplicates by real path, sorts, and keeps broken links to report them", async () => {
    const result = await discoverConfigs(["etc/*.conf", path.join(etc, "a.conf")], { cwd: root });
    expect(result.files.map((file) => path.basename(file.path))).toEqual([
      "a.conf",
      "b.conf",
      "broken.conf",
      "c.conf",
      "loop.conf",
    ]);
    expect(result.files.find((file) => file.path.endsWith("broken.conf"))?.problem).toMatch(
      /no such file/,
    );
    expect(result.files.find((file) => file.path.endsWith("loop.conf"))?.problem).toMatch(
      /symlink loop/,
    );
    expect(result.warnings).toEqual([
      `${path.join(etc, "dir.conf")} is a directory, not a config file: skipped`,
    ]);
  });

  it("warns about a spec that matches nothing and keeps the rest", async () => {
    const result = await discoverConfigs([`${etc}/{b,c}.conf`, "nothing/*.conf", "none.conf"], {
      cwd: root,
    });
    expect(result.files.map((file) => path.basename(file.path))).toEqual(["b.conf", "c.conf"]);
    expect(result.warnings).toEqual([
      '"nothing/*.conf" matched no config file',
      '"none.conf" matched no config file',
    ]);
  });

  it("finds paths with spaces and non-ASCII names, and expands ~", async () => {
    const result = await discoverConfigs(["~/etc/sub dir/*.conf"], { cwd: "/", home: root });
    expect(result.files.map((file) => file.path)).toEqual([
      path.join(etc, "sub dir", "ü-site.conf"),
    ]);
  });

  it("expands ~ only at the start", () => {
    expect(expandHome("~/x.conf", "/home/op")).toBe("/home/op/x.conf");
    expect(expandHome("~", "/home/op")).toBe("/home/op");
    expect(expandHome("a/~/x", "/home/op")).toBe("a/~/x");
  });
});

describe("assignSiteNames", () => {
  const cases: Array<{ paths: string[]; sites: string[] }> = [
    { paths: ["/etc/camcops/a.conf", "/etc/camcops/b.conf"], sites: ["a", "b"] },
    { paths: ["/etc/camcops/a.conf", "/srv/x/a.conf"], sites: ["camcops_a", "x_a"] },
    {
      paths: ["/one/etc/a.conf", "/two/etc/a.conf", "/etc/b.conf"],
      sites: ["one_etc_a", "two_etc_a", "b"],
    },
    { paths: ["/etc/camcops/site.ini"], sites: ["site.ini"] },
    { paths: ["/etc/-dash.conf", "/etc/.hidden.conf"], sites: ["_dash", "_hidden"] },
  ];
  it.each(cases)("$paths", ({ paths, sites }) => {
    expect(assignSiteNames(paths)).toEqual(sites);
  });
});
