// What a route handler is given and declares.
import type { ItemLimitProfile } from "./limits.js";
import type { Shop } from "./store.js";
import type { FormData, ShopeeReply } from "./wire.js";

export interface RouteContext {
  shop: Shop;
  profile: ItemLimitProfile;
  query: URLSearchParams;
  /** The JSON body of a POST (an empty object for GET). */
  body: Record<string, unknown>;
  /** The multipart form of an upload. */
  form?: FormData;
  nowUnix: number;
  /** get_item_list refuses an offset at or past this. */
  itemListOffsetCap: number;
}

export interface Route {
  method: "GET" | "POST";
  /**
   * "shop": signed with access_token + shop_id; "either": Public or Shop signature (upload_image);
   * "public": partner_id + path + timestamp only, whatever else the query carries.
   */
  sign: "shop" | "either" | "public";
  /** Changes the shop (counted in stats.writes, eligible for commit-then-drop). */
  isWrite: boolean;
  multipart?: boolean;
  handle(ctx: RouteContext): ShopeeReply;
}
