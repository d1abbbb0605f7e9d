// Reading a photo to upload it: a local file, or a URL downloaded with a size cap and a timeout;
// its content hash (the photo's identity for the upload cache), type and pixel size.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { HEAD_BYTES, readPixelSize, sniffPhoto } from "../../photos/sniff.js";

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

export async function describePhoto(bytes: Uint8Array): Promise<PhotoBytes> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { bytes, sha256, ...(await sniffImage(bytes)) };
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

/**
 * Type and size from the bytes of a JPEG, PNG or WebP (no decoding), by the same reader the offline
 * checks use (src/photos/sniff.ts), so an upload and `validate` never disagree on a file.
 */
export async function sniffImage(b: Uint8Array): Promise<Pick<PhotoBytes, "mime" | "width" | "height">> {
  const sniffed = sniffPhoto(b.subarray(0, HEAD_BYTES));
  if (!sniffed.photo) return {};
  const size = await readPixelSize(sniffed.mime, b, async (offset, length) => b.subarray(offset, offset + length));
  return { mime: sniffed.mime, ...(size ? { width: size.width, height: size.height } : {}) };
}
