// A tiny hand-written Shopee client for the mock's own tests (independent of the adapter).
import { createHmac } from "node:crypto";
import type { ShopeeMockServer } from "../../../src/mock-server/shopee/index.js";

export const sign = (key: string, base: string): string => createHmac("sha256", key).update(base).digest("hex");

export interface Call {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export class TestClient {
  accessToken = "";
  constructor(
    readonly server: ShopeeMockServer,
    readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  publicQuery(path: string, extra: Record<string, string> = {}): URLSearchParams {
    const ts = this.now();
    const q = new URLSearchParams({ partner_id: String(this.server.partnerId), timestamp: String(ts), sign: sign(this.server.partnerKey, `${this.server.partnerId}${path}${ts}`), ...extra });
    return q;
  }

  shopQuery(path: string, extra: Record<string, string> | [string, string][] = {}): URLSearchParams {
    const ts = this.now();
    const base = `${this.server.partnerId}${path}${ts}${this.accessToken}${this.server.shopId}`;
    const q = new URLSearchParams({
      partner_id: String(this.server.partnerId),
      timestamp: String(ts),
      access_token: this.accessToken,
      shop_id: String(this.server.shopId),
      sign: sign(this.server.partnerKey, base),
    });
    for (const [k, v] of Array.isArray(extra) ? extra : Object.entries(extra)) q.append(k, v);
    return q;
  }

  async raw(path: string, query: URLSearchParams, init: RequestInit = {}): Promise<Call> {
    const res = await fetch(`${this.server.url}${path}?${query}`, { redirect: "manual", ...init });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
  }

  async connect(): Promise<{ refreshToken: string; code: string }> {
    const path = "/api/v2/shop/auth_partner";
    const res = await this.raw(path, this.publicQuery(path, { redirect: "http://127.0.0.1:1/landing" }));
    const landing = new URL(res.headers.get("location") ?? "");
    const code = landing.searchParams.get("code") ?? "";
    const got = await this.post("/api/v2/auth/token/get", { code, partner_id: this.server.partnerId, shop_id: this.server.shopId }, true);
    this.accessToken = String(got.body.access_token);
    return { refreshToken: String(got.body.refresh_token), code };
  }

  post(path: string, body: unknown, isPublic = false): Promise<Call> {
    return this.raw(path, isPublic ? this.publicQuery(path) : this.shopQuery(path), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  get(path: string, query: Record<string, string> | [string, string][] = {}): Promise<Call> {
    return this.raw(path, this.shopQuery(path, query));
  }

  async upload(data: Buffer, field = "image"): Promise<Call> {
    const form = new FormData();
    form.append(field, new Blob([data], { type: "image/png" }), "photo.png");
    const path = "/api/v2/media_space/upload_image";
    return this.raw(path, this.shopQuery(path), { method: "POST", body: form });
  }
}

/** The smallest valid PNG header bytes plus a marker, enough for the mock's type sniffing. */
export const fakePng = (marker: string): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(marker)]);

export const response = (call: Call): Record<string, unknown> => call.body.response as Record<string, unknown>;

/** An add_item body the mock takes (a leaf category without mandatory attributes). */
export const itemBody = (imageId: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  item_name: "Masker Kain Batik Parang",
  description: "Masker kain tiga lapis, bisa dicuci.",
  original_price: 15000,
  weight: 0.05,
  category_id: 100012,
  image: { image_id_list: [imageId] },
  logistic_info: [{ logistic_id: 8003, enabled: true }],
  // SPX Hemat prices by size (fee_type SIZE_INPUT): the item carries its package size.
  dimension: { package_length: 20, package_width: 15, package_height: 3 },
  seller_stock: [{ stock: 10 }],
  item_sku: "MSK-001",
  ...over,
});
