#!/usr/bin/env node
// Thin shim: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { main } from "../dist/cli/index.js";

// NOTE: a reader that stops early (`desbumi sync --help | head -1`) closes the pipe, and the next
// write fails with EPIPE, which Node throws as an unhandled 'error' event (a stack trace). Output
// with nowhere to go is dropped quietly instead; the command still finishes its work and exits
// with its own code, so an apply in flight is never cut short by a closed pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
