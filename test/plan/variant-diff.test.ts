// Issue 14 (plan part): variants flow from the catalogue into plans as VariantChange rows.
import { describe, expect, it } from "vitest";
import type { Variant } from "../../src/catalog/types.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { fingerprintListing } from "../../src/plan/fingerprint.js";
import type { Change, ListingVariant } from "../../src/plan/types.js";
import { diffVariants } from "../../src/plan/variant-diff.js";
import { makeDesired, makeListing } from "../builders.js";

const variant = (sku: string, options: Record<string, string>, overrides: Partial<Variant> = {}): Variant => ({
  sku,
  options,
  price: 25_000,
  stock: 5,
  weight: 250,
  images: [],
  status: "active",
  line: 2,
  ...overrides,
});

const live = (id: string, v: Variant, overrides: Partial<ListingVariant> = {}): ListingVariant => ({
  id,
  sku: v.sku,
  options: v.options,
  price: v.price,
  stock: v.stock,
  status: v.status,
  ...overrides,
});

const M = variant("BTK-M", { Ukuran: "M", Warna: "Merah" });
const L = variant("BTK-L", { Ukuran: "L", Warna: "Merah" }, { price: 27_000, line: 3 });
const XL = variant("BTK-XL", { Ukuran: "XL", Warna: "Merah" }, { price: 29_000, line: 4 });

/** [case, catalogue variants, listing variants, expected changes as kind:sku[:field=from>to...]]. */
const table: [string, Variant[], ListingVariant[], string[]][] = [
  ["no-op", [M, L], [live("1", M), live("2", L)], []],
  ["no-op whatever the order of rows", [L, M], [live("1", M), live("2", L)], []],
  ["SKUs match ignoring case and outer spaces", [M], [live("1", M, { sku: " btk-m" })], []],
  ["an added variant", [M, L, XL], [live("1", M), live("2", L)], ["add:BTK-XL"]],
  ["a removed variant", [M], [live("1", M), live("2", L)], ["remove:BTK-L"]],
  ["a price edit", [M, { ...L, price: 28_000 }], [live("1", M), live("2", L)], ["update:BTK-L:price=27000>28000"]],
  ["stock 0 is sent (the variant becomes unsellable)", [{ ...M, stock: 0 }], [live("1", M)], ["update:BTK-M:stock=5>0"]],
  ["status", [{ ...M, status: "inactive" }], [live("1", M)], ["update:BTK-M:status=active>inactive"]],
  ["options, when the listing reports them", [{ ...M, options: { Ukuran: "M", Warna: "Biru" } }], [live("1", M)], ["update:BTK-M:options=Ukuran=M,Warna=Merah>Ukuran=M,Warna=Biru"]],
  ["options in another order are the same", [{ ...M, options: { Warna: "Merah", Ukuran: "M" } }], [live("1", M)], []],
  ["options not compared when the listing gives none", [M], [live("1", M, { options: {} })], []],
  ["images, when the listing reports them", [{ ...M, images: ["m.jpg"] }], [live("1", M, { images: ["old.jpg"] })], ["update:BTK-M:images=old.jpg>m.jpg"]],
  ["images not compared when the listing does not say", [{ ...M, images: ["m.jpg"] }], [live("1", M)], []],
  ["a listing SKU without seller SKU is never removed", [M], [live("1", M), live("9", L, { sku: "" })], []],
  ["add, remove and update together, sorted by SKU", [XL, { ...M, price: 1_000 }], [live("1", M), live("2", L)], ["remove:BTK-L", "update:BTK-M:price=25000>1000", "add:BTK-XL"]],
];

const shown = (v: unknown): string =>
  Array.isArray(v) ? v.join(",") : typeof v === "object" && v !== null ? Object.entries(v).map(([k, x]) => `${k}=${String(x)}`).join(",") : String(v);
const summary = (changes: ReturnType<typeof diffVariants>): string[] =>
  changes.map((c) => (c.kind === "update" ? `update:${c.sku}:${c.fields.map((f) => `${f.field}=${shown(f.from)}>${shown(f.to)}`).join(":")}` : `${c.kind}:${c.sku}`));

describe("diffVariants", () => {
  it.each(table)("%s", (_name, variants, listing, expected) => {
    expect(summary(diffVariants(variants, listing))).toEqual(expected);
  });

  it("names the marketplace's ids for updates and removals", () => {
    const changes = diffVariants([{ ...M, price: 30_000 }, XL], [live("11", M), live("22", L)]);
    expect(changes).toEqual([
      { kind: "remove", sku: "BTK-L", variantId: "22" },
      { kind: "update", sku: "BTK-M", variantId: "11", fields: [{ field: "price", from: 25_000, to: 30_000 }] },
      { kind: "add", sku: "BTK-XL", variant: XL },
    ]);
  });
});

