// The mock's data: shops, grants (tokens), uploaded images, products with SKUs, idempotency keys,
// the daily listing quota. Plain JSON so a state file can hold it across restarts.

export interface MockShop {
  id: string;
  name: string;
  code: string;
  region: string;
  seller_type: "LOCAL" | "CROSS_BORDER";
  cipher: string;
}

export interface MockGrant {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
  /**
   * The refresh token this grant replaced. NOTE (open question §11 "whether the old refresh token is
   * invalidated immediately"): the mock keeps it usable until the new access token is first used,
   * so a client that lost the refresh answer can refresh again; after that it is refused.
   */
  previousRefreshToken?: string;
  previousAccessToken?: string;
  shopIds: string[];
  revoked: boolean;
}

export interface MockSku {
  id: string;
  seller_sku?: string;
  external_sku_id?: string;
  price: { amount: string; currency: string };
  inventory: { warehouse_id: string; quantity: number }[];
  /** `sku_img` (an ATTRIBUTE_IMAGE upload, §4.2): on one attribute only, on every SKU. */
  sales_attributes: { id: string; name: string; value_id: string; value_name: string; sku_img?: { uri: string } }[];
  status: "NORMAL" | "DEACTIVATED";
}

export type ProductStatus = "DRAFT" | "PENDING" | "FAILED" | "ACTIVATE" | "SELLER_DEACTIVATED" | "PLATFORM_DEACTIVATED" | "FREEZE" | "DELETED";
export type AuditStatus = "NONE" | "AUDITING" | "FAILED" | "APPROVED";

export interface AuditFailure {
  listing_platform: string;
  position: string;
  reasons: string[];
  suggestions: string[];
}

export interface MockProduct {
  id: string;
  shopId: string;
  title: string;
  description: string;
  category_id: string;
  brand_id?: string;
  main_images: { uri: string }[];
  package_weight: { value: string; unit: string };
  product_attributes: { id: string; values: { id?: string; name?: string }[] }[];
  certifications: { id: string; images?: { uri: string }[] }[];
  skus: MockSku[];
  listing_platforms: string[];
  /** ID market (§9): 1..20; absent = 1. */
  minimum_order_quantity?: number;
  /** §9: only when TOKOPEDIA is the only platform. */
  is_pre_owned?: boolean;
  status: ProductStatus;
  audit: AuditStatus;
  audit_failed_reasons: AuditFailure[];
  /** ms epoch when the running audit ends (undefined when none runs). */
  auditDueMs?: number;
  create_time: number;
  update_time: number;
}

export interface MockImage {
  uri: string;
  url: string;
  width: number;
  height: number;
  use_case: string;
  bytes: number;
}

export interface MockState {
  version: 1;
  nextId: number;
  shops: MockShop[];
  grants: MockGrant[];
  authCodes: { code: string; expiresAtMs: number; used: boolean }[];
  images: Record<string, MockImage>;
  products: MockProduct[];
  /** `${shopId}:${key}` -> product id (§10.18: the same key returns the first create's result). */
  idempotency: Record<string, { productId: string; response: unknown }>;
  /** `${shopId}:${YYYY-MM-DD}` -> creates that day (§7 daily listing limit). */
  listingsToday: Record<string, number>;
}

export const DEFAULT_SHOP: MockShop = {
  id: "7494810090000000001",
  name: "Toko Desa Mock",
  code: "IDLCMOCK01",
  region: "ID",
  seller_type: "LOCAL",
  cipher: "ROW_mockCipherDesa0001",
};

export function createState(shops: readonly MockShop[] = [DEFAULT_SHOP]): MockState {
  return {
    version: 1,
    nextId: 1,
    shops: shops.map((s) => ({ ...s })),
    grants: [],
    authCodes: [],
    images: {},
    products: [],
    idempotency: {},
    listingsToday: {},
  };
}

/** 19-digit string ids, as the platform's (§10.7). */
export function nextId(state: MockState, prefix: "17" | "18" | "19"): string {
  const n = state.nextId++;
  return prefix + String(n).padStart(17, "0");
}
