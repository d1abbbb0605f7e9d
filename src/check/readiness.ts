// Pure readiness: for each marketplace, which products of a catalogue are ready to list and what
// stops the others, from the issues each marketplace's rules found. A product is ready when none
// of its rows (the parent and every variant row) has an error for that marketplace, and the file
// has no file-level error (a missing column stops every product).
import type { CatalogProduct } from "../catalog/types.js";
import type { Issue } from "../issues.js";

export interface ReadinessProduct {
  /** Stable within one report: the product's SKU (parent code), or `line:N` for a row no marketplace could read as a product. */
  key: string;
  sku: string;
  name: string;
  /** Its rows: the product's own line first, then its variant rows. */
  lines: number[];
}

export interface ProductVerdict {
  key: string;
  ready: boolean;
  /** Every issue on its rows for this marketplace, errors first. */
  issues: Issue[];
}

export interface TargetReadiness {
  name: string;
  label: string;
  ready: number;
  total: number;
  /** Whole percent of products ready, rounded down (99.6% is not 100%). */
  percent: number;
  /** Issues on no product row (missing column, reading problems). */
  fileIssues: Issue[];
  products: ProductVerdict[];
}

export interface ReadinessReport {
  file: string;
  products: ReadinessProduct[];
  targets: TargetReadiness[];
  total: { ready: number; total: number; percent: number };
}

export interface TargetFindings {
  name: string;
  label: string;
  issues: readonly Issue[];
  /** Rows this marketplace's rules accepted, grouped as products (with variants). */
  products: readonly CatalogProduct[];
}

export interface DataRow {
  line: number;
  sku: string;
  name: string;
}

export function assessReadiness(input: { file: string; rows: readonly DataRow[]; targets: readonly TargetFindings[] }): ReadinessReport {
  const products = groupProducts(input.rows, input.targets);
  const keyOfLine = new Map<number, string>();
  for (const product of products) for (const line of product.lines) keyOfLine.set(line, product.key);

  const targets = input.targets.map((target): TargetReadiness => {
    const fileIssues: Issue[] = [];
    const byKey = new Map<string, Issue[]>();
    for (const issue of target.issues) {
      const key = issue.line !== undefined ? keyOfLine.get(issue.line) : undefined;
      if (key === undefined) fileIssues.push(issue);
      else byKey.set(key, [...(byKey.get(key) ?? []), issue]);
    }
    const blocked = fileIssues.some((i) => i.severity === "error");
    const verdicts = products.map((product): ProductVerdict => {
      const issues = (byKey.get(product.key) ?? []).slice().sort(bySeverityThenLine);
      return { key: product.key, ready: !blocked && !issues.some((i) => i.severity === "error"), issues };
    });
    const ready = verdicts.filter((v) => v.ready).length;
    return { name: target.name, label: target.label, ready, total: products.length, percent: percentOf(ready, products.length), fileIssues, products: verdicts };
  });
  const ready = targets.reduce((n, t) => n + t.ready, 0);
  const total = targets.reduce((n, t) => n + t.total, 0);
  return { file: input.file, products, targets, total: { ready, total, percent: percentOf(ready, total) } };
}

const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.floor((part * 100) / whole));

const bySeverityThenLine = (a: Issue, b: Issue): number =>
  (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0);

/**
 * Rows -> products, the same for every marketplace: a row belongs to the product that any
 * marketplace's rules grouped it into (variant rows under their parent); a row no marketplace
 * accepted stands alone, keyed by its line.
 */
function groupProducts(rows: readonly DataRow[], targets: readonly TargetFindings[]): ReadinessProduct[] {
  const productOfLine = new Map<number, CatalogProduct>();
  for (const target of targets) {
    for (const product of target.products) {
      for (const line of linesOf(product)) if (!productOfLine.has(line)) productOfLine.set(line, product);
    }
  }
  const out: ReadinessProduct[] = [];
  const byKey = new Map<string, ReadinessProduct>();
  for (const row of rows) {
    const product = productOfLine.get(row.line);
    if (!product) {
      out.push({ key: `line:${row.line}`, sku: row.sku, name: row.name, lines: [row.line] });
      continue;
    }
    const key = product.sku.toUpperCase();
    const known = byKey.get(key);
    if (known) {
      if (!known.lines.includes(row.line)) known.lines.push(row.line);
      continue;
    }
    const entry = { key, sku: product.sku, name: product.name, lines: [row.line] };
    byKey.set(key, entry);
    out.push(entry);
  }
  return out;
}

const linesOf = (product: CatalogProduct): number[] => [product.line, ...(product.variants ?? []).map((v) => v.line)];
