// Photo downloads of the practice shop. Tokopedia & Shop takes no outside image links, so desbumi
// downloads every linked photo and uploads it; the practice shop does the same for any real link.
// The addresses used in examples and fixtures are on names reserved never to exist on the internet
// (RFC 2606 / RFC 6761: `*.example`, `*.test`, `*.invalid`, `example.com|net|org`): looking them up
// would only leak a DNS query and fail. For those the practice shop answers itself with a sample
// picture, a real PNG (600 x 600, one colour derived from the address, so two addresses are two
// photos and the upload cache tells them apart), which is then checked and uploaded like any other.
// NOTE: the choice lives here only; the adapter never knows about it.
import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

export const SAMPLE_PHOTO_PX = 600;

const RESERVED = /(^|\.)(example|test|invalid)$|(^|\.)example\.(com|net|org)$/i;

/** True for a link on a name reserved for examples: it can never be downloaded. */
export function isReservedPhotoHost(url: string): boolean {
  try {
    return RESERVED.test(new URL(url).hostname.replace(/\.$/, ""));
  } catch {
    return false;
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC of type + data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** The sample picture for `url`: a solid-colour RGB PNG whose colour comes from the address. */
export function samplePhoto(url: string, px = SAMPLE_PHOTO_PX): Buffer {
  const digest = createHash("sha256").update(url).digest();
  const rgb = [digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.alloc(1 + px * 3);
  for (let x = 0; x < px; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: px }, () => row));
  return Buffer.concat([SIGNATURE, pngChunk("IHDR", ihdr), pngChunk("IDAT", deflateSync(raw)), pngChunk("IEND", Buffer.alloc(0))]);
}

/** `fetch` for the practice shop's photo downloads: reserved example names answered locally, the rest passed on. */
export function practicePhotoFetch(next: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!isReservedPhotoHost(url)) return next(input, init);
    init?.signal?.throwIfAborted();
    const body = samplePhoto(url);
    return new Response(new Uint8Array(body), { status: 200, headers: { "content-type": "image/png", "content-length": String(body.length) } });
  };
}
