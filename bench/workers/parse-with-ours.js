// Parser benchmark, our side: read, parse and read every option of every listed config, timed
// inside this process after the imports. Prints { ms, files, options, errors, chars } as JSON.
// usage: node parse-with-ours.js DIST_DIR LIST_FILE
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [distDir, listFile] = process.argv.slice(2);
const importDist = (file) => import(pathToFileURL(join(distDir, file)).href);
const { parseIniFile } = await importDist("config/ini/parse-ini.js");
const { listOptionNames, readOption } = await importDist("config/ini/interpolate.js");
const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean);

/** Adds one read value to the totals. */
function count(totals, read) {
  totals.options += 1;
  if (read.error) totals.errors += 1;
  else totals.chars += read.value.length;
}

const totals = { files: 0, options: 0, errors: 0, chars: 0 };
const started = performance.now();
for (const file of files) {
  const doc = parseIniFile(readFileSync(file));
  for (const name of doc.defaults.keys()) count(totals, readOption(doc, "DEFAULT", name));
  for (const section of doc.sections.keys()) {
    for (const name of listOptionNames(doc, section)) count(totals, readOption(doc, section, name));
  }
  totals.files += 1;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, ...totals })}\n`);
