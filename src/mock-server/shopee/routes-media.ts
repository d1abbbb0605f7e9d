// media_space/upload_image (reference A4, mock item 14): multipart `image` (or `file`) parts, size
// and type checks, up to 9 files per call, image_info + image_info_list, stable fake CDN URLs.
// No URL ingestion: a `url` field is refused like a missing file.
import { createHash, randomBytes } from "node:crypto";
import type { Route, RouteContext } from "./route-types.js";
import { imageUrl } from "./store.js";
import { fail, ok, type ShopeeReply } from "./wire.js";

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const FILES_PER_CALL_MAX = 9;

const isJpeg = (b: Buffer): boolean => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Buffer): boolean => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

function uploadImage(ctx: RouteContext): ShopeeReply {
  const files = (ctx.form?.files ?? []).filter((f) => f.field === "image" || f.field === "file");
  if (files.length === 0) return fail("error_param", "can't find image file");
  if (files.length > FILES_PER_CALL_MAX) return fail("error_param", `At most ${FILES_PER_CALL_MAX} images per call.`);
  const infos = files.map((file, index) => {
    if (file.data.length > IMAGE_MAX_BYTES) return { id: index, error: "error_image_size", message: "Image is larger than 10 MB." };
    if (!isJpeg(file.data) && !isPng(file.data)) return { id: index, error: "error_image_format", message: "Only JPG, JPEG and PNG images are accepted." };
    const imageId = `id-11134207-${randomBytes(12).toString("hex")}`;
    ctx.shop.images.set(imageId, { imageId, bytes: file.data.length, sha256: createHash("sha256").update(file.data).digest("hex") });
    return { id: index, error: "", message: "", image_info: { image_id: imageId, image_url_list: [{ image_url_region: "ID", image_url: imageUrl(imageId) }] } };
  });
  const first = infos.find((i) => i.error === "");
  if (!first) return fail(infos[0]?.error ?? "error_param", infos[0]?.message ?? "Upload failed.");
  return ok({ image_info: first.image_info, image_info_list: infos }, infos.some((i) => i.error !== "") ? "Some images failed, see image_info_list." : "");
}

export const MEDIA_ROUTES: Record<string, Route> = {
  "/api/v2/media_space/upload_image": { method: "POST", sign: "either", isWrite: true, multipart: true, handle: uploadImage },
};
