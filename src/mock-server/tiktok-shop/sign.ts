// The mock's own implementation of TikTok Shop request signing (reference tiktok-shop-api.md §2),
// written separately from the adapter's so a test against the mock checks the adapter.
import { createHmac } from "node:crypto";

/** sorted query (minus sign/access_token) as key+value, path first, raw body unless multipart, secret-wrapped, HMAC-SHA256 hex. */
export function expectedSign(secret: string, path: string, query: URLSearchParams, body: Buffer, contentType: string | undefined): string {
  const keys = [...new Set(query.keys())].filter((k) => k !== "sign" && k !== "access_token").sort();
  let base = path;
  for (const key of keys) base += key + (query.get(key) ?? "");
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "multipart/form-data" && body.length > 0) base += body.toString("utf8");
  return createHmac("sha256", secret).update(secret + base + secret).digest("hex");
}

/** Self-test on the documented vectors (§10.4); true when this implementation matches the docs. */
export function signSelfTest(): boolean {
  const doc = expectedSign(
    "e59af819cc",
    "/authorization/202309/shops",
    new URLSearchParams({ app_key: "29a39d", timestamp: "1623812664" }),
    Buffer.alloc(0),
    "application/json",
  );
  const sdk = expectedSign("app_secret", "/test-api", new URLSearchParams({ foo: "bar" }), Buffer.alloc(0), undefined);
  return (
    doc === "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8" &&
    sdk === "d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f"
  );
}
