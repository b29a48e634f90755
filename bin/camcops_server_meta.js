#!/usr/bin/env node
// Drop-in name for CamCOPS's old camcops_server_meta: the same CLI.
import { main } from "../dist/cli/main.js";

process.exit(await main(process.argv.slice(2)));
