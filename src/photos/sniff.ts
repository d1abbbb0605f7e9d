// What a file really is, from its first bytes (magic numbers), and a photo's pixel size from its
// header alone (never a decode). Pure over byte reads.

export type PhotoMime = "image/jpeg" | "image/png" | "image/webp";
/** What a file that is not a usable photo turned out to be (messages-photos.ts names each). */
export type NotPhoto = "heic" | "avif" | "pdf" | "html" | "gif" | "bmp" | "tiff" | "zip" | "text" | "empty" | "unknown";

export type Sniffed = { photo: true; mime: PhotoMime } | { photo: false; actual: NotPhoto };

/** Enough for every signature below and the PNG/WEBP size fields. */
export const HEAD_BYTES = 64 * 1024;

const ascii = (b: Uint8Array, start: number, end: number): string => String.fromCharCode(...b.subarray(start, end));

export function sniffPhoto(head: Uint8Array): Sniffed {
  if (head.length === 0) return { photo: false, actual: "empty" };
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { photo: true, mime: "image/jpeg" };
  if (head.length >= 8 && ascii(head, 0, 8) === "\x89PNG\r\n\x1a\n") return { photo: true, mime: "image/png" };
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return { photo: true, mime: "image/webp" };
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (brand === "avif" || brand === "avis") return { photo: false, actual: "avif" };
    // heic/heix/hevc/heim/heis (HEVC) and mif1/msf1 (the generic HEIF brands iPhones also write).
    if (/^(hei[cxms]|hev[cx]|mif1|msf1)$/.test(brand)) return { photo: false, actual: "heic" };
    return { photo: false, actual: "unknown" };
  }
  if (ascii(head, 0, 4) === "%PDF") return { photo: false, actual: "pdf" };
  if (ascii(head, 0, 4) === "GIF8") return { photo: false, actual: "gif" };
  if (head[0] === 0x42 && head[1] === 0x4d) return { photo: false, actual: "bmp" };
  if (ascii(head, 0, 4) === "II*\0" || ascii(head, 0, 4) === "MM\0*") return { photo: false, actual: "tiff" };
  if (ascii(head, 0, 4) === "PK\x03\x04") return { photo: false, actual: "zip" };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head.subarray(0, 1024)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head") || (text.startsWith("<") && text.includes("<html"))) {
    return { photo: false, actual: "html" };
  }
  // eslint-disable-next-line no-control-regex
  if (text.length > 0 && !/[\x00-\x08\x0e-\x1f]/.test(text)) return { photo: false, actual: "text" };
  return { photo: false, actual: "unknown" };
}

export interface PixelSize {
  width: number;
  height: number;
}

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

/** Pixel size from the header, or undefined when the header is cut short or malformed. */
export async function readPixelSize(mime: PhotoMime, head: Uint8Array, readAt: ReadAt): Promise<PixelSize | undefined> {
  switch (mime) {
    case "image/png":
      return pngSize(head);
    case "image/webp":
      return webpSize(head);
    case "image/jpeg":
      return jpegSize(head, readAt);
  }
}

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u16le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);

function pngSize(b: Uint8Array): PixelSize | undefined {
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
  if (b.length < 24 || ascii(b, 12, 16) !== "IHDR") return undefined;
  return positive({ width: u32be(b, 16), height: u32be(b, 20) });
}

function webpSize(b: Uint8Array): PixelSize | undefined {
  if (b.length < 30) return undefined;
  const chunk = ascii(b, 12, 16);
  if (chunk === "VP8 ") {
    // Frame tag (3), start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return positive({ width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff });
  }
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return undefined;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return positive({ width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 });
  }
  if (chunk === "VP8X") return positive({ width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 });
  return undefined;
}

/** Start-of-frame markers carry the size: C0-CF except C4 (DHT), C8 (JPG) and CC (DAC). */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** A JPEG with more segments than this before its frame header is not one a camera wrote. */
const MAX_JPEG_SEGMENTS = 512;

/**
 * Walks the segment headers (marker, length) from offset 2, reading only the 9 bytes each needs
 * beyond the head (EXIF and thumbnails in APP1 can push the frame header past 64 KB).
 */
async function jpegSize(head: Uint8Array, readAt: ReadAt): Promise<PixelSize | undefined> {
  let offset = 2;
  const bytesAt = async (at: number, length: number): Promise<Uint8Array> => (at + length <= head.length ? head.subarray(at, at + length) : readAt(at, length));
  for (let i = 0; i < MAX_JPEG_SEGMENTS; i++) {
    const seg = await bytesAt(offset, 9);
    if (seg.length < 4 || seg[0] !== 0xff) return undefined;
    const marker = seg[1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan data before any frame header
    if (isStartOfFrame(marker)) {
      if (seg.length < 9) return undefined;
      return positive({ height: u16be(seg, 5), width: u16be(seg, 7) });
    }
    const length = u16be(seg, 2);
    if (length < 2) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

const positive = (size: PixelSize): PixelSize | undefined => (size.width > 0 && size.height > 0 ? size : undefined);
