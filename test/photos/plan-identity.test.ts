// The plan compares photos by content (issue 14): renaming a file changes nothing, editing the
// photo is a change, and the plan names photos by file. Through the memory shop, which "uploads"
// files and remembers which file each image came from (Listing.photoHashes).
import { expect, test } from "vitest";
import { createMemoryAdapter } from "../../src/adapters/memory/index.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { renderPlanText } from "../../src/plan/render-text.js";
import type { DesiredProduct } from "../../src/plan/types.js";
import type { ResolvedPhoto } from "../../src/photos/types.js";
import { makeDesired, makeListing, makePlan } from "../builders.js";

const file = (ref: string, sha256: string): ResolvedPhoto => ({ ref, source: "file", path: `/k/foto/${ref}`, sha256, mime: "image/jpeg" });
const withPhotos = (photos: ResolvedPhoto[]): DesiredProduct => makeDesired({ sku: "K-1", images: photos.map((p) => p.ref), photos });
const A = "a".repeat(64);
const B = "b".repeat(64);

test("create uploads the file; a rerun, or the same photo renamed, is unchanged; an edited photo is an images change named by file", async () => {
  const shop = createMemoryAdapter();
  const first = diffCatalog({ products: [withPhotos([file("kopi-1.jpg", A)])], listings: await shop.listListings() });
  expect(first.changes.map((c) => c.kind)).toEqual(["create"]);
  const [outcome] = await shop.apply(first.changes);
  expect(outcome!.status).toBe("applied");
  const listings = await shop.listListings();
  expect(listings[0]!.images).toEqual([`memory://photos/${A}`]);
  expect(listings[0]!.photoHashes).toEqual([A]);

  expect(diffCatalog({ products: [withPhotos([file("kopi-1.jpg", A)])], listings }).unchanged).toBe(1);
  expect(diffCatalog({ products: [withPhotos([file("kopi-robusta.jpg", A)])], listings }).unchanged).toBe(1);

  const edited = diffCatalog({ products: [withPhotos([file("kopi-1.jpg", B), file("kopi-2.jpg", A)])], listings });
  const [change] = edited.changes;
  expect(change).toMatchObject({ kind: "update", fields: [{ field: "images", from: ["kopi-2.jpg"], to: ["kopi-1.jpg", "kopi-2.jpg"] }] });
  const text = renderPlanText(makePlan({ changes: edited.changes }), { lang: "en", color: false });
  expect(text).toContain("added: kopi-1.jpg");

  await shop.apply(edited.changes);
  const after = await shop.listListings();
  expect(after[0]!.photoHashes).toEqual([B, A]);
  expect(diffCatalog({ products: [withPhotos([file("kopi-1.jpg", B), file("kopi-2.jpg", A)])], listings: after }).unchanged).toBe(1);
});

test("links compare as text, as before (a listing without photoHashes)", () => {
  const product = makeDesired({ sku: "K-1", images: ["https://img.example/a.jpg"], photos: [{ ref: "https://img.example/a.jpg", source: "url", url: "https://img.example/a.jpg" }] });
  const listing = makeListing({ sku: "K-1", images: ["https://img.example/a.jpg"] });
  expect(diffCatalog({ products: [product], listings: [listing] }).unchanged).toBe(1);
  expect(diffCatalog({ products: [{ ...product, images: ["https://img.example/b.jpg"], photos: [] }], listings: [listing] }).changes).toHaveLength(1);
});
