// Thin HTTP helpers of the mock (kept small so they can move onto the shared mock core in
// src/mock-server/http/ once it lands): a bounded raw body reader and a multipart/form-data parser.
import type { IncomingMessage } from "node:http";

export type RawBody = { ok: true; bytes: Buffer } | { ok: false; reason: "too-large" | "aborted" };

export async function readRaw(req: IncomingMessage, maxBytes: number): Promise<RawBody> {
  const declared = Number(req.headers["content-length"] ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return { ok: false, reason: "too-large" };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of req) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        req.resume();
        return { ok: false, reason: "too-large" };
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    return { ok: false, reason: "aborted" };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Parts of a multipart/form-data body, or undefined when it is not one (no boundary, broken framing). */
export function parseMultipart(body: Buffer, contentType: string | undefined): FormPart[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary.trim()}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === "--") return parts;
    pos += 2; // CRLF
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(pos, headerEnd).toString("utf8");
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return undefined;
    const data = body.subarray(headerEnd + 4, next - 2);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    parts.push({ name, data, ...(filename !== undefined ? { filename } : {}), ...(type ? { contentType: type } : {}) });
    pos = next;
  }
}

/** Type and pixel size from an image's first bytes (JPEG, PNG, WebP, BMP; others unknown). */
export function imageFacts(b: Buffer): { format?: string; width?: number; height?: number } {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { format: "PNG", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length && b[i] === 0xff) {
      const marker = b[i + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: "JPEG", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      }
      i += 2 + b.readUInt16BE(i + 2);
    }
    return { format: "JPEG" };
  }
  if (b.length > 30 && b.toString("ascii", 0, 4) === "RIFF" && b.toString("ascii", 8, 12) === "WEBP") {
    const kind = b.toString("ascii", 12, 16);
    if (kind === "VP8X") return { format: "WEBP", width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
    if (kind === "VP8 ") return { format: "WEBP", width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    if (kind === "VP8L") {
      const bits = b.readUInt32LE(21);
      return { format: "WEBP", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return { format: "WEBP" };
  }
  if (b.length > 26 && b.toString("ascii", 0, 2) === "BM") return { format: "BMP", width: b.readInt32LE(18), height: Math.abs(b.readInt32LE(22)) };
  return {};
}
