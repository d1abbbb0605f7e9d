// The TikTok Shop (Tokopedia & Shop) mock marketplace. Imports nothing from src/adapters/.
export { startTikTokMock, NotTikTokStateError, DEFAULT_APP_KEY, DEFAULT_SERVICE_ID, DEFAULT_RATE_LIMIT, type TikTokMock, type TikTokMockOptions, type TikTokMockStats } from "./server.js";
export { DEFAULT_SHOP, type MockShop, type MockState, type MockProduct } from "./state.js";
export { CATEGORIES, WAREHOUSES } from "./fixtures.js";
export { signSelfTest } from "./sign.js";
