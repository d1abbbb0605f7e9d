// `pull --photos`: download each listing photo into `foto/` next to the written catalogue and put
// the relative path in its cell. A photo that cannot be downloaded keeps its URL (and is reported).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pLimit from "p-limit";
import { loadPhoto, PhotoLoadError } from "../adapters/shared/photo-bytes.js";
import { DEFAULT_PHOTO_FOLDER } from "../photos/resolve.js";
import type { PulledCatalog } from "./rows.js";

/** Larger than any marketplace accepts (Tokopedia, Shopee: 10 MB; TikTok Shop: 5 MB). */
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
const DOWNLOADS_AT_ONCE = 4;
const EXTENSION = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;

export interface PhotoFailure {
  url: string;
  reason: string;
}

export interface DownloadedPhotos {
  /** Files written, relative to the catalogue's folder (`foto/KOPI-1-1.jpg`). */
  written: string[];
  failed: PhotoFailure[];
}

/**
 * Downloads into `<dir>/foto/` and rewrites `catalog.rows` in place. Names come from the SKU and
 * the photo's number; the extension from the bytes (a PNG served as `.jpg` is saved as `.png`).
 */
export async function downloadPhotos(catalog: PulledCatalog, dir: string, opts: { fetch?: typeof globalThis.fetch; signal?: AbortSignal } = {}): Promise<DownloadedPhotos> {
  const folder = join(dir, DEFAULT_PHOTO_FOLDER);
  if (catalog.photoCells.length > 0) await mkdir(folder, { recursive: true });
  const limit = pLimit(DOWNLOADS_AT_ONCE);
  const taken = new Set<string>();
  const byUrl = new Map<string, Promise<string | PhotoFailure>>();
  const fetchOnce = (url: string, wanted: string): Promise<string | PhotoFailure> => {
    const known = byUrl.get(url);
    if (known) return known;
    const job = limit(async () => {
      try {
        const photo = await loadPhoto({ url }, { maxBytes: MAX_PHOTO_BYTES, ...(opts.fetch ? { fetch: opts.fetch } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
        if (!photo.mime) return { url, reason: "not a JPEG, PNG or WebP photo" };
        const name = uniqueName(wanted.replace(/\.[a-z]+$/, `.${EXTENSION[photo.mime]}`), taken);
        await writeFile(join(folder, name), photo.bytes);
        return `${DEFAULT_PHOTO_FOLDER}/${name}`;
      } catch (error) {
        if (error instanceof PhotoLoadError) return { url, reason: error.message };
        throw error;
      }
    });
    byUrl.set(url, job);
    return job;
  };
  const results = await Promise.all(catalog.photoCells.map((cell) => fetchOnce(cell.url, cell.name)));
  const written = new Set<string>();
  const failed = new Map<string, PhotoFailure>();
  catalog.photoCells.forEach((cell, i) => {
    const result = results[i]!;
    if (typeof result === "string") {
      catalog.rows[cell.row]![cell.column] = result;
      written.add(result);
    } else failed.set(result.url, result);
  });
  return { written: [...written], failed: [...failed.values()] };
}

/** `A-1.jpg`, then `A-1-2.jpg` ...: two SKUs that clean up to the same name keep both photos. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = name.replace(/(\.[a-z]+)$/, `-${n}$1`);
  taken.add(candidate.toLowerCase());
  return candidate;
}
