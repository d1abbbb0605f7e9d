// Shared rig for the reliability suite (issue 8): generated catalogues, the real mock marketplace,
// in-process CLI runs with everything they produce collected, and an independent view of the shop.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";
import { startMockServer, type MockListing, type MockServer, type MockServerOptions } from "../../src/mock-server/index.js";
import { createPrng } from "../../src/mock-server/faults.js";

/** A line of a JS stack trace (`    at fn (file.js:12:34)`): must never reach a user. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

export const tempDir = (prefix = "desbumi-rel-"): Promise<string> => mkdtemp(join(tmpdir(), prefix));

/** mulberry32 (the mock server's own), so a catalogue is a pure function of its seed. */
export const prng = createPrng;

// ---------------------------------------------------------------------------------------------
// Catalogues

/** What a row means, written by the generator independently of desbumi's parsers. */
export interface IntendedRow {
  sku: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  weight: number;
  categoryId: number;
  condition: "NEW" | "USED";
  active: boolean;
  images: string[];
}

const LEAVES = [3053, 3054, 2981, 2982, 2991, 2993, 3002, 3012, 1791, 1782];
const WORDS = ["Keripik Tempe", "Kopi Arabika", "Masker Kain Batik", "Jamu Kunyit Asam", "Madu Hutan", "Carica Dieng", "Gula Semut", "Tas Anyaman", "Kue Kering Nastar", "Batik Tulis"];

const rupiahDots = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

export const CATALOG_HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto";

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Several spellings of the same numbers, as facilitators write them. */
function writeRow(row: IntendedRow, rnd: () => number): string {
  const priceStyles = [`Rp ${rupiahDots(row.price)}`, String(row.price), `Rp${rupiahDots(row.price)}`];
  const weightStyles = row.weight % 1000 === 0 ? [`${row.weight} gr`, `${row.weight / 1000} kg`] : [`${row.weight} gr`, `${row.weight}`];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return [
    row.sku,
    quote(row.name),
    quote(row.description),
    quote(pick(priceStyles)),
    String(row.stock),
    pick(weightStyles),
    String(row.categoryId),
    row.condition === "NEW" ? "baru" : "bekas",
    row.active ? "aktif" : "nonaktif",
    quote(row.images.join(" | ")),
  ].join(",");
}

/**
 * The same generator for the Tokopedia & Shop practice shop: its tree's leaves for the same kinds of
 * products (Masker Kain, Jamu, Kopi, Keripik, Kue Kering, Carica, Madu, Batik Tulis, Tas Anyaman),
 * and names of at least 25 characters (its title rule).
 */
export const TIKTOK_PRACTICE = { leaves: [600202, 600202, 600117, 600102, 600106, 600108, 600111, 600104, 600303, 600404], nameSuffix: " Desa Lipursari" } as const;

export function makeCatalog(
  count: number,
  seed: number,
  skuPrefix = "CH",
  shop: { leaves: readonly number[]; nameSuffix: string } = { leaves: LEAVES, nameSuffix: "" },
): { rows: IntendedRow[]; csv: string } {
  const rnd = prng(seed);
  const rows: IntendedRow[] = [];
  for (let i = 1; i <= count; i++) {
    const sku = `${skuPrefix}-${String(i).padStart(4, "0")}`;
    const word = WORDS[i % WORDS.length] ?? "Produk";
    const images = [`https://img.desbumi.example/${sku}/1.jpg`];
    if (rnd() < 0.3) images.push(`https://img.desbumi.example/${sku}/2.jpg`);
    rows.push({
      sku,
      name: `${word} ${sku}${shop.nameSuffix}`,
      description: rnd() < 0.2 ? `Buatan warga, "asli" desa\nKemasan ${i} gr, tahan 3 bulan` : `Produk desa nomor ${i}, buatan tangan`,
      price: 1000 + Math.floor(rnd() * 200) * 500,
      stock: 1 + Math.floor(rnd() * 500),
      weight: rnd() < 0.3 ? 1000 * (1 + Math.floor(rnd() * 3)) : 50 + Math.floor(rnd() * 900),
      categoryId: shop.leaves[Math.floor(rnd() * shop.leaves.length)] ?? 3053,
      condition: rnd() < 0.9 ? "NEW" : "USED",
      active: rnd() < 0.9,
      images,
    });
  }
  const csv = `${[CATALOG_HEADER, ...rows.map((r) => writeRow(r, rnd))].join("\n")}\n`;
  return { rows, csv };
}

