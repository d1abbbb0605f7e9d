// The plan compares photos by content (issue 14): renaming a file changes nothing, editing the
// photo is a change, and the plan names photos by file. Through the memory shop, which "uploads"
// files and remembers which file each image came from (Listing.photoHashes).
import { expect, test } from "vitest";
import { createMemoryAdapter } from "../../src/adapters/memory/index.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { sameVariantPhotos, shownListingImages } from "../../src/photos/identity.js";
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

test("the same file name with new content is one images change, shown as edited, not as a reorder", () => {
  // As an uploading adapter reads it back: the image under the name it was uploaded for, its old hash.
  const listing = makeListing({ sku: "K-1", images: ["kopi-1.jpg"], photoHashes: [A] });
  const edited = diffCatalog({ products: [withPhotos([file("kopi-1.jpg", B)])], listings: [listing] });
  expect(edited.changes).toMatchObject([{ kind: "update", fields: [{ field: "images", from: ["kopi-1.jpg"], to: ["kopi-1.jpg"] }] }]);
  expect(renderPlanText(makePlan({ changes: edited.changes }), { lang: "en", color: false })).toContain("images: 1 photo (edited: kopi-1.jpg)");
});

test("variants: by content where the live SKU's hash is known, as text where not (sameVariantPhotos)", () => {
  const variant = { images: ["merah.jpg"], photos: [file("merah.jpg", A)] };
  expect(sameVariantPhotos(variant, { images: ["warna-merah.jpg"], photoHashes: [A] })).toBe(true);
  expect(sameVariantPhotos(variant, { images: ["merah.jpg"], photoHashes: [B] })).toBe(false);
  expect(sameVariantPhotos(variant, { images: ["merah.jpg"] })).toBe(true);
  expect(sameVariantPhotos(variant, { images: ["tos-uri-by-hand"] })).toBe(false);
  expect(sameVariantPhotos(variant, { images: [] })).toBe(false);
  expect(shownListingImages({ images: ["warna-merah.jpg"], photoHashes: [A] }, variant)).toEqual(["merah.jpg"]);
  const text = renderPlanText(
    makePlan({
      changes: [{ kind: "update", sku: "BTK", listingId: "1", fields: [], product: makeDesired({ sku: "BTK" }), variants: [{ kind: "update", sku: "BTK-M", variantId: "9", fields: [{ field: "images", from: ["merah.jpg"], to: ["merah.jpg"] }] }] }],
    }),
    { lang: "id", color: false },
  );
  expect(text).toContain("~ varian BTK-M foto: 1 foto (isi foto diubah: merah.jpg)");
});
