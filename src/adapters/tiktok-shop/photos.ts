// Photos: the API takes no outside URLs (§5), so each photo is uploaded once per content per shop
// (shared PhotoUploadCache in .desbumi/) and products reference the returned `uri`.
import { loadPhoto, PhotoLoadError } from "../shared/photo-bytes.js";
import type { PhotoUploadCache } from "../shared/photo-cache.js";
import { photoOption } from "../../photos/variant-photos.js";
import type { DesiredProduct } from "../../plan/types.js";
import type { TikTokClient } from "./client.js";

export const UPLOAD_PATH = "/product/202309/images/upload";
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_TIMEOUT_MS = 30_000;

export class PhotoError extends Error {
  override readonly name = "PhotoError";
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface PhotoDeps {
  client: TikTokClient;
  photos: PhotoUploadCache;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** The uploaded uris of a product's photos, in order (uploading only what the shop lacks). */
export async function photoUris(product: DesiredProduct, deps: PhotoDeps): Promise<string[]> {
  return uploadAll(product.images, product.photos, "MAIN_IMAGE", deps);
}

/**
 * The uploaded uris of a product's certificate photos (`Foto Sertifikat`), uploaded with use_case
 * CERTIFICATION_IMAGE (§5). PDFs are left out: they go through files/upload, not used yet.
 */
export async function certificateUris(product: DesiredProduct, deps: PhotoDeps): Promise<string[]> {
  const photos = (product.certificatePhotos ?? []).filter((p) => p.mime !== undefined);
  return uploadAll(
    photos.map((p) => p.ref),
    photos,
    "CERTIFICATION_IMAGE",
    deps,
  );
}

/** The variants' photos as TikTok Shop carries them: per value of one sales attribute (§4.2 `sku_img`). */
export interface AttributeImages {
  /** The sales attribute (option name) holding the images: the variants' first option. */
  name: string;
  /** Option value -> uploaded uri. */
  byValue: ReadonlyMap<string, string>;
}

/**
 * The variants' photos uploaded (use_case ATTRIBUTE_IMAGE), keyed by the value of the option that
 * holds them: TikTok Shop takes `sku_img` on one sales attribute only, for every value of it.
 * Undefined when no variant has a photo. NOTE: the photo step (src/photos/variant-photos.ts, by the
 * definition's photo.variantPhotos) already gave every variant the photo of its value and refused
 * products whose photos no option can carry, so the same option is found here.
 */
export async function variantImageUris(product: DesiredProduct, deps: PhotoDeps): Promise<AttributeImages | undefined> {
  const variants = product.variants ?? [];
  const option = photoOption(variants, "one-option");
  if (option.kind !== "option") return undefined;
  const { name } = option;
  const byValue = new Map<string, string>();
  for (const v of variants) {
    const value = v.options[name] ?? "";
    const ref = v.images[0];
    if (ref === undefined || byValue.has(value)) continue;
    const [uri] = await uploadAll([ref], v.photos?.slice(0, 1), "ATTRIBUTE_IMAGE", deps);
    if (uri) byValue.set(value, uri);
  }
  return { name, byValue };
}

async function uploadAll(refs: readonly string[], photos: DesiredProduct["photos"], useCase: "MAIN_IMAGE" | "CERTIFICATION_IMAGE" | "ATTRIBUTE_IMAGE", deps: PhotoDeps): Promise<string[]> {
  const uris: string[] = [];
  for (const [i, ref] of refs.entries()) {
    const resolved = photos?.[i];
    if (resolved?.sha256) {
      const known = deps.photos.get(resolved.sha256);
      if (known) {
        uris.push((await deps.photos.ensure(resolved.sha256, ref, async () => known)).id);
        continue;
      }
    }
    const source = resolved?.path ? { path: resolved.path } : { url: resolved?.url ?? ref };
    let photo;
    try {
      photo = await loadPhoto(source, { maxBytes: PHOTO_MAX_BYTES, timeoutMs: PHOTO_TIMEOUT_MS, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.signal ? { signal: deps.signal } : {}) });
    } catch (error) {
      if (error instanceof PhotoLoadError) throw new PhotoError(error.code, error.message, error.code === "PHOTO_DOWNLOAD_FAILED");
      throw error;
    }
    const uploaded = await deps.photos.ensure(photo.sha256, ref, async () => {
      const form = new FormData();
      const type = photo.mime ?? "application/octet-stream";
      form.set("data", new Blob([photo.bytes], { type }), `photo.${type.split("/")[1] ?? "bin"}`);
      form.set("use_case", useCase);
      const env = await deps.client.call<{ uri?: string; url?: string; width?: number; height?: number }>("POST", UPLOAD_PATH, { form, ...(deps.signal ? { signal: deps.signal } : {}) });
      if (env.code !== 0 || !env.data?.uri) throw new PhotoError(String(env.code), `photo ${ref}: ${env.message}`, false);
      return { id: env.data.uri, ...(env.data.url ? { url: env.data.url } : {}), ...(env.data.width ? { width: env.data.width } : {}), ...(env.data.height ? { height: env.data.height } : {}) };
    });
    uris.push(uploaded.id);
  }
  return uris;
}
