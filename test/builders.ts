// Builders for pure plan/sync tests: a valid object by default, overrides for what the test is about.
import type { CatalogProduct } from "../src/catalog/types.js";
import type { DesiredProduct, Listing, Plan } from "../src/plan/types.js";

export function makeProduct(overrides: Partial<CatalogProduct> = {}): CatalogProduct {
  const sku = overrides.sku ?? "MSK-001";
  return {
    sku,
    name: `Produk ${sku}`,
    description: "Buatan tangan warga desa.",
    price: 25_000,
    stock: 10,
    weight: 250,
    category: "1760",
    condition: "NEW",
    status: "active",
    min_order: 1,
    etalase: "",
    images: [`https://img.example.test/${sku}.jpg`],
    line: 2,
    ...overrides,
  };
}

export function makeDesired(overrides: Partial<DesiredProduct> = {}): DesiredProduct {
  const product = makeProduct(overrides);
  return { ...product, categoryId: overrides.categoryId ?? product.category };
}

/** A listing that matches `makeDesired` with the same overrides (so a diff of the two is empty). */
export function makeListing(overrides: Partial<Listing> = {}): Listing {
  const sku = overrides.sku ?? "MSK-001";
  const product = makeProduct({ sku });
  return {
    id: `${1000 + hashSku(sku)}`,
    sku,
    name: product.name,
    description: product.description,
    price: product.price,
    stock: product.stock,
    weight: product.weight,
    categoryId: product.category,
    condition: product.condition,
    status: "active",
    min_order: product.min_order,
    etalase: "",
    images: product.images,
    ...overrides,
  };
}

function hashSku(sku: string): number {
  let h = 0;
  for (const ch of sku) h = (h * 31 + ch.charCodeAt(0)) % 100_000;
  return h;
}

/** A plan around the given changes, with stable metadata (no clock, no real file). */
export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    version: 1,
    marketplace: "tokopedia",
    target: "practice shop (mock marketplace)",
    practiceShop: true,
    createdAt: "2025-01-02T03:04:05.000Z",
    catalog: { file: "catalogs/muiwo.csv", sha256: "0".repeat(64) },
    changes: [],
    unchanged: 0,
    leftAlone: [],
    fingerprints: {},
    ...overrides,
  };
}
