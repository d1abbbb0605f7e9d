// Photo upload cache (issue 15 item 1): one upload per content hash per shop, shared by concurrent
// callers, persisted atomically, reverse lookup of an uploaded id to its catalogue reference.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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
    const again = await PhotoUploadCache.open(file, "tiktok-shop", "7001");
    expect((await again.ensure("aa", "a.jpg", upload)).id).toBe("tos-1");
    expect(uploads).toBe(1);
    expect(again.refFor("tos-1")).toBe("a.jpg");
    // another shop has its own cache
    const other = await PhotoUploadCache.open(photoCacheFile(d, "tiktok-shop", "7002"), "tiktok-shop", "7002");
    expect(other.get("aa")).toBeUndefined();
    expect((await readdir(d)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("uploads finishing together share file writes (group commit), and each one is on disk when its ensure returns", async () => {
    const d = await dir();
    const file = photoCacheFile(d, "tiktok-shop", "7003");
    const cache = await PhotoUploadCache.open(file, "tiktok-shop", "7003");
    const onDisk = async (sha: string): Promise<boolean> => Object.hasOwn((JSON.parse(await readFile(file, "utf8")) as { photos: object }).photos, sha);
    const seen: boolean[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        cache.ensure(`sha-${i}`, `p${i}.jpg`, async () => ({ id: `tos-${i}` })).then(async () => seen.push(await onDisk(`sha-${i}`))),
      ),
    );
    expect(seen).toHaveLength(40);
    expect(seen.every(Boolean)).toBe(true);
    // The first upload's write runs while the other 39 wait for the next one.
    expect(cache.writes).toBeLessThanOrEqual(3);
    expect(cache.sha256Of("tos-7")).toBe("sha-7");
    expect(cache.refFor("tos-7")).toBe("p7.jpg");
  });

  it("a failed write fails that upload's ensure only: the next save writes everything (it used to fail every later save)", async () => {
    const d = await dir();
    const blocker = join(d, "blocker");
    await writeFile(blocker, "a file where the cache's folder should be");
    const file = join(blocker, "cache.json");
    const cache = await PhotoUploadCache.open(file, "tiktok-shop", "7004");
    await expect(cache.ensure("s1", "a.jpg", async () => ({ id: "tos-1" }))).rejects.toThrow();
    await rm(blocker);
    expect((await cache.ensure("s2", "b.jpg", async () => ({ id: "tos-2" }))).id).toBe("tos-2");
    expect(Object.keys((JSON.parse(await readFile(file, "utf8")) as { photos: object }).photos).sort()).toEqual(["s1", "s2"]);
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
  it("hashes and sniffs PNG size", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d494844520000012c000001900806000000", "hex");
    expect(await sniffImage(png)).toEqual({ mime: "image/png", width: 300, height: 400 });
    expect((await describePhoto(png)).sha256).toMatch(/^[0-9a-f]{64}$/);
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
