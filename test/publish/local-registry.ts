// A local npm registry for tests (verdaccio on 127.0.0.1, storage in a temp folder, no uplinks),
// and a way to fill it with desbumi's production dependencies from this checkout's node_modules,
// so that `npm install` of the packed desbumi resolves everything without leaving the machine.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const SERVER_SCRIPT = fileURLToPath(new URL("./registry-server.mjs", import.meta.url));
// Generous: on a loaded 2-core CI machine verdaccio has been seen to need more than 20 s to start.
const START_TIMEOUT_MS = 60_000;

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A token of a user created through the registry's adduser endpoint. */
  token: string;
  /** verdaccio's storage folder. */
  storage: string;
  close(): Promise<void>;
}

export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const child = spawn(process.execPath, [SERVER_SCRIPT, dir], { stdio: ["ignore", "pipe", "pipe"] });
  const port = await waitForPort(child);
  const url = `http://127.0.0.1:${port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  try {
    const response = await fetch(`${url}-/user/org.couchdb.user:ci`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ci", password: "local-registry-only" }),
    });
    const body = (await response.json()) as { token?: string };
    if (!response.ok || !body.token) throw new Error(`adduser failed: ${response.status} ${JSON.stringify(body)}`);
    return { url, token: body.token, storage: path.join(dir, "storage"), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => fail(new Error(`verdaccio did not start within ${START_TIMEOUT_MS} ms\n${err}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.stderr?.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => fail(new Error(`verdaccio exited with ${code}\n${err}`)));
  });
}

interface LockEntry {
  version?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

type Manifest = Record<string, unknown> & { name: string; version: string };

/**
 * Puts every package the lockfile installs for production (not dev) into the registry's storage,
 * in verdaccio's own layout (`<name>/package.json` + `<name>/<name>-<version>.tgz`), as if each had
 * been published. The tarball is the original one from npm's cache (found by the lockfile's
 * integrity, so byte for byte what `npm ci` installed), or, when the cache does not hold it, a
 * tarball of the installed folder.
 * NOTE: written straight to storage rather than PUT one by one: ~200 publishes through verdaccio
 * take minutes on a busy 2-core machine, this takes about a second. desbumi itself still goes
 * through `npm publish`.
 */
export async function seedProductionDependencies(
  registry: LocalRegistry,
  root: string,
  caches: { from: string; to?: string },
): Promise<number> {
  const lock = JSON.parse(await readFile(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const packuments = new Map<string, { versions: Record<string, unknown>; latest: string }>();
  let count = 0;
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === "" || entry.dev || entry.devOptional || entry.link || !entry.version) continue;
    const dir = path.join(root, location);
    const manifest = await readManifest(dir);
    if (!manifest) continue; // an optional dependency not installed on this platform
    const doc = packuments.get(manifest.name) ?? { versions: {}, latest: manifest.version };
    packuments.set(manifest.name, doc);
    if (manifest.version in doc.versions) continue;

    const folder = path.join(registry.storage, manifest.name);
    await mkdir(folder, { recursive: true });
    const file = `${manifest.name.replace(/^@[^/]+\//, "")}-${manifest.version}.tgz`;
    const tarball = (await readCachedTarball(caches.from, entry.integrity)) ?? (await tarFolder(dir));
    await writeFile(path.join(folder, file), tarball);
    if (caches.to) await writeCachedTarball(caches.to, tarball);
    doc.versions[manifest.version] = {
      ...manifest,
      _id: `${manifest.name}@${manifest.version}`,
      dist: {
        tarball: `${registry.url}${manifest.name}/-/${file}`,
        shasum: createHash("sha1").update(tarball).digest("hex"),
        integrity: `sha512-${createHash("sha512").update(tarball).digest("base64")}`,
      },
    };
    if (compareVersions(manifest.version, doc.latest) > 0) doc.latest = manifest.version;
    count++;
  }
  const now = new Date().toISOString();
  for (const [name, doc] of packuments) {
    const packument = {
      name,
      _id: name,
      versions: doc.versions,
      time: { created: now, modified: now, ...Object.fromEntries(Object.keys(doc.versions).map((v) => [v, now])) },
      "dist-tags": { latest: doc.latest },
      users: {},
      _uplinks: {},
      _distfiles: {},
      _attachments: {},
      _rev: "1-0000000000000000",
      readme: "",
    };
    await writeFile(path.join(registry.storage, name, "package.json"), JSON.stringify(packument));
  }
  return count;
}

/** Where npm's content-addressed cache keeps the bytes with this integrity (`sha512-<base64>`). */
function cachedContentPath(npmCache: string, integrity: string | undefined): string | undefined {
  const m = /^(sha\d+)-(.+)$/.exec(integrity ?? "");
  if (!m) return undefined;
  const hex = Buffer.from(m[2]!, "base64").toString("hex");
  return path.join(npmCache, "_cacache", "content-v2", m[1]!, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

async function readCachedTarball(npmCache: string, integrity: string | undefined): Promise<Buffer | undefined> {
  const file = cachedContentPath(npmCache, integrity);
  if (!file) return undefined;
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/** Puts a tarball in a cache by its sha512, where npm looks once a packument names that integrity. */
async function writeCachedTarball(npmCache: string, tarball: Buffer): Promise<void> {
  const file = cachedContentPath(npmCache, `sha512-${createHash("sha512").update(tarball).digest("base64")}`)!;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, tarball);
}

const compareVersions = (a: string, b: string): number => {
  const parts = (v: string) => v.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** A gzipped ustar archive of `dir` under `package/`, as npm packs it (nested node_modules left out). */
export async function tarFolder(dir: string): Promise<Buffer> {
  const blocks: Buffer[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" && rel === "") continue;
        await walk(childRel);
      } else if (entry.isFile()) {
        const full = path.join(dir, childRel);
        const [content, info] = await Promise.all([readFile(full), stat(full)]);
        blocks.push(tarHeader(`package/${childRel}`, content.length, info.mode & 0o777), content, Buffer.alloc((512 - (content.length % 512)) % 512));
      }
    }
  };
  await walk("");
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level: 1 });
}

function tarHeader(name: string, size: number, mode: number): Buffer {
  const header = Buffer.alloc(512);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(base) > 100) throw new Error(`path too long for ustar: ${name}`);
  }
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0") + "\0";
  header.write(base, 0, 100);
  header.write(octal(mode, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(size, 12), 124);
  header.write(octal(0, 12), 136);
  header.write("        ", 148);
  header.write("0", 156);
  header.write("ustar\u000000", 257);
  header.write(prefix, 345, 155);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return header;
}
