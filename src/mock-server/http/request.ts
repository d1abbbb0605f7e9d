// Reading an incoming request without ever throwing: the URL, one header, the body (size-capped,
// content-type checked, strict JSON). Every mock's HTTP edge goes through these, so a request of
// any shape becomes either data or a "bad request" verdict the mock answers in its own envelope.
import type { IncomingMessage } from "node:http";
import { parseJson, type JsonParseOptions } from "./json.js";

export const BODY_MAX_BYTES = 2 * 1024 * 1024;
const BASE = "http://mock.invalid";

/**
 * The request target as a URL, or undefined when it is not a usable one; the caller answers 400.
 * Refused like Go's url.ParseRequestURI refuses them upstream: anything but origin-form
 * (`/path?query`), a target starting `//` (Go reads that as an authority: `//[` fails there),
 * a broken percent escape (`%zz`), and control characters.
 */
export function parseRequestUrl(raw: string | undefined): URL | undefined {
  const target = raw ?? "/";
  if (!target.startsWith("/") || target.startsWith("//")) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/%(?![0-9a-fA-F]{2})|[\x00-\x20\x7f]/.test(target)) return undefined;
  try {
    return new URL(`${BASE}${target}`);
  } catch {
    return undefined;
  }
}

/** A header as one string: undefined when absent, the first value when repeated. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** `application/json`, optionally with `charset=utf-8` (any case); anything else is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((p) => p === "" || p === "charset=utf-8" || p === 'charset="utf-8"');
}

export type BodyBytes = { ok: true; bytes: Buffer } | { ok: false; reason: "too-large" | "aborted" };
export type BodyText = { ok: true; text: string } | { ok: false; reason: "too-large" | "aborted" };

/** The body as bytes (uploads), refused past `maxBytes` (the rest is not read). */
export async function readBodyBytes(req: IncomingMessage, maxBytes = BODY_MAX_BYTES): Promise<BodyBytes> {
  const declared = Number(headerOf(req, "content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too-large" };
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
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** The body as UTF-8 text, refused past `maxBytes` (the rest is not read). */
export async function readBodyText(req: IncomingMessage, maxBytes = BODY_MAX_BYTES): Promise<BodyText> {
  const body = await readBodyBytes(req, maxBytes);
  return body.ok ? { ok: true, text: body.bytes.toString("utf8") } : body;
}

export type JsonBody =
  | { ok: true; value: unknown; text: string }
  | { ok: false; reason: "too-large" | "aborted" | "content-type" | "syntax" | "too-deep"; message: string };

export interface JsonBodyOptions extends JsonParseOptions {
  maxBytes?: number;
  /** Refuse a body whose Content-Type is not application/json. @default true */
  isContentTypeStrict?: boolean;
}

/**
 * Reads and parses a JSON body: prototype-free objects, bounded depth and size. The verdict's
 * `message` is English for the mock's envelope `reason`.
 */
export async function readJsonBody(req: IncomingMessage, options: JsonBodyOptions = {}): Promise<JsonBody> {
  const maxBytes = options.maxBytes ?? BODY_MAX_BYTES;
  const body = await readBodyText(req, maxBytes);
  if (!body.ok) {
    return { ok: false, reason: body.reason, message: body.reason === "too-large" ? `request body is larger than ${maxBytes} bytes` : "request aborted" };
  }
  const type = headerOf(req, "content-type");
  if ((options.isContentTypeStrict ?? true) && !isJsonContentType(type)) {
    return { ok: false, reason: "content-type", message: `Content-Type must be application/json, got ${type === undefined ? "none" : JSON.stringify(type.slice(0, 100))}` };
  }
  const parsed = parseJson(body.text, options);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, message: `it is not valid JSON (${parsed.message})` };
  return { ok: true, value: parsed.value, text: body.text };
}

/**
 * A query or path integer as Go's strconv.Atoi reads it: optional sign and decimal digits only, so
 * `0x7fffffff`, `1e3`, `12.0` and `" 5"` are not numbers (JavaScript's Number() takes them all);
 * undefined too when it is beyond what a JavaScript number holds exactly.
 */
export function parseIntStrict(text: string): number | undefined {
  if (!/^[+-]?\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