/** Seed-file product (v3 create shape) for a listing that exists before the first sync. */
export function seedProduct(p: { sku: string; name: string; price: number; stock?: number; active?: boolean; categoryId?: number }): Record<string, unknown> {
  return {
    name: p.name,
    sku: p.sku,
    price: p.price,
    stock: p.stock ?? 5,
    status: "LIMITED",
    condition: "NEW",
    category_id: p.categoryId ?? 3053,
    weight: 300,
    weight_unit: "GR",
    min_order: 1,
    description: "dari toko sebelumnya",
    pictures: [{ file_path: `https://img.desbumi.example/old/${p.sku}.jpg` }],
    ...(p.active === false ? { active: false } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The marketplace

export interface Shop {
  server: MockServer;
  env: NodeJS.ProcessEnv;
  /** The CLI flags that point sync at this shop. */
  flags: string[];
  close(): Promise<void>;
}

export async function startShop(options: MockServerOptions = {}): Promise<Shop> {
  const server = await startMockServer({ host: "127.0.0.1", port: 0, rateLimit: 2000, burst: 2000, ...options });
  return {
    server,
    env: {
      LANG: "en_US.UTF-8",
      TOKOPEDIA_CLIENT_ID: server.credentials.clientId,
      TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret,
    },
    flags: ["--marketplace", "tokopedia", "--base-url", server.url, "--token-url", server.tokenUrl, "--fs-id", String(server.fsId), "--shop-id", String(server.shopId)],
    close: () => server.close(),
  };
}

/** The live token, fetched by us with the same credentials (the mock hands out one token until expiry). */
export async function fetchToken(server: MockServer): Promise<string> {
  const basic = Buffer.from(`${server.credentials.clientId}:${server.credentials.clientSecret}`).toString("base64");
  const res = await fetch(`${server.tokenUrl}?grant_type=client_credentials`, { method: "POST", headers: { Authorization: `Basic ${basic}` } });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token from the mock (HTTP ${res.status})`);
  return body.access_token;
}

/** Live (not deleted) listings straight from the server's state, not through the adapter. */
export const liveListings = (server: MockServer): MockListing[] => server.listings().filter((l) => l.status !== 0);

// ---------------------------------------------------------------------------------------------
// Running the CLI in-process

export interface CliRun {
  argv: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** `main(argv, io)` with captured output; stdin is empty and not a terminal (a CI job). */
export async function runCli(argv: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from([]) as Io["stdin"];
  stdin.isTTY = false;
  const io: Io = {
    stdout: { write: (s: string) => void (stdout += s), isTTY: false, columns: 100 },
    stderr: { write: (s: string) => void (stderr += s), isTTY: false },
    stdin,
    env: opts.env,
    cwd: opts.cwd,
  };
  // NOTE: pino writes its stderr stream to fd 2 directly, outside `io`; keep it silent and send the
  // log (debug level) to a file instead, which the secret checks read.
  const args = argv.includes("--log-level") ? [...argv] : ["--log-level", "silent", ...argv];
  const code = await main(args, io);
  return { argv: args, code, stdout, stderr };
}

// ---------------------------------------------------------------------------------------------
// Journals and reports

export interface JournalLine {
  type: "run-start" | "intent" | "outcome" | "run-end";
  sku?: string;
  kind?: string;
  status?: string;
  error?: { code: string; message: string; retryable: boolean };
  interrupted?: boolean;
  summary?: Record<string, number>;
}

export async function readJournal(path: string): Promise<JournalLine[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as JournalLine);
}

export const journalPathOf = (stdout: string): string | undefined => /^Journal: (.+)$/m.exec(stdout)?.[1]?.trim();

/** Failures as the run's summary printed them: `SKU X (message; CODE)`, sorted. */
export function printedFailures(stdout: string): string[] {
  const found: string[] = [];
  for (const m of stdout.matchAll(/SKU (\S+) \((.*); ([A-Za-z0-9_.-]+)\)$/gm)) found.push(`${m[1]} ${m[3]}`);
  return found.sort();
}

export const journalFailures = (lines: readonly JournalLine[]): string[] =>
  lines
    .filter((l) => l.type === "outcome" && l.status === "failed")
    .map((l) => `${l.sku} ${l.error?.code}`)
    .sort();

/** Every file under `dir`, recursively (for the secret checks). */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

/** Collects every byte a scenario produced, then proves no secret is in any of it. */
export class SecretSweep {
  private readonly chunks: { where: string; text: string }[] = [];
  add(where: string, text: string): void {
    this.chunks.push({ where, text });
  }
  addRun(label: string, run: { stdout: string; stderr: string }): void {
    this.add(`${label} stdout`, run.stdout);
    this.add(`${label} stderr`, run.stderr);
  }
  async addFilesUnder(dir: string): Promise<void> {
    for (const file of await filesUnder(dir)) this.add(file, await readFile(file, "latin1"));
  }
  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.text.length, 0);
  }
  /** Places where any secret occurs (empty = clean). Secrets shorter than 8 chars are refused. */
  leaks(secrets: readonly string[]): string[] {
    for (const s of secrets) if (s.length < 8) throw new Error(`secret too short to grep reliably: ${s.length} chars`);
    const found: string[] = [];
    for (const c of this.chunks) for (const s of secrets) if (c.text.includes(s)) found.push(`${c.where} contains a secret (${s.slice(0, 3)}…)`);
    return found;
  }
}

export async function writeText(dir: string, name: string, text: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
