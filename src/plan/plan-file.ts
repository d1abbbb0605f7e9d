// Saved plans (`sync --out plan.json`, read back by `apply plan.json`): versioned, validated.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { UsageError } from "../errors.js";
import { assertRegularFile, atPath } from "../fs-errors.js";
import { PLAN_FORMAT, renderPlanJson } from "./render-json.js";
import { LISTING_FIELDS, VARIANT_FIELDS, type Plan } from "./types.js";

const listingField = z.enum(LISTING_FIELDS);
const fieldChange = z.object({ field: listingField, from: z.unknown(), to: z.unknown() });

const variant = z.object({
  sku: z.string(),
  options: z.record(z.string(), z.string()),
  price: z.number().int(),
  stock: z.number().int(),
  weight: z.number().int(),
  images: z.array(z.string()),
  status: z.enum(["active", "inactive"]),
  line: z.number().int(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});

const variantChange = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add"), sku: z.string(), variant }),
  z.object({ kind: z.literal("remove"), sku: z.string(), variantId: z.string() }),
  z.object({
    kind: z.literal("update"),
    sku: z.string(),
    variantId: z.string(),
    fields: z.array(z.object({ field: z.enum(VARIANT_FIELDS), from: z.unknown(), to: z.unknown() })).min(1),
  }),
]);

const desiredProduct = z.object({
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number().int(),
  stock: z.number().int(),
  weight: z.number().int(),
  category: z.string(),
  categoryId: z.string(),
  condition: z.enum(["NEW", "USED"]),
  status: z.enum(["active", "inactive"]),
  min_order: z.number().int(),
  etalase: z.string(),
  images: z.array(z.string()),
  line: z.number().int(),
  sheet: z.string().optional(),
  variants: z.array(variant).optional(),
  sentAttributes: z.record(z.string(), z.string()).optional(),
});

const change = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("create"), sku: z.string(), product: desiredProduct }),
  z.object({
    kind: z.literal("update"),
    sku: z.string(),
    listingId: z.string(),
    fields: z.array(fieldChange),
    product: desiredProduct,
    variants: z.array(variantChange).optional(),
    adopt: z.literal(true).optional(),
  }),
  z.object({
    kind: z.literal("reactivate"),
    sku: z.string(),
    listingId: z.string(),
    fields: z.array(fieldChange),
    product: desiredProduct,
    variants: z.array(variantChange).optional(),
    adopt: z.literal(true).optional(),
  }),
  z.object({
    kind: z.literal("deactivate"),
    sku: z.string(),
    listingId: z.string(),
    reason: z.enum(["pruned", "catalog-inactive"]),
    fields: z.array(fieldChange),
    product: desiredProduct.optional(),
    adopt: z.literal(true).optional(),
  }),
]);

const planFile = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(1),
  marketplace: z.string(),
  target: z.string(),
  createdAt: z.string(),
  catalog: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), path: z.string().optional() }),
  group: z.string().optional(),
  practiceShop: z.boolean().optional(),
  changes: z.array(change),
  unchanged: z.number().int().nonnegative(),
  leftAlone: z.array(
    z.object({
      sku: z.string(),
      listingId: z.string(),
      reason: z.enum(["not-in-catalog", "invalid-row", "duplicate-sku", "no-sku", "has-variants"]),
    }),
  ),
  fingerprints: z.record(z.string(), z.string()),
  duplicates: z.array(z.object({ sku: z.string(), listingIds: z.array(z.string()) })).optional(),
  names: z
    .object({ categories: z.record(z.string(), z.string()).optional(), etalase: z.record(z.string(), z.string()).optional() })
    .optional(),
  // Counts are recomputed from `changes`; accepted here so the JSON output doubles as a plan file.
  summary: z.unknown().optional(),
});

/** Atomically (temp file + rename): a crash or a full disk never leaves half a plan in place of the old one. */
export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, renderPlanJson(plan), { encoding: "utf8", flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw atPath(error, path, "write");
  }
}

/** Several marketplaces' plans of one sync (issue 17): `{format: "desbumi-plans", version: 1, plans: [<plan>...]}`. */
export const PLANS_FORMAT = "desbumi-plans";

export async function writePlansFile(path: string, plans: readonly Plan[]): Promise<void> {
  const docs = plans.map((plan) => JSON.parse(renderPlanJson(plan)) as unknown);
  await writeFile(path, `${JSON.stringify({ format: PLANS_FORMAT, version: 1, plans: docs }, null, 2)}\n`, "utf8").catch((error: unknown) => {
    throw atPath(error, path, "write");
  });
}

/** A plan file with one plan, or a `desbumi-plans` file with several (one per marketplace). */
export async function readPlanFiles(path: string): Promise<Plan[]> {
  await assertRegularFile(path, path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch {
    return [await readPlanFile(path)]; // its messages for unreadable and non-JSON files
  }
  if (!isObject(json) || json.format !== PLANS_FORMAT) return [await readPlanFile(path)];
  if (json.version !== 1 || !Array.isArray(json.plans) || json.plans.length === 0) {
    throw notAPlan(path, { id: "daftar rencana kosong atau versinya tidak dikenal", en: "no plans in the list, or an unknown version" });
  }
  return json.plans.map((doc, index) => parsePlan(doc, `${path} plans[${index}]`));
}

/** Read and validate a saved plan. Anything else than a version-1 desbumi plan is a UsageError. */
export async function readPlanFile(path: string): Promise<Plan> {
  await assertRegularFile(path, path);
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError({
      id: `File rencana ${path} tidak bisa dibaca (${why}).`,
      en: `Cannot read the plan file ${path} (${why}).`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw notAPlan(path, { id: "bukan JSON", en: "not JSON" });
  }
  return parsePlan(json, path);
}

function parsePlan(json: unknown, path: string): Plan {
  if (isObject(json) && json.format === PLAN_FORMAT && json.version !== 1) {
    throw new UsageError({
      id: `File rencana ${path} berversi ${String(json.version)}; desbumi ini hanya membaca versi 1. Buat ulang dengan \`desbumi sync --dry-run --out ${path}\`.`,
      en: `The plan file ${path} is version ${String(json.version)}; this desbumi reads version 1 only. Make it again with \`desbumi sync --dry-run --out ${path}\`.`,
    });
  }
  const parsed = planFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
    throw notAPlan(path, { id: where, en: where });
  }
  const { format: _format, summary: _summary, ...plan } = parsed.data;
  return plan as Plan;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function notAPlan(path: string, why: { id: string; en: string }): UsageError {
  return new UsageError({
    id: `${path} bukan file rencana desbumi yang sah (${why.id}). Buat dengan \`desbumi sync --dry-run --out ${path}\`.`,
    en: `${path} is not a valid desbumi plan file (${why.en}). Make one with \`desbumi sync --dry-run --out ${path}\`.`,
  });
}
