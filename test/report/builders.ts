// Hand-made issues and results for reporter tests (no catalogue pipeline involved).
import type { CatalogProduct, CatalogResult } from "../../src/catalog/types.js";
import type { Issue } from "../../src/issues.js";

export const makeIssue = (overrides: Partial<Issue> = {}): Issue => ({
  code: "INVALID_PRICE",
  severity: "error",
  file: "catalog.csv",
  line: 14,
  column: "harga",
  value: "dua puluh ribu",
  ...overrides,
});

export const makeProduct = (overrides: Partial<CatalogProduct> = {}): CatalogProduct => ({
  sku: "MUIWO-001",
  name: "Masker Kain Batik",
  description: "Masker kain 3 lapis motif batik Wonosobo",
  price: 25000,
  stock: 40,
  weight: 50,
  category: "Kesehatan",
  condition: "NEW",
  status: "active",
  min_order: 1,
  etalase: "",
  images: ["https://example.com/masker.jpg"],
  line: 2,
  ...overrides,
});

export const makeResult = (overrides: Partial<CatalogResult> = {}): CatalogResult => {
  const issues = overrides.issues ?? [];
  return {
    file: "catalog.csv",
    format: "csv",
    valid: !issues.some((i) => i.severity === "error"),
    rows: 1,
    products: [makeProduct()],
    invalidSkus: [],
    issues,
    ...overrides,
  };
};

/** An Io whose stdout/stderr are captured strings. */
export function captureIo(env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: { write: (s: string) => void (out.stdout += s) },
    stderr: { write: (s: string) => void (out.stderr += s) },
    stdin: process.stdin,
    env,
    cwd,
  };
  return { io, out };
}

/** Facts every template may use, so no code renders with a dropped clause. */
export const FULL_ARGS = {
  length: 83,
  max: 70,
  min: 1,
  suggestion: "harga",
  field: "price",
  lines: "4, 9",
  firstLine: 4,
  actual: "xlsx",
  expected: "csv",
  encoding: "windows-1252",
  reason: "unclosed quote",
  candidates: "Makanan > Jamu; Minuman > Jamu",
  sheet: "Produk",
  sheets: "Sheet1, Stok",
};
