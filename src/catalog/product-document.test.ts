// productDocumentJson writes the plain single-SKU product by hand (validate --format json's speed,
// issue 14); it must be exactly JSON.stringify(toProductDocument(...)) for every product.
import { describe, expect, it } from "vitest";
import { productDocumentJson, toProductDocument } from "./product-document.js";
import type { Product } from "./types.js";

const base: Product = {
  sku: "KRP-001",
  name: "Keripik Singkong Pedas",
  description: "Renyah, tanpa pengawet.",
  price: 15000,
  stock: 12,
  weight: 250,
  category: "Keripik",
  condition: "NEW",
  status: "active",
  min_order: 1,
  etalase: "",
  images: ["https://img.desbumi.example/a.jpg", "foto/kopi 1.jpg"],
};

const TEXTS = ["", "plain", 'say "hi"', "back\\slash", "tab\there", "line\nbreak\r\n", "\u0000\u001f\u007f\u0085\u009f", "é ☕ 𝄞", "\u2028\u2029", "\ud800 lone", "</script>", " spaced  "];
const NUMBERS = [0, -0, 1, 25000, 1.5, 1e21, 123456789012];

const same = (product: Product, line: number, sheet?: string): void => {
  expect(productDocumentJson(product, line, sheet)).toBe(JSON.stringify(toProductDocument(product, line, sheet)));
};

describe("productDocumentJson", () => {
  it("is JSON.stringify of the document for every text in every string field, and in sheet names", () => {
    for (const text of TEXTS) {
      for (const field of ["sku", "name", "description", "category", "condition", "status", "etalase"] as const) same({ ...base, [field]: text } as Product, 2);
      same({ ...base, images: [text, "b.jpg"] }, 3);
      same(base, 4, text);
    }
  });

  it("is JSON.stringify of the document for numbers, empty lists and other shapes", () => {
    for (const n of NUMBERS) for (const field of ["price", "stock", "weight", "min_order"] as const) same({ ...base, [field]: n }, n === 0 ? 2 : 7);
    same({ ...base, images: [] }, 2);
    same({ ...base, variants: [] }, 2);
    same({ ...base, price: Number.NaN }, 2);
    same({ ...base, etalase: undefined } as unknown as Product, 2);
    same({ ...base, brand: "Tanpa Merek", attributes: { Bahan: "Singkong" } }, 5, "Produk");
    same({ ...base, attributes: {} }, 5);
    same({ ...base, variants: [{ sku: "A-M", options: { Ukuran: "M" }, price: 1000, stock: 1, weight: 100, images: [], status: "active", line: 5 }] }, 5);
    same({ ...base, line: 99, sheet: "x", photos: [] } as unknown as Product, 5);
  });
});
