// Photos: Shopee takes no image URLs (reference A4), so each catalogue photo (a local file, or a
// URL downloaded first) is uploaded through media_space/upload_image once per content hash and
// per shop (the shared photo upload cache); the image_id is what items reference.
import { isAbsolute, resolve } from "node:path";
import type { DesiredProduct } from "../../plan/types.js";
import { loadPhoto, type PhotoBytes } from "../shared/photo-bytes.js";
import type { PhotoUploadCache } from "../shared/photo-cache.js";
import type { ShopeeClient } from "./client.js";
import { ShopeeApiError } from "./errors.js";

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export interface PhotoDeps {
  client: ShopeeClient;
  cache: PhotoUploadCache;
  /** Folder relative photo paths are read from. */
  cwd: string;
  /** For URL photos. */
  fetch: typeof fetch;
}

async function bytesOf(ref: string, photo: DesiredProduct["photos"] extends (infer P)[] | undefined ? P | undefined : never, deps: PhotoDeps, signal?: AbortSignal): Promise<PhotoBytes> {
  const url = photo?.url ?? (/^https?:\/\//i.test(ref) ? ref : undefined);
  const path = photo?.path ?? (url ? undefined : isAbsolute(ref) ? ref : resolve(deps.cwd, ref));
  return loadPhoto(path ? { path } : { url: url ?? ref }, { maxBytes: PHOTO_MAX_BYTES, fetch: deps.fetch, ...(signal ? { signal } : {}) });
}

interface ImageInfo {
  image_id?: string;
  image_url_list?: { image_url?: string }[] | null;
}

/**
 * The one file's image from an upload_image answer (reference A4): `image_info`, or the per-file
 * `image_info_list[{id, error, message, image_info}]` (added 2022-10-14) when that is all there is;
 * a per-file error there is the upload's error.
 */
export function uploadedImage(response: unknown): ImageInfo & { image_id: string } {
  const r = (response ?? {}) as { image_info?: ImageInfo | null; image_info_list?: { error?: string; message?: string; image_info?: ImageInfo | null }[] | null };
  const entry = r.image_info_list?.[0];
  const info = r.image_info?.image_id ? r.image_info : entry?.image_info;
  if (info?.image_id) return { ...info, image_id: info.image_id };
  if (entry?.error) throw new ShopeeApiError(entry.error, entry.message ?? "", 200);
  throw new ShopeeApiError("error_param", "upload_image answered without an image_id", 200);
}

/** The image ids for a product's photos, uploading the ones this shop does not have yet. */
export async function uploadPhotos(product: DesiredProduct, deps: PhotoDeps, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, ref] of product.images.entries()) {
    const photo = product.photos?.[i];
    const known = photo?.sha256 ? deps.cache.get(photo.sha256) : undefined;
    if (known) {
      ids.push(known.id);
      continue;
    }
    const bytes = await bytesOf(ref, photo, deps, signal);
    const entry = await deps.cache.ensure(bytes.sha256, ref, async () => {
      const form = new FormData();
      const type = bytes.mime ?? "image/jpeg";
      form.append("image", new Blob([bytes.bytes], { type }), type === "image/png" ? "photo.png" : "photo.jpg");
      form.append("scene", "normal");
      const env = await deps.client.upload(form, signal ? { signal } : {});
      const info = uploadedImage(env.response);
      const url = info.image_url_list?.[0]?.image_url;
      return { id: info.image_id, ...(url ? { url } : {}) };
    });
    ids.push(entry.id);
  }
  return ids;
}
