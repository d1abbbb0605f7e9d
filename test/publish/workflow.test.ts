// Regression test for issue 12.1: the CI workflow `desbumi init` writes failed at `npm install`
// (desbumi was not on any registry). Here `npm pack` makes the package, it is published to a local
// registry (verdaccio on 127.0.0.1, storage in a temp folder, no uplinks), and the workflow's own
// `run:` steps (install, validate) run in a fresh folder against that registry only.
import { execFile } from "node:child_process";
import { access, mkdir, mkdtemp, readFile, readdir, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKFLOW_PATH } from "../../src/init/templates.js";
import { VERSION } from "../../src/version.js";
import { runCli } from "../cli/helpers.js";
import { seedProductionDependencies, startLocalRegistry, type LocalRegistry } from "./local-registry.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// NOTE: generous for a loaded 2-core machine; about 20 s when it is not busy.
const TIMEOUT_MS = 180_000;

let tmp: string;
let registry: LocalRegistry;
/** What a CI runner has: the registry, no token, a cache folder. */
let installEnv: NodeJS.ProcessEnv;
let packed: { filename: string; files: { path: string }[] };

beforeAll(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-publish-")));
  // NOTE: the pack uses the dist/ that `npm test` builds first (tsc); `prepare` is the same build
  // (from an emptied dist/), run by npm itself on `npm pack`/`npm publish` outside tests.
  await access(path.join(ROOT, "dist/cli/index.js"));
  const [started, pack, machineCache] = await Promise.all([
    startLocalRegistry(path.join(tmp, "registry")),
    run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: ROOT, env: cleanEnv({}) }),
    run("npm", ["config", "get", "cache"], { cwd: ROOT }),
  ]);
  registry = started;
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;

  const base = {
    npm_config_registry: registry.url,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
  const publishRc = path.join(tmp, "publish.npmrc");
  await writeFile(publishRc, `//${new URL(registry.url).host}/:_authToken=${registry.token}\n`);
  const installRc = path.join(tmp, "install.npmrc");
  await writeFile(installRc, "");
  const installCache = path.join(tmp, "npm-cache");
  // NOTE: the install runs without a token: verdaccio checks a token's password hash on every
  // request, which made a 224-package install take minutes on a busy machine.
  installEnv = cleanEnv({ ...base, npm_config_userconfig: installRc, npm_config_cache: installCache, CI: "true" });

  // desbumi's dependencies, from the tarballs `npm ci` left in this machine's npm cache; the
  // install's cache gets the same bytes (as a CI cache of ~/.npm would), so only their metadata
  // and desbumi's own tarball travel from the registry.
  await seedProductionDependencies(registry, ROOT, { from: machineCache.stdout.trim(), to: installCache });
  await run("npm", ["publish", path.join(tmp, packed.filename), "--ignore-scripts"], {
    cwd: tmp,
    env: cleanEnv({ ...base, npm_config_userconfig: publishRc, npm_config_cache: path.join(tmp, "publish-cache") }),
  });
}, TIMEOUT_MS);

afterAll(async () => {
  await registry?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("publishing desbumi (issue 12.1)", () => {
  it("npm pack holds the bin, the built CLI and the config schema, and no tests, sources or maps", () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["bin/desbumi.js", "dist/cli/index.js", "schema/desbumi.config.schema.json", "package.json", "README.md"]));
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|^src\/|\.map$|^fixtures\//.test(f))).toEqual([]);
  });

  it("the workflow init writes installs desbumi from the registry and validates green", async () => {
    const project = path.join(tmp, "project");
    await mkdir(project);
    const init = await runCli(["init", "--yes", "--group", "muiwo=MUIWO Lipursari"], { cwd: project });
    expect(init.code).toBe(0);

    const steps = workflowRunSteps(await readFile(path.join(project, WORKFLOW_PATH), "utf8"));
    expect(steps.map((s) => s.name)).toEqual(["Install desbumi", "Validate catalogues"]);
    const outputs: string[] = [];
    for (const step of steps) {
      const result = await run("sh", ["-c", step.run], { cwd: project, env: installEnv, timeout: TIMEOUT_MS });
      outputs.push(result.stdout);
    }

    const installed = JSON.parse(await readFile(path.join(project, "node_modules/desbumi/package.json"), "utf8")) as { version: string };
    expect(installed.version).toBe(VERSION);
    // the config's "$schema" points here
    await access(path.join(project, "node_modules/desbumi/schema/desbumi.config.schema.json"));
    expect(await readdir(path.join(project, "node_modules/desbumi"))).not.toContain("test");
    // the validate step ran the installed bin and reported on the group's catalogue
    expect(outputs[1]).toContain("catalogs/muiwo.csv");
  }, TIMEOUT_MS);
});

/** The `- name:` / `run:` pairs of the workflow's steps, in order (the workflow is ours: one-line runs). */
function workflowRunSteps(yaml: string): { name: string; run: string }[] {
  const steps: { name: string; run: string }[] = [];
  let name = "";
  for (const line of yaml.split("\n")) {
    const named = /^\s*- name:\s*(.+)$/.exec(line);
    if (named) name = named[1]!.trim();
    const ran = /^\s*(?:- )?run:\s*(.+)$/.exec(line);
    if (ran) steps.push({ name, run: ran[1]!.trim() });
  }
  return steps;
}

/** PATH and HOME only, so no npm setting of this machine (a registry, a token) leaks in. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "en_US.UTF-8", ...extra };
}
