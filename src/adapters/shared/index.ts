// What marketplace adapters share (TikTok Shop, Shopee): the token store, the photo upload cache,
// signing helpers and pacing. Import from here.
export * from "./home.js";
export * from "./atomic-write.js";
export * from "./token-store.js";
export * from "./photo-cache.js";
export * from "./sign.js";
export * from "./pacing.js";
export * from "./photo-bytes.js";
