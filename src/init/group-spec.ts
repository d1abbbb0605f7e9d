// Turning what a facilitator types ("MUIWO Lipursari", "muiwo=MUIWO Lipursari", "muiwo") into
// group ids and names.
import { UsageError } from "../errors.js";
import { SLUG_PATTERN } from "../config/schema.js";

export interface InitGroup {
  id: string;
  name: string;
}

/** "Bumi Adikusuma (Sleman)" -> "bumi-adikusuma-sleman". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "bumi-adikusuma" -> "Bumi Adikusuma". */
export const nameFromId = (id: string): string =>
  id
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

/**
 * `id=Name` sets both; a bare slug is an id (name derived from it); anything else is a name
 * (id derived from it).
 */
export function parseGroupSpec(spec: string): InitGroup {
  const trimmed = spec.trim();
  const eq = trimmed.indexOf("=");
  if (eq >= 0) {
    const id = trimmed.slice(0, eq).trim();
    const name = trimmed.slice(eq + 1).trim();
    if (!SLUG_PATTERN.test(id)) {
      throw new UsageError({
        id: `--group "${spec}": id "${id}" hanya boleh huruf kecil, angka dan -, mis. "${slugify(id) || "muiwo"}=${name || "MUIWO Lipursari"}".`,
        en: `--group "${spec}": id "${id}" may only hold lowercase letters, digits and -, e.g. "${slugify(id) || "muiwo"}=${name || "MUIWO Lipursari"}".`,
      });
    }
    return { id, name: name || nameFromId(id) };
  }
  if (SLUG_PATTERN.test(trimmed)) return { id: trimmed, name: nameFromId(trimmed) };
  const id = slugify(trimmed);
  if (!id) {
    throw new UsageError({
      id: `Nama kelompok "${spec}" tidak bisa dijadikan id: pakai huruf atau angka, mis. --group "muiwo=MUIWO Lipursari".`,
      en: `Cannot make a group id from "${spec}": use letters or digits, e.g. --group "muiwo=MUIWO Lipursari".`,
    });
  }
  return { id, name: trimmed };
}

/** All groups from `--group` (repeatable) and `--groups a,b`, checked for duplicate ids. */
export function collectGroups(specs: readonly string[]): InitGroup[] {
  const groups = specs.filter((s) => s.trim() !== "").map(parseGroupSpec);
  const seen = new Set<string>();
  for (const group of groups) {
    if (seen.has(group.id)) {
      throw new UsageError({
        id: `Id kelompok "${group.id}" muncul dua kali; setiap kelompok perlu id sendiri.`,
        en: `Group id "${group.id}" appears twice; each group needs its own id.`,
      });
    }
    seen.add(group.id);
  }
  return groups;
}

/** SKU prefixes for the example rows, distinct per group so groups sharing a shop do not collide. */
export function skuPrefixes(groups: readonly InitGroup[]): string[] {
  const used = new Set<string>();
  return groups.map((group) => {
    const words = group.id.split("-").filter(Boolean);
    const base = (words.length > 1 ? words.map((w) => w[0]).join("") : group.id.slice(0, 3)).toUpperCase() || "PRD";
    let prefix = base;
    for (let n = 2; used.has(prefix); n++) prefix = `${base}${n}`;
    used.add(prefix);
    return prefix;
  });
}
