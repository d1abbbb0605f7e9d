// Offline photo checks, one table row per check (issue 14 "Photos"): code, line, column, and the
// resolved photo (content sha256 = identity).
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolvePhotoRefs, suggestName } from "../../src/photos/resolve.js";
import type { PhotoRules } from "../../src/rules.js";
import { heic, html, jpeg, pdf, png, webp, webpLossy } from "./fixtures.js";

const TIKTOK: PhotoRules = { minPx: 300, maxPx: 4000, maxBytes: 10 * 1024 * 1024, formats: ["image/jpeg", "image/png", "image/webp"] };
const JPG_PNG: PhotoRules = { ...TIKTOK, formats: ["image/jpeg", "image/png"] };

let dir: string;
const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");
const files: Record<string, Buffer> = {
  "foto/kopi-1.jpg": jpeg(800, 800),
  "foto/kopi-2.png": png(1000, 1000),
  "foto/teh.webp": webp(600, 600),
  "foto/teh-lossy.webp": webpLossy(640, 640),
  "foto/exif.jpg": jpeg(1200, 1200, { app1Bytes: 65_000 }),
  "foto/iphone.jpg": heic(),
  "foto/surat.jpg": pdf(),
  "foto/drive.jpg": html(),
  "foto/kecil.jpg": jpeg(200, 200),
  "foto/besar.png": png(5000, 5000),
  "foto/panjang.jpg": jpeg(1600, 600),
  "foto/potong.jpg": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]),
  "foto/berat.jpg": jpeg(800, 800, { pad: 11 * 1024 * 1024 }),
  "lain/jamu.jpg": jpeg(500, 500),
  "sertifikat.pdf": pdf(),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-photos-"));
  await mkdir(join(dir, "foto"));
  await mkdir(join(dir, "lain"));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const check = (refs: string[], rules: PhotoRules | null = TIKTOK, extra = {}) =>
  resolvePhotoRefs(
    refs.map((ref, i) => ({ ref, line: i + 2, column: "Foto" })),
    { catalogFile: "katalog.csv", catalogPath: join(dir, "katalog.csv"), ...(rules ? { rules } : {}), ...extra },
  );

describe("one check per row: codes, lines, columns", () => {
  test.each<[string, string | undefined, Record<string, unknown>?]>([
    ["kopi-1.jpg", undefined],
    ["foto/kopi-2.png", undefined],
    ["teh.webp", undefined],
    ["teh-lossy.webp", undefined],
    ["exif.jpg", undefined],
    ["lain/jamu.jpg", undefined],
    ["lain\\jamu.jpg", undefined],
    ["kopi1.jpg", "PHOTO_NOT_FOUND", { suggestion: "kopi-1.jpg", folder: "foto/" }],
    ["Kopi-1.JPG", "PHOTO_NOT_FOUND", { suggestion: "kopi-1.jpg" }],
    ["tidak-ada.jpg", "PHOTO_NOT_FOUND", { folder: "foto/" }],
    ["iphone.jpg", "PHOTO_HEIC"],
    ["surat.jpg", "PHOTO_NOT_IMAGE", { actual: "pdf" }],
    ["drive.jpg", "PHOTO_NOT_IMAGE", { actual: "html" }],
    ["kecil.jpg", "PHOTO_DIMENSIONS", { width: 200, height: 200, min: 300, max: 4000 }],
    ["besar.png", "PHOTO_DIMENSIONS", { width: 5000, height: 5000 }],
    ["panjang.jpg", "PHOTO_NOT_SQUARE", { width: 1600, height: 600 }],
    ["potong.jpg", "PHOTO_UNREADABLE", { reason: "header" }],
    ["berat.jpg", "PHOTO_TOO_LARGE", { max: 10 * 1024 * 1024 }],
    ["foto", "PHOTO_UNREADABLE", { reason: "folder" }],
    ["https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view?usp=sharing", "PHOTO_SHARE_LINK_REWRITTEN", { kind: "drive", url: "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOpQrStUvWxYz012345" }],
    ["https://drive.google.com/open?id=1AbCdEfGhIjKlMnOpQrStUvWxYz012345", "PHOTO_SHARE_LINK_REWRITTEN", { kind: "drive" }],
    ["https://www.dropbox.com/s/abc123xyz/kopi.jpg?dl=0", "PHOTO_SHARE_LINK_REWRITTEN", { kind: "dropbox", url: "https://www.dropbox.com/s/abc123xyz/kopi.jpg?dl=1" }],
    ["https://www.dropbox.com/scl/fi/abc123/kopi.jpg?rlkey=k9&dl=0", "PHOTO_SHARE_LINK_REWRITTEN", { url: "https://www.dropbox.com/scl/fi/abc123/kopi.jpg?rlkey=k9&dl=1" }],
    ["https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUv", "PHOTO_SHARE_LINK_UNUSABLE", { kind: "drive-folder" }],
    ["https://photos.app.goo.gl/AbCdEf123", "PHOTO_SHARE_LINK_UNUSABLE", { kind: "google-photos" }],
    ["https://photos.google.com/share/AF1Qip", "PHOTO_SHARE_LINK_UNUSABLE", { kind: "google-photos" }],
    ["https://goo.gl/photos/AbCdEf123", "PHOTO_SHARE_LINK_UNUSABLE", { kind: "google-photos" }],
    ["https://drive.usercontent.google.com/download?id=1AbCdEfGhIjKlMnOpQrStUvWxYz012345&export=download", undefined],
    ["https://www.dropbox.com/s/abc123xyz/kopi.jpg?dl=1", undefined],
    ["https://www.dropbox.com/sh/abc/AAB?dl=0", "PHOTO_SHARE_LINK_UNUSABLE", { kind: "dropbox-folder" }],
    ["https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUv/edit", "PHOTO_SHARE_LINK_UNUSABLE", { kind: "drive-unknown" }],
    ["https://img.example/a.jpg", undefined],
  ])("%s -> %s", async (ref, code, args) => {
    const r = await check(["kopi-1.jpg", ref]);
    if (code === undefined) {
      expect(r.issues).toEqual([]);
      expect(r.photos[1]).toBeDefined();
      return;
    }
    expect(r.issues.map((i) => [i.code, i.line, i.column, i.value])).toEqual([[code, 3, "Foto", ref]]);
    if (args) expect(r.issues[0]!.args).toMatchObject(args);
  });
});

