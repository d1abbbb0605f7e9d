// The Tokopedia mock's state file: its shape, and loading it with the same rules the API enforces
// (state-check.ts). Writing is durable-file.ts's job (http/, shared by every mock).
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { UsageError, errorMessage } from "../errors.js";
import { checkSnapshot } from "./state-check.js";
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
  credentials: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }).optional(),
});

const isMissing = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "ENOENT";

/** The saved shop and its text, or undefined when the file does not exist yet. */
export async function loadStateFile(file: string, limits: { maxStock: number }): Promise<{ snapshot: StateSnapshot; text: string } | undefined> {
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
    const path = first?.path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("") ?? "";
    const where = first ? `${path}: ${first.message}` : "unknown shape";
    throw new UsageError({
      en: `The mock state file ${file} is not a desbumi mock state (${where}); move it away to start a fresh shop`,
      id: `Berkas state mock ${file} bukan state mock desbumi (${where}); pindahkan agar toko mulai dari kosong`,
    });
  }
  const snapshot = result.data as StateSnapshot;
  const problem = checkSnapshot(snapshot, limits);
  if (problem) {
    throw new UsageError({
      en: `The mock state file ${file} is inconsistent at ${problem.path}: ${problem.en}. Fix that entry, or move the file away to start a fresh shop`,
      id: `Berkas state mock ${file} tidak konsisten di ${problem.path}: ${problem.id}. Perbaiki entri itu, atau pindahkan berkasnya agar toko mulai dari kosong`,
    });
  }
  return { snapshot, text };
}

/** The snapshot a durable text holds (one this server wrote, so it is known to be valid). */
export const parseSnapshot = (text: string): StateSnapshot => snapshotSchema.parse(JSON.parse(text)) as StateSnapshot;
