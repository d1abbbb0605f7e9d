// Plan-time checks (adapter.checkProducts): the category's get_item_limit (name, description,
// images, price, stock) and its attributes (shared matcher: missing, not accepted, not in the category), so a row Shopee would refuse is a located
// issue before anything is sent.
import type { ProductField } from "../../catalog/types.js";
import type { Issue } from "../../issues.js";
import type { DesiredProduct } from "../../plan/types.js";
import { collectAttributeIssues } from "../shared/attribute-issues.js";
import type { Category, CheckAt } from "../types.js";
import { buildAttributes } from "./attributes.js";
import type { Details, Range } from "./details.js";

const outside = (n: number, r: Range | undefined): boolean => r !== undefined && (n < r.min || n > r.max);


export async function checkProducts(products: readonly DesiredProduct[], at: CheckAt, details: Details, categories: () => Promise<Category[]>): Promise<Issue[]> {
  const problems: Issue[] = [];
  const where = (product: DesiredProduct, column: string): Pick<Issue, "file" | "line" | "column" | "sheet"> => ({
    file: at.file,
    line: product.line,
    column,
    ...(product.sheet !== undefined ? { sheet: product.sheet } : {}),
  });
  const attributeIssues = collectAttributeIssues(at, { marketplace: "Shopee", missingCode: "ATTRIBUTE_MISSING" });
  const names = new Map((await categories().catch(() => [])).map((c) => [c.id, c.path.join(" > ")]));
  for (const product of products) {
    const categoryId = Number(product.categoryId);
    if (!Number.isInteger(categoryId) || categoryId <= 0) continue;
    const category = names.get(product.categoryId) ?? product.categoryId;
    const limits = await details.limits(categoryId);
    const add = (field: ProductField, actual: number, r: Range | undefined, value?: string): void => {
      if (!outside(actual, r) || !r) return;
      const column = at.columns?.[field]?.header ?? field;
      problems.push({ code: "CATEGORY_LIMIT", severity: "error", ...where(product, column), ...(value !== undefined ? { value } : {}), args: { sku: product.sku, field, actual, min: r.min, max: r.max, category, marketplace: "Shopee" } });
    };
    add("name", [...product.name.trim()].length, limits.name, product.name);
    add("description", [...product.description].length, limits.description);
    add("images", product.images.length, limits.images);
    const variants = product.variants ?? [];
    if (variants.length === 0) {
      add("price", product.price, limits.price);
      add("stock", product.stock, limits.stock);
    } else {
      for (const v of variants) {
        add("price", v.price, limits.price);
        add("stock", v.stock, limits.stock);
      }
    }
    problems.push(...attributeIssues.add({ sku: product.sku, line: product.line, ...(product.sheet !== undefined ? { sheet: product.sheet } : {}), category: product.category }, buildAttributes(product, await details.attributes(categoryId)).match, category));
  }
  attributeIssues.finish();
  return problems;
}
