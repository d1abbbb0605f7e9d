// The state file: loaded at start, written atomically (temp file in the same directory + rename),
// debounced, flushed on close. A snapshot is serialised in one synchronous step, so a file never
// holds half of a request's changes.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { UsageError, errorMessage } from "../errors.js";
import type { StateSnapshot } from "./state.js";

const listingSchema = z.object({
  productId: z.number().int(),
  shopId: z.number().int(),
  name: z.string(),
  description: z.string(),
  sku: z.string(),
  price: z.number().int(),
  stock: z.number().int(),
  status: z.union([z.literal(0), z.literal(1), z.literal(3)]),
  condition: z.union([z.literal(1), z.literal(2)]),
  categoryId: z.number().int(),
  weightGrams: z.number(),
  minOrder: z.number().int(),
  etalaseId: z.number().int().nullable(),
  pictures: z.array(z.string()),
  wholesale: z.array(z.object({ minQty: z.number().int(), price: z.number().int() })),
  dimension: z.object({ height: z.number(), width: z.number(), length: z.number() }).nullable(),
  isEmptiedByStock: z.boolean(),
  isStockUnlimited: z.boolean().optional(),
  createdUnix: z.number(),
  updatedUnix: z.number(),
});

const snapshotSchema = z.object({
  version: z.literal(1),
  shopId: z.number().int(),
  name: z.string(),
  etalase: z.array(z.object({ id: z.number().int(), name: z.string() })),
  nextProductId: z.number().int(),
  products: z.array(listingSchema),
});

const isMissing = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "ENOENT";

/** The saved shop, or undefined when the file does not exist yet. */
export async function loadStateFile(file: string): Promise<StateSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new UsageError({
      en: `Cannot read the mock state file ${file}: ${errorMessage(error)}`,
      id: `Berkas state mock ${file} tidak bisa dibaca: ${errorMessage(error)}`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError({
      en: `The mock state file ${file} is not valid JSON (${errorMessage(error)}); move it away to start a fresh shop`,
      id: `Berkas state mock ${file} bukan JSON yang sah (${errorMessage(error)}); pindahkan agar toko mulai dari kosong`,
    });
  }
  const result = snapshotSchema.safeParse(parsed);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? `${first.path.join(".")}: ${first.message}` : "unknown shape";
    throw new UsageError({
      en: `The mock state file ${file} is not a desbumi mock state (${where}); move it away to start a fresh shop`,
      id: `Berkas state mock ${file} bukan state mock desbumi (${where}); pindahkan agar toko mulai dari kosong`,
    });
  }
  return result.data;
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export interface Persister {
  /** Mark the state changed; a write follows after the debounce. */
  schedule(): void;
  /** Write now if anything changed, and wait for writes in flight. */
  flush(): Promise<void>;
}

export function createPersister(opts: {
  file: string;
  snapshot: () => StateSnapshot;
  debounceMs: number;
  log: Logger;
}): Persister {
  let isDirty = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;

  const writeNow = (): Promise<void> => {
    timer = undefined;
    if (!isDirty) return Promise.resolve();
    isDirty = false;
    const text = `${JSON.stringify(opts.snapshot())}\n`;
    writing = writeFileAtomic(opts.file, text)
      .catch((error: unknown) => {
        isDirty = true;
        opts.log.error({ file: opts.file, error: errorMessage(error) }, "mock state write failed");
      })
      .finally(() => {
        writing = undefined;
        if (isDirty && !timer) timer = setTimeout(() => void writeNow(), opts.debounceMs);
      });
    return writing;
  };

  return {
    schedule() {
      isDirty = true;
      if (!timer && !writing) timer = setTimeout(() => void writeNow(), opts.debounceMs);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (writing) await writing;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (isDirty) await writeNow();
      // A failed write re-arms the timer; a flush (on close) tries once and leaves it logged.
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
