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
      const info = (env.response as { image_info?: { image_id?: string; image_url_list?: { image_url?: string }[] } } | undefined)?.image_info;
      if (!info?.image_id) throw new ShopeeApiError("error_param", "upload_image answered without an image_id", 200);
      const url = info.image_url_list?.[0]?.image_url;
      return { id: info.image_id, ...(url ? { url } : {}) };
    });
    ids.push(entry.id);
  }
  return ids;
}
