// In-process runs of sync/apply: captured output, a fake terminal, the memory adapter as target.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createMemoryAdapter, memory, type MemoryAdapter } from "../../src/adapters/memory/index.js";
import type { AdapterDefinition } from "../../src/adapters/types.js";
import type { CommandContext, Io, Output } from "../../src/cli/io.js";
import { silentLogger } from "../../src/log.js";
import type { InterruptSource } from "../../src/sync/interrupt.js";
import type { SyncDeps } from "../../src/sync/run-catalog.js";

export interface Captured extends Output {
  text: string;
}

export const capture = (isTTY = false): Captured => {
  const out: Captured = {
    text: "",
    isTTY,
    write(chunk: string) {
      out.text += chunk;
      return true;
    },
  };
  return out;
};

export interface TestIo extends Io {
  stdout: Captured;
  stderr: Captured;
}

export function makeIo(opts: { cwd: string; tty?: boolean; answer?: string; env?: NodeJS.ProcessEnv }): TestIo {
  const stdin = Readable.from(opts.answer !== undefined ? [opts.answer] : []) as NodeJS.ReadableStream & { isTTY?: boolean };
  stdin.isTTY = opts.tty === true;
  return { stdout: capture(opts.tty), stderr: capture(opts.tty), stdin, env: opts.env ?? {}, cwd: opts.cwd };
}

export const makeCtx = (io: Io, lang: "id" | "en" = "en"): CommandContext => ({ io, lang, log: silentLogger(), color: false });

export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "desbumi-sync-"));

export const CSV_HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto";

/** A catalogue row; `fields` overrides the defaults by header name. */
export function csvRow(sku: string, fields: Partial<Record<"nama" | "harga" | "stok" | "berat" | "kategori" | "status", string>> = {}): string {
  const f = { nama: `Produk ${sku}`, harga: "Rp 25.000", stok: "10", berat: "250 gr", kategori: "1760", status: "aktif", ...fields };
  return [sku, f.nama, "Buatan warga desa", `"${f.harga}"`, f.stok, f.berat, f.kategori, "baru", f.status, `https://img.desbumi.example/${sku}.jpg`].join(",");
}

export async function writeCsv(dir: string, name: string, rows: string[]): Promise<string> {
  await writeFile(join(dir, name), `${[CSV_HEADER, ...rows].join("\n")}\n`);
  return name;
}

/** The memory adapter as the run's target, kept across runs (like a real shop). */
export function memoryTarget(shop: MemoryAdapter = createMemoryAdapter({ label: "memory shop (test)" })): {
  shop: MemoryAdapter;
  deps: (extra?: { interrupts?: InterruptSource }) => SyncDeps;
} {
  return {
    shop,
    deps: (extra = {}) => ({
      ...extra,
      openTarget: async () => ({
        adapter: shop,
        definition: memory as AdapterDefinition<unknown>,
        isPracticeShop: false,
        label: shop.label,
        close: async () => undefined,
      }),
    }),
  };
}
