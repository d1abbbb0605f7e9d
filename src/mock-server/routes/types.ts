// What a route is and what its handler gets. Handlers are synchronous on purpose: a request's
// reads and writes of the shop happen in one tick, so concurrent requests cannot interleave them.
import type { CategoryIndex } from "../categories.js";
import type { Reply } from "../envelope.js";
import type { ShopState } from "../state.js";

export interface RouteContext {
  shop: ShopState;
  categories: CategoryIndex;
  maxStock: number;
  query: URLSearchParams;
  /** Parsed JSON body (routes with `hasBody`), otherwise undefined. */
  body: unknown;
  /** Items this request may process: the rate limiter's grant (1 for non-bulk routes). */
  granted: number;
  nowUnix: number;
  baseUrl: string;
}

export interface Route {
  /** Stable name for stats and the rate-limit bucket, e.g. "POST /v3/products/fs/:fs_id/create". */
  key: string;
  methods: readonly string[];
  /** Matches the path; group 1 is the fs_id segment. */
  pattern: RegExp;
  isWrite: boolean;
  /** Whether `?shop_id=` must be given (400 PRD_DLV_016 otherwise). */
  needsShopId: boolean;
  hasBody: boolean;
  /** Bulk routes: how many tokens the request wants (one per item). */
  countItems?: (body: unknown) => number;
  handle(ctx: RouteContext): Reply;
}

/** Any segment, not just digits, so a bad fs_id is answered PRD_DLV_002 rather than 404. */
export const FS = "([^/]+)";
