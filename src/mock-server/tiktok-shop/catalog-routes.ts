// Read-only shop data routes of the mock (§6): categories, attributes, rules, brands, warehouses,
// authorized shops; and image upload (§5).
import { randomBytes } from "node:crypto";
import { ATTRIBUTES, BRANDS, CATEGORIES, CERTIFICATIONS, GENERIC_SALES_ATTRIBUTES, WAREHOUSES } from "./fixtures.js";
import { imageFacts, parseMultipart } from "./http.js";
import type { Answer } from "./products.js";
import type { MockGrant, MockState } from "./state.js";

const ok = (data: unknown): Answer => ({ code: 0, message: "Success", data });

export function authorizedShops(state: MockState, grant: MockGrant): Answer {
  const shops = state.shops.filter((s) => grant.shopIds.includes(s.id));
  return ok({ shops: shops.map((s) => ({ id: s.id, name: s.name, region: s.region, seller_type: s.seller_type, cipher: s.cipher, code: s.code })) });
}

export function categories(query: URLSearchParams): Answer {
  const keyword = (query.get("keyword") ?? "").toLowerCase();
  const list = CATEGORIES.filter((c) => keyword === "" || c.local_name.toLowerCase().includes(keyword));
  return ok({ categories: list.map((c) => ({ ...c, permission_statuses: [...c.permission_statuses] })) });
}

export function attributes(categoryId: string): Answer {
  if (!CATEGORIES.some((c) => c.id === categoryId)) return { code: 12052023, message: "Category does not exist." };
  const own = ATTRIBUTES[categoryId] ?? GENERIC_SALES_ATTRIBUTES;
  return ok({ attributes: own });
}

export function rules(categoryId: string): Answer {
  if (!CATEGORIES.some((c) => c.id === categoryId)) return { code: 12052023, message: "Category does not exist." };
  return ok({
    product_certifications: (CERTIFICATIONS[categoryId] ?? []).map((c) => ({ ...c, document_details: [], sample_image_url: "", requirement_conditions: [], expiration_date: { is_required: false } })),
    size_chart: { is_supported: false, is_required: false },
    cod: { is_supported: true },
    package_dimension: { is_required: false },
    epr: { is_required: false },
    allowed_special_product_types: ["PRE_ORDER"],
  });
}

export function brands(query: URLSearchParams): Answer {
  const size = Number(query.get("page_size"));
  if (!Number.isInteger(size) || size < 1 || size > 100) return { code: 12052910, message: "page_size must be between 1 and 100." };
  const prefix = (query.get("brand_name") ?? "").toLowerCase();
  const list = BRANDS.filter((b) => b.name.toLowerCase().startsWith(prefix));
  return ok({ brands: list.slice(0, size), total_count: list.length, next_page_token: "" });
}

export function warehouses(): Answer {
  return ok({
    warehouses: WAREHOUSES.map((w) => ({
      ...w,
      entity_id: w.id,
      sub_type: "DOMESTIC_WAREHOUSE",
      address: { region: "Indonesia", city: "Bogor", geolocation: { latitude: "-6.6", longitude: "106.8" } },
    })),
  });
}

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const FORMATS = new Set(["JPEG", "PNG", "WEBP", "BMP"]);
const USE_CASES = new Set(["MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE"]);

/** Multipart `data` + `use_case` (§5). NOTE (open question §11): use_case is optional, default MAIN_IMAGE. */
export function uploadImage(state: MockState, body: Buffer, contentType: string | undefined, baseUrl: string): Answer {
  const parts = parseMultipart(body, contentType);
  if (!parts) return { code: 36009023, message: "The content-type must be multipart/form-data." };
  const file = parts.find((p) => p.name === "data");
  if (!file || file.data.length === 0) return { code: 11050001, message: "The data field (image file) is required." };
  const useCase = parts.find((p) => p.name === "use_case")?.data.toString("utf8") || "MAIN_IMAGE";
  if (!USE_CASES.has(useCase)) return { code: 11050001, message: `Invalid use_case ${useCase}.` };
  if (file.data.length > MAX_IMAGE_BYTES) return { code: 12038005, message: "The image is larger than 10 MB." };
  const facts = imageFacts(file.data);
  if (!facts.format || !FORMATS.has(facts.format)) return { code: 12038004, message: "Unsupported image format; use JPG, PNG, WEBP or BMP." };
  const w = facts.width ?? 0;
  const h = facts.height ?? 0;
  const [min, max] = useCase === "MAIN_IMAGE" ? [300, 4000] : [100, 20000];
  if (w < min || h < min || w > max || h > max) return { code: 12038014, message: `The image must be between ${min}x${min} and ${max}x${max} pixels (got ${w}x${h}).` };
  const uri = `tos-alisg-i-mock/${randomBytes(12).toString("hex")}`;
  const url = `${baseUrl}/img/${uri}`;
  state.images[uri] = { uri, url, width: w, height: h, use_case: useCase, bytes: file.data.length };
  return ok({ uri, url, width: w, height: h, use_case: useCase });
}
