// Reads a request body as UTF-8 text, with a size cap.
import type { IncomingMessage } from "node:http";

export const BODY_MAX_BYTES = 2 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; reason: "too-large" | "aborted" };

export async function readBody(req: IncomingMessage, maxBytes = BODY_MAX_BYTES): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) return { ok: false, reason: "too-large" };
      chunks.push(buf);
    }
  } catch {
    return { ok: false, reason: "aborted" };
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
