#!/usr/bin/env node
// Thin shim: the compiled CLI does the work; only here is process.exit called.
import { main } from "../dist/cli/main.js";

process.exit(await main(process.argv.slice(2)));
