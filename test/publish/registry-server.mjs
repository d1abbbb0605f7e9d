// A throwaway npm registry for the publish test: verdaccio with its storage in the folder given,
// no uplinks (a package it does not hold is a 404, never fetched from elsewhere), listening on
// 127.0.0.1 on a free port. Prints `LISTENING <port>` once it accepts requests.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import verdaccio from "verdaccio";

const dir = process.argv[2];
if (!dir) throw new Error("usage: registry-server.mjs DIR");
mkdirSync(dir, { recursive: true });
const configPath = path.join(dir, "config.yaml");
// NOTE: anyone may read, any logged-in user may publish; the user is created by the test through
// the registry's own adduser endpoint. No `uplinks:` block at all, so nothing leaves the machine.
writeFileSync(
  configPath,
  [
    `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
    "    max_users: 10",
    "packages:",
    "  '@*/*':",
    "    access: $all",
    "    publish: $authenticated",
    "  '**':",
    "    access: $all",
    "    publish: $authenticated",
    "web:",
    "  enable: false",
    "max_body_size: 200mb",
    "log: { type: stdout, format: json, level: error }",
    "",
  ].join("\n"),
);

const app = await verdaccio.runServer(configPath);
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
