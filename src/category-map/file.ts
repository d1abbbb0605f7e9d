// categories.json next to desbumi.config.json (issue 17): the facilitator's pinned choice of leaf
// category per catalogue category name and marketplace, since every marketplace's tree differs:
//   { "Kopi": { "tiktok-shop": "600001", "shopee": "100629" }, "Jamu": { "shopee": "100780" } }
// Names match ignoring case and spacing (like category cells); two keys that match each other are
// an error, since the file would then say two things about one name.
import { readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { normalizeCategoryName } from "../categories/similarity.js";
import { ConfigError } from "../errors.js";

export const CATEGORY_MAP_FILE = "categories.json";

/** Normalized catalogue category name -> marketplace adapter name -> leaf id. */
export interface CategoryMap {
  /** As written in the file (for rewriting it in the same form). */
  names: Map<string, string>;
  entries: Map<string, Map<string, string>>;
}

export const emptyCategoryMap = (): CategoryMap => ({ names: new Map(), entries: new Map() });

export async function readCategoryMap(dir: string): Promise<CategoryMap> {
  const path = join(dir, CATEGORY_MAP_FILE);
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyCategoryMap();
    throw new ConfigError({ id: `${CATEGORY_MAP_FILE} tidak bisa dibaca`, en: `Cannot read ${CATEGORY_MAP_FILE}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch {
    throw new ConfigError({ id: `${CATEGORY_MAP_FILE} bukan JSON yang sah`, en: `${CATEGORY_MAP_FILE} is not valid JSON` });
  }
  const problems: { id: string; en: string }[] = [];
  const map = emptyCategoryMap();
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ConfigError({ id: `${CATEGORY_MAP_FILE} harus berupa objek {"Kopi": {"shopee": "100629"}}`, en: `${CATEGORY_MAP_FILE} must be an object {"Kopi": {"shopee": "100629"}}` });
  }
  for (const [name, targets] of Object.entries(json)) {
    if (name.startsWith("$")) continue;
    const key = normalizeCategoryName(name);
    const earlier = map.names.get(key);
    if (earlier !== undefined) {
      problems.push({ id: `"${name}" dan "${earlier}" dianggap nama yang sama; gabungkan jadi satu`, en: `"${name}" and "${earlier}" count as the same name; merge them into one` });
      continue;
    }
    if (typeof targets !== "object" || targets === null || Array.isArray(targets)) {
      problems.push({ id: `"${name}": tulis {"<marketplace>": "<id kategori>"}`, en: `"${name}": write {"<marketplace>": "<category id>"}` });
      continue;
    }
    const ids = new Map<string, string>();
    for (const [marketplace, id] of Object.entries(targets)) {
      if ((typeof id !== "string" && typeof id !== "number") || !/^\d+$/.test(String(id))) {
        problems.push({ id: `"${name}".${marketplace}: id kategori berupa angka, mis. "100629"`, en: `"${name}".${marketplace}: a numeric category id, e.g. "100629"` });
        continue;
      }
      ids.set(marketplace, String(id));
    }
    map.names.set(key, name);
    map.entries.set(key, ids);
  }
  if (problems.length > 0) {
    throw new ConfigError({ id: `${CATEGORY_MAP_FILE} punya ${problems.length} masalah:`, en: `${CATEGORY_MAP_FILE} has ${problems.length} problem${problems.length === 1 ? "" : "s"}:` }, problems);
  }
  return map;
}

/** The leaf ids pinned for one marketplace, by normalized catalogue category name. */
export function mappingFor(map: CategoryMap, marketplace: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, ids] of map.entries) {
    const id = ids.get(marketplace);
    if (id !== undefined) out.set(key, id);
  }
  return out;
}

/** Written atomically (temp file + rename), names sorted, so the committed file diffs cleanly. */
export async function writeCategoryMap(dir: string, map: CategoryMap): Promise<string> {
  const path = join(dir, CATEGORY_MAP_FILE);
  const doc: Record<string, Record<string, string>> = {};
  const keys = [...map.entries.keys()].sort((a, b) => (map.names.get(a) ?? a).localeCompare(map.names.get(b) ?? b));
  for (const key of keys) {
    const ids = map.entries.get(key);
    if (!ids || ids.size === 0) continue;
    doc[map.names.get(key) ?? key] = Object.fromEntries([...ids].sort(([a], [b]) => a.localeCompare(b)));
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`, "utf8");
  await rename(tmp, path);
  return path;
}
