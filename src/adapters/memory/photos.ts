// The memory shop "uploads" local photos: a file becomes memory://photos/<sha256>, and the
// listing remembers which file each image came from (Listing.photoHashes), as an uploading
// adapter's photo cache would.
import type { DesiredProduct, FieldChange } from "../../plan/types.js";

export interface UploadedImages {
  images: string[];
  photoHashes?: (string | null)[];
}

export function uploadImages(product: DesiredProduct): UploadedImages {
  const hashes: (string | null)[] = [];
  const images = product.images.map((image, i) => {
    const photo = product.photos?.[i];
    if (photo?.source === "file" && photo.sha256) {
      hashes.push(photo.sha256);
      return `memory://photos/${photo.sha256}`;
    }
    hashes.push(null);
    return image;
  });
  return hashes.some((h) => h !== null) ? { images, photoHashes: hashes } : { images };
}

/** The field changes with an `images` change pointing at the uploaded images. */
export const withUploadedImages = (fields: readonly FieldChange[], uploaded: UploadedImages): FieldChange[] =>
  fields.map((f) => (f.field === "images" ? { ...f, to: uploaded.images } : f));