test("a local photo resolves to its path, type, pixels, bytes and content sha256", async () => {
  const r = await check(["kopi-1.jpg", "exif.jpg", "teh.webp"]);
  expect(r.photos[0]).toEqual({
    ref: "kopi-1.jpg",
    source: "file",
    path: join(dir, "foto", "kopi-1.jpg"),
    mime: "image/jpeg",
    width: 800,
    height: 800,
    bytes: files["foto/kopi-1.jpg"]!.length,
    sha256: sha(files["foto/kopi-1.jpg"]!),
  });
  // The frame header past the first 64 KB (a big EXIF block) is still found.
  expect(r.photos[1]).toMatchObject({ width: 1200, height: 1200, sha256: sha(files["foto/exif.jpg"]!) });
  expect(r.photos[2]).toMatchObject({ mime: "image/webp", width: 600, height: 600 });
});

test("the same photo under another name has the same identity", async () => {
  await writeFile(join(dir, "foto", "kopi-renamed.jpg"), files["foto/kopi-1.jpg"]!);
  const r = await check(["kopi-1.jpg", "kopi-renamed.jpg"]);
  expect(r.photos[0]!.sha256).toBe(r.photos[1]!.sha256);
});

test("a format the marketplace does not take is PHOTO_FORMAT_NOT_ALLOWED (Shopee: JPG and PNG only)", async () => {
  const r = await check(["teh.webp"], JPG_PNG);
  expect(r.issues.map((i) => [i.code, i.args])).toEqual([["PHOTO_FORMAT_NOT_ALLOWED", { actual: "image/webp", formats: "JPG, PNG" }]]);
});

test("a target without photo rules takes only links: a local file is PHOTO_UPLOAD_UNSUPPORTED naming the target", async () => {
  const r = await check(["kopi-1.jpg", "https://img.example/a.jpg"], null, { targetLabel: "Tokopedia shop" });
  expect(r.issues.map((i) => [i.code, i.line, i.args])).toEqual([["PHOTO_UPLOAD_UNSUPPORTED", 2, { target: "Tokopedia shop" }]]);
  expect(r.photos[1]).toEqual({ ref: "https://img.example/a.jpg", source: "url", url: "https://img.example/a.jpg" });
});

test("a certificate may be a PDF (allowPdf), checked for existence and type like a photo", async () => {
  const r = await check(["sertifikat.pdf", "drive.jpg", "nope.pdf"], null, { allowPdf: true });
  expect(r.issues.map((i) => [i.code, i.line])).toEqual([["PHOTO_NOT_IMAGE", 3], ["PHOTO_NOT_FOUND", 4]]);
  expect(r.photos[0]).toMatchObject({ source: "file", sha256: sha(files["sertifikat.pdf"]!) });
});

test("a configured photo folder is where bare names are looked up", async () => {
  const r = await check(["jamu.jpg"], TIKTOK, { photoFolder: join(dir, "lain") });
  expect(r.issues).toEqual([]);
  expect(r.photos[0]!.path).toBe(join(dir, "lain", "jamu.jpg"));
});

test("suggestName: close names only", () => {
  expect(suggestName("kopi1.jpg", ["kopi-1.jpg", "teh.jpg"])).toBe("kopi-1.jpg");
  expect(suggestName("gula.jpg", ["kopi-1.jpg", "teh.jpg"])).toBeUndefined();
});
