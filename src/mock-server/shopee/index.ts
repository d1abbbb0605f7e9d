// The Shopee Open Platform v2 mock marketplace (issue 16). Imports nothing from src/adapters/: the
// shopee adapter is tested against this separately written implementation of the wire format.
export { startShopeeMock, DEFAULT_PARTNER_ID, DEFAULT_PARTNER_KEY, DEFAULT_SHOP_ID, DEFAULT_RATE_LIMIT, type ShopeeMockOptions, type ShopeeMockServer, type ShopeeMockStats } from "./server.js";
export { parseShopeeFaultSpec, DEFAULT_DROP_PATHS, type ShopeeFaults, type ShopeeFaultKind } from "./faults.js";
export { DEFAULT_ITEM_LIMITS, type ItemLimitProfile, type ItemLimits } from "./limits.js";
export { seedSchema, SEED_CATEGORY_ID, type SeedItem } from "./seed.js";
export { hmacHex, baseString } from "./sign.js";
export type { Item as ShopeeMockItem, ItemStatus as ShopeeItemStatus } from "./store.js";
