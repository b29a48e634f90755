#!/usr/bin/env node
// Drop-in name for CamCOPS's old camcops_server_meta: the same CLI.
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
