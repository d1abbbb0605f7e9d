// Tiny photo files written byte by byte: only the headers desbumi reads (signature, size fields),
// padded to a chosen length. Not decodable pictures; enough for every offline check.

/** A JPEG: SOI, an APP1 segment of `app1Bytes` (EXIF-like padding), SOF0 with the size, EOI. */
export function jpeg(width: number, height: number, opts: { app1Bytes?: number; pad?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  const app1 = opts.app1Bytes ?? 16;
  const app1Len = app1 + 2;
  parts.push(Buffer.from([0xff, 0xe1, app1Len >> 8, app1Len & 0xff]), Buffer.alloc(app1, 0x45));
  parts.push(Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]));
  parts.push(Buffer.alloc(opts.pad ?? 0, 0x11), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

export function png(width: number, height: number, pad = 0): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "latin1");
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 2;
  return Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), ihdr, Buffer.alloc(pad)]);
}

/** A WEBP of the extended (VP8X) kind, which stores width-1 and height-1 in 24 bits each. */
export function webp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(22, 4);
  b.write("WEBP", 8, "latin1");
  b.write("VP8X", 12, "latin1");
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

/** A lossy WEBP (VP8 key frame header). */
export function webpLossy(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(22, 4);
  b.write("WEBP", 8, "latin1");
  b.write("VP8 ", 12, "latin1");
  b.writeUInt32LE(10, 16);
  b[23] = 0x9d;
  b[24] = 0x01;
  b[25] = 0x2a;
  b.writeUInt16LE(width, 26);
  b.writeUInt16LE(height, 28);
  return b;
}

export const heic = (): Buffer => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1")]);
export const pdf = (): Buffer => Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "latin1");
export const html = (): Buffer => Buffer.from("<!DOCTYPE html>\n<html><head><title>Google Drive</title></head><body></body></html>\n");
