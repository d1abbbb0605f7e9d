// The Shopee wire format as the mock speaks it (reference A2): the envelope, error replies, the
// three query-array spellings, and a small multipart/form-data reader for image uploads.
import { randomBytes } from "node:crypto";

/** What a handler decides; the server writes it. `flat` = token and shop-info calls (no `response`). */
export interface ShopeeReply {
  status: number;
  error: string;
  message: string;
  warning?: string;
  response?: unknown;
  /** Fields merged at the top level instead of under `response` (token endpoints, get_shop_info). */
  flat?: Record<string, unknown>;
  /** delete_item answers without `response`. */
  noResponse?: boolean;
  /** A redirect (auth_partner). */
  location?: string;
}

export const requestId = (): string => randomBytes(16).toString("hex");

export const ok = (response: unknown, warning = ""): ShopeeReply => ({ status: 200, error: "", message: "", warning, response });
export const okFlat = (flat: Record<string, unknown>): ShopeeReply => ({ status: 200, error: "", message: "", flat });

/**
 * NOTE (open question "real HTTP status codes"): we answer business errors with 200, sign and auth
 * errors with 403, error_rate_limit with 429 and error_server with 500 (the reference's [I]
 * suggestion). The adapter must read `error` whatever the status, as the public SDKs do.
 */
export const fail = (error: string, message: string, status = 200): ShopeeReply => ({ status, error, message });
export const authFail = (error: string, message: string): ShopeeReply => fail(error, message, 403);

/** Thrown by request decoding before anything is mutated; the server answers its reply. */
export class Rejected extends Error {
  override readonly name = "Rejected";
  constructor(readonly reply: ShopeeReply) {
    super(reply.message);
  }
}
export const reject = (error: string, message: string): never => {
  throw new Rejected(fail(error, message));
};
export const paramError = (message: string): never => reject("error_param", message);

export function renderReply(reply: ShopeeReply): string {
  const id = requestId();
  if (reply.flat) return JSON.stringify({ request_id: id, error: reply.error, message: reply.message, ...reply.flat });
  const base: Record<string, unknown> = { request_id: id, error: reply.error, message: reply.message };
  if (reply.error === "") base.warning = reply.warning ?? "";
  if (!reply.noResponse && reply.error === "") base.response = reply.response ?? {};
  return JSON.stringify(base);
}

/**
 * A list in the query, in any of the spellings seen in the wild (reference A3, mock item 7):
 * repeated keys (`a=1&a=2`), comma-separated (`a=1,2`), bracketed (`a=[1,2]` or `a=[1 2]`).
 */
export function queryList(query: URLSearchParams, key: string): string[] {
  const out: string[] = [];
  for (const raw of query.getAll(key)) {
    const inner = raw.trim().replace(/^\[/, "").replace(/\]$/, "");
    for (const part of inner.split(/[\s,]+/)) if (part !== "") out.push(part);
  }
  return out;
}

export function queryInt(query: URLSearchParams, key: string): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw.trim() === "") return undefined;
  if (!/^-?\d+$/.test(raw.trim())) return paramError(`Wrong parameter ${key}.`);
  return Number(raw);
}

export interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface FormData {
  fields: Map<string, string>;
  files: FilePart[];
}

/** Reads a multipart/form-data body; undefined when it is not one (or is malformed). */
export function parseMultipart(contentType: string | undefined, body: Buffer): FormData | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || !match) return undefined;
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
  const fields = new Map<string, string>();
  const files: FilePart[] = [];
  let pos = body.indexOf(boundary);
  if (pos < 0) return undefined;
  for (;;) {
    pos += boundary.length;
    if (body.subarray(pos, pos + 2).toString() === "--") break;
    pos += 2; // CRLF after the boundary
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(pos, headerEnd).toString("utf8");
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next < 0) return undefined;
    const data = body.subarray(headerEnd + 4, next - 2); // minus the CRLF before the boundary
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? "";
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
    if (filename !== undefined) files.push({ field: name, filename, contentType: type, data });
    else fields.set(name, data.toString("utf8"));
    pos = next;
  }
  return { fields, files };
}
