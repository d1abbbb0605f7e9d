// The photo upload cache: which photo contents (sha256) a shop already has, and under what
// uploaded id. Marketplaces that take no outside image URLs (TikTok Shop, Shopee) need every photo
// uploaded; with this cache a resync uploads only photos whose content changed.
// One JSON file per marketplace and shop in the project's .desbumi/ folder, replaced atomically.
// It holds no secrets: uploaded ids are public image handles.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

export interface UploadedPhoto {
  /** What write requests reference (TikTok Shop `uri`, Shopee `image_id`). */
  id: string;
  /** Where the marketplace serves it, when it says. */
  url?: string;
  width?: number;
  height?: number;
  /** The catalogue reference it was last uploaded for (so a listing's image reads back as the catalogue wrote it). */
  ref?: string;
  uploadedAt: number;
}

interface CacheFile {
  version: 1;
  marketplace: string;
  shop: string;
  /** sha256 -> upload. */
  photos: Record<string, UploadedPhoto>;
}

export function photoCacheFile(stateDir: string, marketplace: string, shop: string): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, "_");
  return join(stateDir, `photo-uploads-${safe(marketplace)}-${safe(shop)}.json`);
}

export class PhotoUploadCache {
  private data: CacheFile;
  private readonly inFlight = new Map<string, Promise<UploadedPhoto>>();
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    data: CacheFile,
  ) {
    this.data = data;
  }

  /** Opens (or starts) the cache at `file`; an unreadable file starts empty (it is only a cache). */
  static async open(file: string, marketplace: string, shop: string): Promise<PhotoUploadCache> {
    let data: CacheFile = { version: 1, marketplace, shop, photos: {} };
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as CacheFile;
      if (parsed.version === 1 && parsed.shop === shop && parsed.photos && typeof parsed.photos === "object") data = parsed;
    } catch {
      // NOTE: missing or damaged: worst case each photo is uploaded once more.
    }
    return new PhotoUploadCache(file, data);
  }

  get(sha256: string): UploadedPhoto | undefined {
    return Object.hasOwn(this.data.photos, sha256) ? this.data.photos[sha256] : undefined;
  }

  /** uploaded id -> sha256, built on first use and kept up to date (a listing read asks once per image). */
  private byId: Map<string, string> | undefined;

  private index(): Map<string, string> {
    if (!this.byId) this.byId = new Map(Object.entries(this.data.photos).map(([sha256, photo]) => [photo.id, sha256]));
    return this.byId;
  }

  /** The catalogue reference a listing's uploaded image id stands for (undefined when not ours). */
  refFor(id: string): string | undefined {
    const sha256 = this.index().get(id);
    return sha256 === undefined ? undefined : this.data.photos[sha256]?.ref;
  }

  /** The content sha256 of the file uploaded as `id` (undefined when not ours). */
  sha256Of(id: string): string | undefined {
    return this.index().get(id);
  }

  /**
   * The upload for `sha256`: from the cache, or by calling `upload` once (concurrent callers for the
   * same content share one upload). The new entry is saved before it is returned, so a crash after
   * the write that uses it cannot make the next run upload it again.
   */
  async ensure(sha256: string, ref: string, upload: () => Promise<Omit<UploadedPhoto, "uploadedAt" | "ref">>): Promise<UploadedPhoto> {
    const known = this.get(sha256);
    if (known) {
      if (known.ref !== ref) {
        known.ref = ref;
        this.dirty = true;
      }
      return known;
    }
    const running = this.inFlight.get(sha256);
    if (running) return running;
    const task = (async () => {
      const uploaded = await upload();
      const entry: UploadedPhoto = { ...uploaded, ref, uploadedAt: Math.floor(Date.now() / 1000) };
      this.data.photos[sha256] = entry;
      this.byId?.set(entry.id, sha256);
      this.dirty = true;
      await this.save();
      return entry;
    })();
    this.inFlight.set(sha256, task);
    try {
      return await task;
    } finally {
      this.inFlight.delete(sha256);
    }
  }

  /** File writes so far (for benchmarks and tests: uploads share writes, see save()). */
  writes = 0;
  private queued: Promise<void> | undefined;

  /**
   * Write the cache if it changed: one atomic write at a time, and group commit: every change made
   * while a write runs waits for the one next write, which holds them all. So N uploads finishing
   * together cost about one file write, not N, and each `ensure` still returns only once its entry
   * is on disk.
   */
  save(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.saving.then(async () => {
      this.queued = undefined;
      if (!this.dirty) return;
      this.dirty = false;
      try {
        this.writes += 1;
        await writeFileAtomic(this.file, JSON.stringify(this.data) + "\n");
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    this.queued = next;
    this.saving = next.catch(() => undefined);
    return next;
  }

  get size(): number {
    return Object.keys(this.data.photos).length;
  }
}
