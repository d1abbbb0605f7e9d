// Plan-time checks against the shop's category rules (§6 Get Attributes / Get Category Rules) and
// the ID title rule (§4.2: 25..255): a product the API would refuse is a located issue before
// anything is sent, naming the attribute and its allowed values; attribute values are matched to
// the listed ones by the shared matcher (did-you-mean), an attribute the category lacks is a note.
import type { Issue } from "../../issues.js";
import type { DesiredProduct } from "../../plan/types.js";
import { collectAttributeIssues } from "../shared/attribute-issues.js";
import { matchAttributes, type CategoryAttribute } from "../shared/attribute-match.js";
import type { CheckAt } from "../types.js";
import type { TikTokClient } from "./client.js";
import { TIKTOK_SHOP_RULES } from "./definition.js";

interface Attribute {
  id: string;
  name: string;
  type: string;
  is_requried?: boolean;
  is_required?: boolean;
  is_customizable?: boolean;
  values?: { id: string; name: string }[];
}

interface Rules {
  product_certifications?: { id: string; name: string; is_required?: boolean }[];
}

export interface CategoryRequirements {
  /** The category's product properties (Get Attributes, §6), required or not, for the shared matcher. */
  attributes: CategoryAttribute[];
  certifications: { id: string; name: string }[];
}

export function createRequirementsLookup(client: TikTokClient): (categoryId: string) => Promise<CategoryRequirements> {
  const cache = new Map<string, Promise<CategoryRequirements>>();
  return (categoryId) => {
    let task = cache.get(categoryId);
    if (!task) {
      task = (async () => {
        const [attrs, rules] = await Promise.all([
          client.call<{ attributes?: Attribute[] }>("GET", `/product/202309/categories/${categoryId}/attributes`, { cipher: true, query: { locale: "id-ID" } }),
          client.call<Rules>("GET", `/product/202309/categories/${categoryId}/rules`, { cipher: true }),
        ]);
        return {
          // NOTE: the official sample spells the flag `is_requried`; both spellings are read. Sales
          // properties are the variants' options, not product_attributes (§4.2). A value off the
          // list is sent as a custom `{name}` only where `is_customizable` says so (§6, §4.2
          // `values:[{id}|{name ≤2000}]`); elsewhere it is an error before anything is sent.
          attributes: (attrs.data?.attributes ?? [])
            .filter((a) => a.type === "PRODUCT_PROPERTY")
            .map((a) => ({ id: a.id, name: a.name, required: a.is_requried ?? a.is_required ?? false, customizable: a.is_customizable ?? false, values: a.values ?? [] })),
          certifications: (rules.data?.product_certifications ?? []).filter((c) => c.is_required).map((c) => ({ id: c.id, name: c.name })),
        };
      })();
      cache.set(categoryId, task);
    }
    return task;
  };
}

/**
 * A number and a certificate photo that can be uploaded (CERTIFICATION_IMAGE, §5). NOTE: a PDF would
 * go through files/upload, which desbumi does not use yet: a PDF-only certificate is not enough.
 */
const hasCertificate = (p: DesiredProduct): boolean => {
  const c = p.certificates;
  const photos = p.certificatePhotos;
  const uploadable = photos === undefined ? (c?.files?.length ?? 0) > 0 : photos.some((f) => f.mime !== undefined);
  return Boolean(c && (c.bpom || c.pomTr || c.pirt || c.halal || c.sni) && uploadable);
};

export async function checkProducts(
  products: readonly DesiredProduct[],
  at: CheckAt,
  requirements: (categoryId: string) => Promise<CategoryRequirements>,
  categoryName: (id: string) => string,
  platforms: readonly string[] = ["TOKOPEDIA", "TIKTOK_SHOP"],
): Promise<Issue[]> {
  const issues: Issue[] = [];
  const col = (field: string): { column?: string } => (at.columns?.[field]?.header ? { column: at.columns[field]?.header as string } : {});
  const loc = (p: DesiredProduct) => ({ file: at.file, line: p.line, ...(p.sheet !== undefined ? { sheet: p.sheet } : {}) });
  const min = TIKTOK_SHOP_RULES.nameMinLength ?? 25;
  const attributeIssues = collectAttributeIssues(at, { marketplace: "Tokopedia & Shop", missingCode: "ATTRIBUTE_REQUIRED" });
  for (const p of products) {
    const length = [...p.name].length;
    if (length < min) {
      issues.push({ code: "NAME_TOO_SHORT", severity: "error", ...loc(p), ...col("name"), value: p.name, args: { length, min, target: "Tokopedia & Shop" } });
    }
    // "bekas" is is_pre_owned, which the API takes only for products listed on Tokopedia alone (§9).
    if (p.condition === "USED" && !(platforms.length === 1 && platforms[0] === "TOKOPEDIA")) {
      issues.push({ code: "CONDITION_NOT_SUPPORTED", severity: "error", ...loc(p), ...col("condition"), value: "USED", args: { target: "Tokopedia & Shop" } });
    }
    if (!p.categoryId) continue;
    const req = await requirements(p.categoryId);
    issues.push(...attributeIssues.add({ sku: p.sku, line: p.line, ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), category: p.category }, matchAttributes(p, req.attributes), categoryName(p.categoryId)));
    for (const c of req.certifications) {
      if (hasCertificate(p)) continue;
      issues.push({ code: "CERTIFICATION_REQUIRED", severity: "error", ...loc(p), ...col("category"), value: p.category, args: { certification: c.name, category: categoryName(p.categoryId) } });
    }
  }
  attributeIssues.finish();
  // Tokopedia & Shop has no etalase (showcase) in its product API: say so once, at the first row
  // that fills the column, as a note (the column may be there for other marketplaces).
  const withEtalase = products.filter((p) => p.etalase.trim() !== "");
  const first = withEtalase[0];
  if (first) {
    issues.push({ code: "ETALASE_NOT_SUPPORTED", severity: "warning", ...loc(first), ...col("etalase"), value: first.etalase, args: { rows: withEtalase.length, target: "Tokopedia & Shop" } });
  }
  return issues;
}
