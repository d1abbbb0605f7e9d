// Photo identity for the plan (issue 14): a photo is its content sha256 when known (a local file,
// or a listing image the adapter's upload cache traces back to a file), else its URL. Pure.
import type { DesiredProduct, Listing } from "../plan/types.js";
import type { ResolvedPhoto } from "./types.js";

/**
 * What an uploading adapter's photo cache (src/adapters/shared/photo-cache.ts) can answer, so
 * listings report which file each of their images was uploaded from (Listing.photoHashes).
 */
export interface PhotoHashLookup {
  /** The sha256 of the file uploaded as this marketplace image uri/URL, if this shop's cache knows it. */
  sha256Of(uri: string): string | undefined;
}

/** The listing with photoHashes filled from the lookup (unknown images stay null). */
export function withPhotoHashes(listing: Listing, lookup: PhotoHashLookup): Listing {
  const hashes = listing.images.map((uri) => lookup.sha256Of(uri) ?? null);
  return hashes.some((h) => h !== null) ? { ...listing, photoHashes: hashes } : listing;
}

/** The product's photo identities in order: sha256 for a resolved file, else the link. */
export function desiredPhotoKeys(product: Pick<DesiredProduct, "images" | "photos">): string[] {
  const photos = product.photos;
  if (!photos || photos.length !== product.images.length) return [...product.images];
  return product.images.map((image, i) => photos[i]?.sha256 ?? photos[i]?.url ?? image);
}

export function listingPhotoKeys(listing: Pick<Listing, "images" | "photoHashes">): string[] {
  return listing.images.map((image, i) => listing.photoHashes?.[i] ?? image);
}

/** Same photos in the same order (by content where known). */
export function samePhotos(product: Pick<DesiredProduct, "images" | "photos">, listing: Pick<Listing, "images" | "photoHashes">): boolean {
  const a = desiredPhotoKeys(product);
  const b = listingPhotoKeys(listing);
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * The listing's images as the plan shows them: an image uploaded from a file the catalogue still
 * names (same sha256) shows under that name, so a plan speaks of `kopi-1.jpg`, not an upload uri.
 */
export function shownListingImages(listing: LiveImages, product: { photos?: readonly Pick<ResolvedPhoto, "ref" | "sha256">[] }): string[] {
  const names = new Map<string, string>();
  for (const photo of product.photos ?? []) if (photo.sha256) names.set(photo.sha256, photo.ref);
  return listing.images.map((image, i) => {
    const hash = listing.photoHashes?.[i];
    return (hash ? names.get(hash) : undefined) ?? image;
  });
}

/**
 * Same photos of one variant (Variant.images, DesiredVariant.photos) and its live SKU, by content
 * where the listing knows it. NOTE: per image, a listing image whose hash is unknown compares as
 * text with the catalogue's reference: a reader that stores references as written (the memory
 * shop) or a link uploaded as it is stays equal, and an image the cache does not know (put there
 * by hand) differs from every catalogue file.
 */
export function sameVariantPhotos(
  variant: { images: readonly string[]; photos?: readonly ResolvedPhotoLike[] },
  live: LiveImages,
): boolean {
  if (variant.images.length !== live.images.length) return false;
  return variant.images.every((ref, i) => {
    const hash = live.photoHashes?.[i];
    if (hash) return variant.photos?.[i]?.sha256 === hash;
    return live.images[i] === ref || (variant.photos?.[i]?.url !== undefined && live.images[i] === variant.photos[i]!.url);
  });
}

/** A listing's (or live variant's) images and what its photo cache knows of them. */
type LiveImages = { images: readonly string[]; photoHashes?: readonly (string | null)[] };
type ResolvedPhotoLike = Pick<ResolvedPhoto, "ref" | "sha256" | "url">;