describe("diffCatalog with variants", () => {
  const product = (variants: Variant[]) => makeDesired({ sku: "BTK", price: variants[0]!.price, stock: variants.reduce((n, v) => n + v.stock, 0), variants });
  const listing = (variants: ListingVariant[], overrides = {}) => makeListing({ sku: "BTK", id: "500", price: 1, stock: 999, variants, ...overrides });

  it("a variant price edit is an update with no product fields (cheap writes)", () => {
    const result = diffCatalog({ products: [product([M, { ...L, price: 28_000 }])], listings: [listing([live("1", M), live("2", L)])] });
    expect(result.changes).toHaveLength(1);
    const [change] = result.changes as [Extract<Change, { kind: "update" }>];
    expect(change).toMatchObject({ kind: "update", sku: "BTK", listingId: "500", fields: [] });
    expect(change.variants).toEqual([{ kind: "update", sku: "BTK-L", variantId: "2", fields: [{ field: "price", from: 27_000, to: 28_000 }] }]);
    expect(result.variantMismatches).toEqual([]);
  });

  it("product price and stock are not compared when the product has variants; a rerun is unchanged", () => {
    const result = diffCatalog({ products: [product([M, L])], listings: [listing([live("2", L), live("1", M)])] });
    expect(result.changes).toEqual([]);
    expect(result.unchanged).toBe(1);
  });

  it("product-level fields stay FieldChange beside the variant changes", () => {
    const result = diffCatalog({ products: [{ ...product([M, L, XL]), name: "Batik Baru" }], listings: [listing([live("1", M), live("2", L)])] });
    const [change] = result.changes as [Extract<Change, { kind: "update" }>];
    expect(change.fields).toEqual([{ field: "name", from: "Produk BTK", to: "Batik Baru" }]);
    expect(change.variants?.map((v) => [v.kind, v.sku])).toEqual([["add", "BTK-XL"]]);
  });

  it("a reactivated listing carries its variant changes", () => {
    const result = diffCatalog({ products: [product([{ ...M, stock: 9 }])], listings: [listing([live("1", M)], { status: "inactive" })] });
    expect(result.changes).toMatchObject([{ kind: "reactivate", fields: [], variants: [{ kind: "update", sku: "BTK-M", fields: [{ field: "stock", from: 5, to: 9 }] }] }]);
  });

  it("finds a listing known by one of its variant SKUs (no product-level SKU), ignoring case", () => {
    const tiktokLike = makeListing({ sku: "btk-m", id: "700", variants: [live("1", M, { sku: "btk-m" }), live("2", L)] });
    const result = diffCatalog({ products: [product([M, { ...L, stock: 1 }])], listings: [tiktokLike], prune: true });
    expect(result.leftAlone).toEqual([]);
    expect(result.changes).toMatchObject([{ kind: "update", sku: "BTK", listingId: "700", variants: [{ kind: "update", sku: "BTK-L", variantId: "2" }] }]);
  });

  it("a single-SKU listing whose SKU is one of the variants' gets the variants added, not a second listing", () => {
    const soldAlone = makeListing({ sku: "btk-m", id: "800" });
    const result = diffCatalog({ products: [product([M, L])], listings: [soldAlone], prune: true });
    expect(result.leftAlone).toEqual([]);
    expect(result.variantMismatches).toMatchObject([{ kind: "listing-single", sku: "BTK", listingId: "800" }]);
    expect(result.changes).toMatchObject([{ kind: "update", sku: "BTK", listingId: "800", variants: [{ kind: "add", sku: "BTK-L" }, { kind: "add", sku: "BTK-M" }] }]);
  });

  it("a listing with variants is claimed before a single-SKU one with a variant's SKU", () => {
    const soldAlone = makeListing({ sku: "BTK-M", id: "800" });
    const withVariants = makeListing({ sku: "BTK-L", id: "900", variants: [live("2", L)] });
    const result = diffCatalog({ products: [product([M, L])], listings: [soldAlone, withVariants] });
    expect(result.changes).toMatchObject([{ kind: "update", listingId: "900", variants: [{ kind: "add", sku: "BTK-M" }] }]);
    expect(result.leftAlone).toEqual([{ sku: "BTK-M", listingId: "800", reason: "not-in-catalog" }]);
  });

  it("a single-SKU row vs a listing with variants is a mismatch, the listing left alone", () => {
    const result = diffCatalog({ products: [makeDesired({ sku: "BTK" })], listings: [listing([live("1", M), live("2", L)])] });
    expect(result.changes).toEqual([]);
    expect(result.leftAlone).toEqual([{ sku: "BTK", listingId: "500", reason: "has-variants" }]);
    expect(result.variantMismatches).toMatchObject([{ kind: "listing-has-variants", sku: "BTK", listingId: "500", count: 2 }]);
  });

  it("a row with variants vs a single-SKU listing adds every variant, and says so", () => {
    const result = diffCatalog({ products: [product([M, L])], listings: [listing([])] });
    expect(result.variantMismatches).toMatchObject([{ kind: "listing-single", sku: "BTK", count: 2 }]);
    expect(result.changes).toMatchObject([{ kind: "update", variants: [{ kind: "add", sku: "BTK-L" }, { kind: "add", sku: "BTK-M" }] }]);
  });
});

describe("fingerprintListing with variants", () => {
  it("sees a variant edit on the shop, not the order the SKUs are listed in", () => {
    const base = makeListing({ sku: "BTK", variants: [live("1", M), live("2", L)] });
    const reordered = { ...base, variants: [live("2", L), live("1", M)] };
    const edited = { ...base, variants: [live("1", M), live("2", L, { price: 1 })] };
    expect(fingerprintListing(reordered)).toBe(fingerprintListing(base));
    expect(fingerprintListing(edited)).not.toBe(fingerprintListing(base));
  });
});
