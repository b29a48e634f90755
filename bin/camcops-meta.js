#!/usr/bin/env -S node --max-semi-space-size=2
// Thin shim: the compiled CLI does the work; only here is process.exit called.
// A small young generation (#! line) keeps memory flat while children stream megabytes of output.
import { main } from "../dist/cli/main.js";

const code = await main(process.argv.slice(2));
// process.exit drops output still queued for a slow pipe (| jq, | ssh): let stdout and stderr drain first.
await Promise.all(
  [process.stdout, process.stderr].map(
    (stream) =>
      new Promise((resolve) =>
        stream.writableLength === 0 ? resolve() : stream.write("", resolve),
      ),
  ),
);
process.exit(code);
