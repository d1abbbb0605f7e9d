// `desbumi init --add-group "id=Name"`: one more group in an existing desbumi.config.json, every
// other key (marketplace blocks, other groups, defaultCategory, $schema ...) kept as it is, in its
// order, with the file's own indentation and line endings (issue 12.8).
import path from "node:path";
import { UsageError } from "../errors.js";
import { CONFIG_FILE_NAME } from "../config/schema.js";
import { nameFromId, type InitGroup } from "./group-spec.js";
import { SHOP_ID_PLACEHOLDER, catalogPathOf } from "./templates.js";

export interface AddedGroups {
  content: string;
  /** The groups already in the config (id, name), in order. */
  existing: InitGroup[];
  /** The new groups with the catalogue path each got (relative to the config, forward slashes). */
  added: (InitGroup & { catalog: string })[];
  /** The config's top-level marketplace is Tokopedia (new groups then get a shopId placeholder). */
  isTokopedia: boolean;
}

export function addGroupsToConfig(existing: string, groups: readonly InitGroup[]): AddedGroups {
  const config = parseConfigObject(existing);
  const list = config.groups === undefined ? [] : config.groups;
  if (!Array.isArray(list)) {
    throw new UsageError({
      id: `"groups" di ${CONFIG_FILE_NAME} bukan daftar ([ ... ]); perbaiki dulu, lalu jalankan desbumi init --add-group lagi. Belum ada berkas yang ditulis.`,
      en: `"groups" in ${CONFIG_FILE_NAME} is not a list ([ ... ]); fix it, then run desbumi init --add-group again. No file was written.`,
    });
  }
  const present: InitGroup[] = list.filter(isRecord).map((g) => {
    const id = typeof g.id === "string" ? g.id : "";
    return { id, name: typeof g.name === "string" ? g.name : nameFromId(id) };
  });
  for (const group of groups) {
    if (present.some((g) => g.id === group.id)) {
      throw new UsageError({
        id: `Kelompok "${group.id}" sudah ada di ${CONFIG_FILE_NAME}; pilih id lain. Belum ada berkas yang ditulis.`,
        en: `Group "${group.id}" is already in ${CONFIG_FILE_NAME}; choose another id. No file was written.`,
      });
    }
  }

  const marketplace = isRecord(config.marketplace) ? config.marketplace : undefined;
  const isTokopedia = marketplace?.adapter === "tokopedia";
  const folder = catalogFolder(list);
  const added = groups.map((group) => ({ ...group, catalog: folder === undefined ? catalogPathOf(group) : `${folder}/${group.id}.csv` }));
  const entries = added.map((group) => ({
    id: group.id,
    name: group.name,
    catalog: group.catalog,
    ...(isTokopedia ? { marketplace: { shopId: SHOP_ID_PLACEHOLDER } } : {}),
  }));
  const merged = { ...config, groups: [...list, ...entries] };
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const body = JSON.stringify(merged, null, indentOf(existing)).replace(/\n/g, eol);
  return { content: `${body}${eol}`, existing: present, added, isTokopedia };
}

/** The folder the existing groups keep their catalogues in, when they all share one relative folder. */
function catalogFolder(list: readonly unknown[]): string | undefined {
  const folders = new Set(
    list
      .filter(isRecord)
      .map((g) => (typeof g.catalog === "string" && !path.isAbsolute(g.catalog) ? path.posix.dirname(g.catalog.replace(/\\/g, "/")) : undefined)),
  );
  if (folders.size !== 1) return undefined;
  const [folder] = [...folders];
  return folder === undefined || folder === "." || folder.startsWith("..") ? undefined : folder;
}

function parseConfigObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError({
      id: `${CONFIG_FILE_NAME} bukan JSON yang sah (${reason}); perbaiki dulu, lalu jalankan desbumi init --add-group lagi. Belum ada berkas yang ditulis.`,
      en: `${CONFIG_FILE_NAME} is not valid JSON (${reason}); fix it, then run desbumi init --add-group again. No file was written.`,
    });
  }
  if (!isRecord(value)) {
    throw new UsageError({
      id: `${CONFIG_FILE_NAME} harus berisi satu objek JSON ({ ... }). Belum ada berkas yang ditulis.`,
      en: `${CONFIG_FILE_NAME} must hold one JSON object ({ ... }). No file was written.`,
    });
  }
  return value;
}

/** The indentation of the first indented line (a tab or 1 to 8 spaces); 2 spaces when none. */
function indentOf(text: string): string | number {
  const indent = /^[ \t]*\{\s*?\r?\n([ \t]+)\S/.exec(text)?.[1];
  if (indent === undefined) return 2;
  if (indent.startsWith("\t")) return "\t";
  return Math.min(indent.length, 8);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
