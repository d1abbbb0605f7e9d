#!/usr/bin/env node
// Thin shim: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { main } from "../dist/cli/index.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
