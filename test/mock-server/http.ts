// Small HTTP helpers for mock-server tests: undici against the real server on 127.0.0.1.
import { request } from "undici";
import type { MockServer } from "../../src/mock-server/index.js";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  json: any;
}

export const basicOf = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

export async function call(
  url: string,
  opts: {
    method?: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
    headers?: Record<string, string>;
    body?: unknown;
    raw?: string;
    /** One connection per request, so a dropped socket cannot bleed into the next request. */
    isFreshConnection?: boolean;
  } = {},
): Promise<Answer> {
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await request(url, {
    method: opts.method ?? "GET",
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...opts.headers },
    ...(body !== undefined ? { body } : {}),
    ...(opts.isFreshConnection ? { reset: true } : {}),
  });
  const text = await res.body.text();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k.toLowerCase()] = v;
  return { status: res.statusCode, headers, json: text ? JSON.parse(text) : undefined };
}

export async function fetchToken(server: MockServer): Promise<string> {
  const res = await call(`${server.tokenUrl}?grant_type=client_credentials`, {
    method: "POST",
    headers: { authorization: basicOf(server.credentials.clientId, server.credentials.clientSecret) },
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.access_token as string;
}

/** A bound caller: path relative to the base URL, shop_id appended unless `noShop`. */
export function clientFor(server: MockServer, token: string) {
  return (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    opts: { query?: Record<string, string | number>; body?: unknown; raw?: string; noShop?: boolean; isFreshConnection?: boolean } = {},
  ): Promise<Answer> => {
    const q = new URLSearchParams();
    if (!opts.noShop) q.set("shop_id", String(server.shopId));
    for (const [k, v] of Object.entries(opts.query ?? {})) q.set(k, String(v));
    const qs = q.toString();
    return call(`${server.url}${path.replace(":fs", String(server.fsId))}${qs ? `?${qs}` : ""}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      ...(opts.raw !== undefined ? { raw: opts.raw } : {}),
      ...(opts.isFreshConnection ? { isFreshConnection: true } : {}),
    });
  };
}

let counter = 0;
/** A valid create-request product; names/skus unique per call unless overridden. */
export function makeCreate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `Keripik Tempe ${counter}`,
    description: "Keripik tempe renyah dari desa",
    sku: `KT-${counter}`,
    price: 15000,
    price_currency: "IDR",
    status: "LIMITED",
    stock: 40,
    min_order: 1,
    category_id: 2991,
    weight: 250,
    weight_unit: "GR",
    condition: "NEW",
    pictures: [{ file_path: "https://img.example.invalid/kt.jpg" }],
    ...overrides,
  };
}
