// Pixel size and type from real files, the odd-but-real kinds people have (issue 14 "Photos"):
// progressive JPEG (SOF2), CMYK JPEG (Adobe APP14 first), EXIF-first JPEG with a thumbnail that
// pushes the frame header past the first 64 KB, PNG (palette, Adam7 interlaced, APNG), WEBP
// VP8 / VP8L / VP8X, and a real HEIC and AVIF (refused by type). Both readers are checked: the
// offline one (src/photos/read-file.ts) and the upload one (src/adapters/shared/photo-bytes.ts).
// The fixtures in test/fixtures/photos/ were made with ImageMagick 6.9 (/usr/bin/convert):
//   convert -size 641x480 gradient:red-blue -quality 70 -strip [-interlace Plane | -colorspace CMYK] x.jpg
//   convert -size 641x480 gradient:red-blue -quality 60 lossy.webp   (VP8)
//   convert -size 641x480 gradient:red-blue -define webp:lossless=true lossless.webp   (VP8L)
//   convert -size 641x480 gradient:'rgba(255,0,0,0.5)'-blue -quality 60 alpha.webp   (VP8X + ALPH)
//   convert ... PNG8:palette.png; convert ... -interlace PNG PNG24:interlaced.png
//   convert -size 641x480 gradient:red-blue -quality 50 real.heic; convert ... real.avif
// The EXIF-first JPEG and the APNG are built below from those bytes.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { describePhoto } from "../../src/adapters/shared/photo-bytes.js";
import { readPhotoFile } from "../../src/photos/read-file.js";
import { pngChunk } from "../../src/target/practice-photos.js";
import { HEAD_BYTES } from "../../src/photos/sniff.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/photos");
let dir: string;

/** SOI, an APP1 `Exif` segment of about `size` bytes (a TIFF header and a thumbnail-like tail), then the rest of `jpeg` without its APP0. */
function exifFirst(jpeg: Buffer, size: number): Buffer {
  const app0Length = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 2 + jpeg.readUInt16BE(4) : 0;
  const rest = jpeg.subarray(2 + app0Length);
  const payload = Buffer.concat([Buffer.from("Exif\0\0II*\0\x08\0\0\0", "latin1"), Buffer.alloc(Math.min(size, 65_000), 0x20)]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  // A second APP1 (XMP-like) so the frame header really is past the first 64 KB.
  const xmp = Buffer.concat([Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1"), Buffer.alloc(Math.max(0, size - 65_000), 0x3c)]);
  const segment2 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(xmp.length + 2) >> 8, (xmp.length + 2) & 0xff]), xmp]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment, segment2, rest]);
}

/** An APNG: acTL (1 frame, loop forever) and fcTL after IHDR, before the image data, as the format puts them. */
function apng(png: Buffer): Buffer {
  const afterIhdr = 8 + 25;
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(1, 0);
  const fctl = Buffer.alloc(26);
  fctl.writeUInt32BE(0, 0);
  fctl.writeUInt32BE(png.readUInt32BE(16), 4);
  fctl.writeUInt32BE(png.readUInt32BE(20), 8);
  fctl.writeUInt16BE(1, 20);
  fctl.writeUInt16BE(10, 22);
  return Buffer.concat([png.subarray(0, afterIhdr), pngChunk("acTL", actl), pngChunk("fcTL", fctl), png.subarray(afterIhdr)]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-real-photos-"));
  const baseline = await readFile(join(FIXTURES, "baseline.jpg"));
  await writeFile(join(dir, "exif-first.jpg"), exifFirst(baseline, 90_000));
  await writeFile(join(dir, "anim.png"), apng(await readFile(join(FIXTURES, "palette.png"))));
  // Fill bytes (0xFF padding) before a marker are allowed (ITU T.81 B.1.1.2); some encoders write them.
  const app0End = 4 + baseline.readUInt16BE(4);
  await writeFile(join(dir, "fill-bytes.jpg"), Buffer.concat([baseline.subarray(0, app0End), Buffer.from([0xff, 0xff, 0xff]), baseline.subarray(app0End)]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BUILT = new Set(["exif-first.jpg", "anim.png", "fill-bytes.jpg"]);
const at = (name: string): string => (BUILT.has(name) ? join(dir, name) : join(FIXTURES, name));

describe.each([
  ["baseline.jpg", "image/jpeg"],
  ["progressive.jpg", "image/jpeg"],
  ["cmyk.jpg", "image/jpeg"],
  ["exif-first.jpg", "image/jpeg"],
  ["fill-bytes.jpg", "image/jpeg"],
  ["palette.png", "image/png"],
  ["interlaced.png", "image/png"],
  ["anim.png", "image/png"],
  ["lossy.webp", "image/webp"],
  ["lossless.webp", "image/webp"],
  ["alpha.webp", "image/webp"],
] as const)("%s", (name, mime) => {
  test("is read as a photo of 641 x 480 px, offline and for upload", async () => {
    const read = await readPhotoFile(at(name));
    expect(read).toMatchObject({ ok: true, sniffed: { photo: true, mime }, size: { width: 641, height: 480 } });
    expect(await describePhoto(new Uint8Array(await readFile(at(name))))).toMatchObject({ mime, width: 641, height: 480 });
  });
});

test("the EXIF-first JPEG's frame header is past the first 64 KB (so the segment walk really reads on)", async () => {
  const bytes = await readFile(at("exif-first.jpg"));
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  expect(sof).toBeGreaterThan(HEAD_BYTES);
  expect(bytes[2]).toBe(0xff);
  expect(bytes[3]).toBe(0xe1);
});

test.each([
  ["real.heic", "heic"],
  ["real.avif", "avif"],
] as const)("%s (made by ImageMagick) is refused by its type: %s", async (name, actual) => {
  expect(await readPhotoFile(at(name))).toMatchObject({ ok: true, sniffed: { photo: false, actual } });
  expect((await describePhoto(new Uint8Array(await readFile(at(name))))).mime).toBeUndefined();
});
