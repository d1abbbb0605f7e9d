// Category trees known without connecting (issue 12.4): the practice shop's is built in; a
// connected shop's is cached by sync in `.desbumi/categories-<target>.json` with the date it was
// fetched, so `validate` can check category cells offline. Any adapter can use the cache: sync
// writes it for every target that lists categories, keyed by `categoryCacheKey`.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Category } from "../adapters/types.js";
import { CATEGORIES as TIKTOK_CATEGORIES } from "../mock-server/tiktok-shop/fixtures.js";

export interface KnownCategories {
  categories: Category[];
  /** Where the tree comes from: built in (practice shop) or the cache, with its fetch date. */
  source: { kind: "built-in" } | { kind: "cache"; file: string; fetchedAt: string };
}

interface CacheFile {
  version: 1;
  target: string;
  fetchedAt: string;
  categories: Category[];
}

/**
 * The practice shop's tree (the Tokopedia & Shop mock's), as the tiktok-shop adapter lists it:
 * every category with its path, leaves only where the shop may use them (AVAILABLE).
 */
export function practiceShopCategories(): Category[] {
  const byId = new Map(TIKTOK_CATEGORIES.map((c) => [c.id, c]));
  const pathOf = (id: string): string[] => {
    const out: string[] = [];
    for (let c = byId.get(id), guard = 0; c && guard < 16; c = byId.get(c.parent_id), guard++) out.unshift(c.local_name);
    return out;
  };
  return TIKTOK_CATEGORIES.filter((c) => !c.is_leaf || c.permission_statuses.includes("AVAILABLE")).map((c) => ({ id: c.id, name: c.local_name, path: pathOf(c.id), isLeaf: c.is_leaf }));
}

/**
 * A file-name-safe key for one target: adapter name plus the shop it points at (`tokopedia-480829`).
 * Undefined when the target does not say which shop (its tree cannot be told apart).
 */
export function categoryCacheKey(adapter: string, shop: unknown): string | undefined {
  const id = typeof shop === "string" || typeof shop === "number" ? String(shop).trim() : "";
  if (id === "") return undefined;
  return `${adapter}-${id}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

export const categoryCacheFile = (baseDir: string, key: string): string => join(baseDir, ".desbumi", `categories-${key}.json`);

export async function readCategoryCache(baseDir: string, key: string): Promise<KnownCategories | undefined> {
  const file = categoryCacheFile(baseDir, key);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined; // missing or unreadable: simply not known offline
  }
  const doc = parsed as Partial<CacheFile>;
  if (doc.version !== 1 || !Array.isArray(doc.categories) || typeof doc.fetchedAt !== "string") return undefined;
  return { categories: doc.categories, source: { kind: "cache", file, fetchedAt: doc.fetchedAt } };
}

/** Atomic (temp file + rename), so a reader never sees half a tree. */
export async function writeCategoryCache(baseDir: string, key: string, categories: readonly Category[], now = new Date()): Promise<void> {
  const file = categoryCacheFile(baseDir, key);
  await mkdir(dirname(file), { recursive: true });
  const doc: CacheFile = { version: 1, target: key, fetchedAt: now.toISOString(), categories: [...categories] };
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, `${JSON.stringify(doc)}\n`);
  await rename(temp, file);
}

/** The tree a target has offline: built in for the practice shop, else its cache (if any). */
export async function knownCategories(target: { isPracticeShop: boolean; cacheKey?: string | undefined; baseDir: string }): Promise<KnownCategories | undefined> {
  if (target.isPracticeShop) return { categories: practiceShopCategories(), source: { kind: "built-in" } };
  return target.cacheKey === undefined ? undefined : readCategoryCache(target.baseDir, target.cacheKey);
}
