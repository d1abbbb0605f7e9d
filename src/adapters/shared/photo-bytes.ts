// Reading a photo to upload it: a local file, or a URL downloaded with a size cap and a timeout;
// its content hash (the photo's identity for the upload cache), type and pixel size.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";

export interface PhotoBytes {
  bytes: Uint8Array;
  sha256: string;
  mime?: "image/jpeg" | "image/png" | "image/webp";
  width?: number;
  height?: number;
}

export interface LoadPhotoOptions {
  /** Largest file accepted, bytes. */
  maxBytes: number;
  /** Whole-download timeout, ms. @default 30_000 */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/** Why a photo could not be read (a value for the caller to turn into a failed item). */
export class PhotoLoadError extends Error {
  override readonly name = "PhotoLoadError";
  constructor(
    readonly code: "PHOTO_TOO_LARGE" | "PHOTO_UNREADABLE" | "PHOTO_DOWNLOAD_FAILED",
    message: string,
  ) {
    super(message);
  }
}

export async function loadPhoto(source: { path?: string; url?: string }, options: LoadPhotoOptions): Promise<PhotoBytes> {
  const bytes = source.path ? await readLocal(source.path, options.maxBytes) : await download(source.url ?? "", options);
  return describePhoto(bytes);
}

export function describePhoto(bytes: Uint8Array): PhotoBytes {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { bytes, sha256, ...sniffImage(bytes) };
}

async function readLocal(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path).catch((e: unknown) => {
    throw new PhotoLoadError("PHOTO_UNREADABLE", `cannot read ${path}: ${(e as Error).message}`);
  });
  if (info.size > maxBytes) throw new PhotoLoadError("PHOTO_TOO_LARGE", `${path} is ${info.size} bytes, more than ${maxBytes}`);
  return new Uint8Array(await readFile(path));
}

async function download(url: string, options: LoadPhotoOptions): Promise<Uint8Array> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await doFetch(url, { signal, redirect: "follow" });
  } catch (error) {
    throw new PhotoLoadError("PHOTO_DOWNLOAD_FAILED", `cannot download ${url}: ${(error as Error).message}`);
  }
  if (!response.ok || !response.body) {
    throw new PhotoLoadError("PHOTO_DOWNLOAD_FAILED", `cannot download ${url}: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new PhotoLoadError("PHOTO_TOO_LARGE", `${url} is ${declared} bytes, more than ${options.maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > options.maxBytes) throw new PhotoLoadError("PHOTO_TOO_LARGE", `${url} is more than ${options.maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof PhotoLoadError) throw error;
    throw new PhotoLoadError("PHOTO_DOWNLOAD_FAILED", `cannot download ${url}: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks);
}

/** Type and size from the first bytes of a JPEG, PNG or WebP (no decoding). */
export function sniffImage(b: Uint8Array): Pick<PhotoBytes, "mime" | "width" | "height"> {
  const u16be = (i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
  const u32be = (i: number): number => u16be(i) * 65536 + u16be(i + 2);
  const u16le = (i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { mime: "image/png", width: u32be(16), height: u32be(20) };
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return { mime: "image/jpeg" };
      const marker = b[i + 1] ?? 0;
      const len = u16be(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: "image/jpeg", height: u16be(i + 5), width: u16be(i + 7) };
      }
      i += 2 + len;
    }
    return { mime: "image/jpeg" };
  }
  const ascii = (i: number, n: number): string => String.fromCharCode(...b.subarray(i, i + n));
  if (ascii(0, 4) === "RIFF" && ascii(8, 4) === "WEBP") {
    const kind = ascii(12, 4);
    if (kind === "VP8X") return { mime: "image/webp", width: 1 + (u16le(24) | ((b[26] ?? 0) << 16)), height: 1 + (u16le(27) | ((b[29] ?? 0) << 16)) };
    if (kind === "VP8 ") return { mime: "image/webp", width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
    if (kind === "VP8L") {
      const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
      return { mime: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return { mime: "image/webp" };
  }
  return {};
}
