// Photo upload cache (issue 15 item 1): one upload per content hash per shop, shared by concurrent
// callers, persisted atomically, reverse lookup of an uploaded id to its catalogue reference.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PhotoUploadCache, photoCacheFile } from "../../../src/adapters/shared/photo-cache.js";
import { describePhoto, sniffImage, loadPhoto, PhotoLoadError } from "../../../src/adapters/shared/photo-bytes.js";
import { hmacSha256Hex } from "../../../src/adapters/shared/sign.js";

const dir = () => mkdtemp(join(tmpdir(), "desbumi-cache-"));

describe("PhotoUploadCache", () => {
  it("uploads each content once (also when asked concurrently) and remembers it across opens", async () => {
    const d = await dir();
    const file = photoCacheFile(d, "tiktok-shop", "7001");
    let uploads = 0;
    const upload = async () => {
      uploads += 1;
      await new Promise((r) => setTimeout(r, 10));
      return { id: `tos-${uploads}` };
    };
    const cache = await PhotoUploadCache.open(file, "tiktok-shop", "7001");
    const [a, b] = await Promise.all([cache.ensure("aa", "a.jpg", upload), cache.ensure("aa", "a.jpg", upload)]);
    expect(a.id).toBe("tos-1");
    expect(b.id).toBe("tos-1");
    expect(uploads).toBe(1);
    await cache.save();
    const again = await PhotoUploadCache.open(file, "tiktok-shop", "7001");
    expect((await again.ensure("aa", "a.jpg", upload)).id).toBe("tos-1");
    expect(uploads).toBe(1);
    expect(again.refFor("tos-1")).toBe("a.jpg");
    // another shop has its own cache
    const other = await PhotoUploadCache.open(photoCacheFile(d, "tiktok-shop", "7002"), "tiktok-shop", "7002");
    expect(other.get("aa")).toBeUndefined();
    expect((await readdir(d)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a damaged file starts empty instead of failing", async () => {
    const d = await dir();
    const file = photoCacheFile(d, "shopee", "1");
    await writeFile(file, "{not json");
    const cache = await PhotoUploadCache.open(file, "shopee", "1");
    expect(cache.size).toBe(0);
  });
});

describe("photo bytes", () => {
  it("hashes and sniffs PNG size", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d494844520000012c000001900806000000", "hex");
    expect(sniffImage(png)).toEqual({ mime: "image/png", width: 300, height: 400 });
    expect(describePhoto(png).sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it("refuses a local file over the cap", async () => {
    const d = await dir();
    const f = join(d, "big.jpg");
    await writeFile(f, Buffer.alloc(2000));
    await expect(loadPhoto({ path: f }, { maxBytes: 1000 })).rejects.toBeInstanceOf(PhotoLoadError);
  });
});

describe("hmacSha256Hex", () => {
  it("matches the TikTok Shop documented vector (sign-your-api-request)", () => {
    const secret = "e59af819cc";
    const base = "/authorization/202309/shopsapp_key29a39dtimestamp1623812664";
    expect(hmacSha256Hex(secret, secret + base + secret)).toBe("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
  });
});
