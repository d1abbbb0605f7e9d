// One bulk request per call, for each write endpoint, turned into a decision per item.
// Doc: shared/reference/tokopedia-seller-api.md §5.2 create v3, §5.4 edit v3, §5.5 price,
// §5.6 stock, §5.7 active/inactive; §3 per-row failures inside HTTP 200.
import type { ChangeError } from "../../plan/types.js";
import type { ApiResponse, TokopediaClient } from "./client.js";
import { OutcomeUnknownError, RetriesExhaustedError } from "./errors.js";
import {
  createPayload,
  editPayload,
  failedRowId,
  failedRowMessage,
  failedRows,
  getKey,
  isTooManyRequests,
  successRows,
} from "./map.js";
import { AdapterError } from "../../errors.js";
import { describeRowError } from "./row-errors.js";
import { findListingBySku, findListingsByIds, listAllListings, PAGE_SIZE, type ShopRef } from "./read.js";
import type { WorkItem } from "./work.js";

export type Op = "create" | "edit" | "price" | "stock" | "active" | "inactive";

export type Decision =
  | { kind: "done"; listingId?: string }
  | { kind: "failed"; error: ChangeError }
  /** Send this item again: rate-limited row, or a create confirmed not to exist. */
  | { kind: "resend"; reason: "throttled" | "not-created" }
  /** The whole batch was refused as malformed: send each item alone to find the culprit. */
  | { kind: "isolate" };

export interface OpContext {
  client: TokopediaClient;
  shop: ShopRef;
  /** Tokens already taken for this batch. */
  cost: number;
  stop?: AbortSignal;
  /** About how many listings the shop has (from this run's listing), to pick the cheaper lookup. */
  shopSize?: () => number | undefined;
}

export interface OpSpec {
  endpoint: string;
  maxBatch: number;
  run(items: readonly WorkItem[], ctx: OpContext): Promise<Decision[]>;
}

const failed = (code: string, message: string, retryable: boolean): Decision => ({
  kind: "failed",
  error: { code, message, retryable },
});

/** A refused row as a failed decision, its message translated when known (issue 12.12). */
function failedRow(row: unknown, fallback: string): Decision {
  const said = describeRowError(row);
  return failed(said.code ?? rowCode(row, fallback), said.message, false);
}

const rowCode = (row: unknown, fallback: string): string => {
  const code = getKey(row, "error_code") ?? getKey(row, "code");
  return typeof code === "string" && code !== "" ? code : fallback;
};

/** A non-200 answer to a whole batch. */
function refusedBatch(res: ApiResponse, size: number): Decision {
  if (res.status === 400 && size > 1) return { kind: "isolate" };
  const message = res.header.reason || res.header.messages || `HTTP ${res.status}`;
  return failed(res.header.errorCode ?? `HTTP_${res.status}`, message, false);
}

/** Network / 5xx / 429 exhaustion of an idempotent request: every item may be retried next run. */
async function guard(items: readonly WorkItem[], send: () => Promise<Decision[]>): Promise<Decision[]> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof RetriesExhaustedError) return items.map(() => failed(error.code, error.message, true));
    throw error;
  }
}

/** Per-row results of an update-style answer (edit, price, stock, active, inactive), keyed by product id. */
function decideByProductId(items: readonly WorkItem[], data: unknown, fallbackCode: string): { decisions: Decision[]; unmatched: unknown[] } {
  const failures = new Map<string, unknown>();
  const unmatched: unknown[] = [];
  for (const row of failedRows(data)) {
    const id = failedRowId(row) ?? bySku(items, row);
    if (id) failures.set(id, row);
    else unmatched.push(row);
  }
  const decisions = items.map((item): Decision => {
    const row = failures.get(item.listingId ?? "");
    if (row === undefined) return { kind: "done" };
    if (isTooManyRequests(row)) return { kind: "resend", reason: "throttled" };
    const said = describeRowError(row);
    return failed(said.code ?? rowCode(row, fallbackCode), said.message, false);
  });
  return { decisions, unmatched };
}

function bySku(items: readonly WorkItem[], row: unknown): string | undefined {
  const sku = getKey(row, "sku") ?? getKey(row, "product_sku");
  return typeof sku === "string" ? items.find((i) => i.change.sku === sku)?.listingId : undefined;
}

function updateOp(op: "edit" | "price" | "stock", endpoint: string, maxBatch: number): OpSpec {
  return {
    endpoint,
    maxBatch,
    run: (items, ctx) =>
      guard(items, async () => {
        const { fsId, shopId } = ctx.shop;
        const request =
          op === "edit"
            ? {
                method: "PATCH" as const,
                path: `/v3/products/fs/${fsId}/edit`,
                query: { shop_id: shopId },
                body: { products: items.map((i) => editPayload(i.listingId ?? "", i.change.sku, i.editFields)) },
              }
            : op === "price"
              ? {
                  method: "POST" as const,
                  path: `/inventory/v1/fs/${fsId}/price/update`,
                  query: { shop_id: shopId },
                  body: items.map((i) => ({ product_id: Number(i.listingId), new_price: i.price })),
                }
              : {
                  method: "POST" as const,
                  path: `/inventory/v1/fs/${fsId}/stock/update`,
                  // desbumi sets status explicitly; stock 0 must not deactivate a listing behind its back.
                  query: { shop_id: shopId, bypass_update_product_status: "true" },
                  body: items.map((i) => ({ product_id: Number(i.listingId), new_stock: i.stock })),
                };
        const res = await ctx.client.call({
          ...request,
          endpoint: `${request.method} ${op}`,
          cost: ctx.cost,
          prepaid: true,
          write: true,
          idempotent: true,
          ...(ctx.stop ? { stop: ctx.stop } : {}),
        });
        if (res.status !== 200) return items.map(() => refusedBatch(res, items.length));
        return decideByProductId(items, res.data, "ROW_REJECTED").decisions;
      }),
  };
}

function statusOp(op: "active" | "inactive"): OpSpec {
  return {
    endpoint: `POST ${op}`,
    maxBatch: 25,
    run: (items, ctx) =>
      guard(items, async () => {
        const res = await ctx.client.call({
          method: "POST",
          path: `/v1/products/fs/${ctx.shop.fsId}/${op}`,
          query: { shop_id: ctx.shop.shopId },
          body: { product_id: items.map((i) => Number(i.listingId)) },
          endpoint: `POST ${op}`,
          cost: ctx.cost,
          prepaid: true,
          write: true,
          idempotent: true,
          ...(ctx.stop ? { stop: ctx.stop } : {}),
        });
        if (res.status !== 200) return items.map(() => refusedBatch(res, items.length));
        const { decisions, unmatched } = decideByProductId(items, res.data, "STATUS_REJECTED");
        if (unmatched.length === 0) return decisions;
        // Failure strings we could not tie to an id: ask the marketplace what the status is now.
        const live = await findListingsByIds(ctx.client, ctx.shop, items.map((i) => i.listingId ?? ""));
        const wanted = op === "active" ? "active" : "inactive";
        const message = unmatched.map((row) => failedRowMessage(row)).join("; ");
        return decisions.map((d, index) =>
          d.kind === "done" && live.get(items[index]?.listingId ?? "")?.status !== wanted
            ? failed("STATUS_REJECTED", message, false)
            : d,
        );
      }),
  };
}

const createOp: OpSpec = {
  endpoint: "POST create",
  maxBatch: 25,
  async run(items, ctx) {
    let res: ApiResponse;
    try {
      res = await ctx.client.call({
        method: "POST",
        path: `/v3/products/fs/${ctx.shop.fsId}/create`,
        query: { shop_id: ctx.shop.shopId },
        body: { products: items.map((i) => createPayload(i.product())) },
        endpoint: "POST create",
        cost: ctx.cost,
        prepaid: true,
        write: true,
        idempotent: false,
        ...(ctx.stop ? { stop: ctx.stop } : {}),
      });
    } catch (error) {
      if (error instanceof OutcomeUnknownError) return lookUpCreates(items, ctx, items.map(() => true));
      if (error instanceof RetriesExhaustedError) return items.map(() => failed(error.code, error.message, true));
      throw error;
    }
    if (res.status !== 200) return items.map(() => refusedBatch(res, items.length));

    const decisions: (Decision | undefined)[] = items.map(() => undefined);
    for (const row of failedRows(res.data)) {
      const sku = getKey(row, "sku");
      const name = getKey(row, "product_name");
      const index = items.findIndex(
        (item, i) => decisions[i] === undefined && (item.change.sku === sku || (sku === undefined && item.product().name === name)),
      );
      if (index < 0) continue;
      decisions[index] = isTooManyRequests(row)
        ? { kind: "resend", reason: "throttled" }
        : failedRow(row, "PRODUCT_REJECTED");
    }
    const open = items.map((_, i) => i).filter((i) => decisions[i] === undefined);
    const successes = successRows(res.data);
    const ids = successes.map((row) => getKey(row, "product_id"));
    const skus = successes.map((row) => getKey(row, "product_sku") ?? getKey(row, "sku"));
    for (const i of open) {
      const at = skus.indexOf(items[i]?.change.sku);
      if (at >= 0) decisions[i] = { kind: "done", listingId: String(ids[at]) };
    }
    // Rows without a SKU: in request order, but only when the counts leave no doubt.
    const stillOpen = open.filter((i) => decisions[i] === undefined);
    const unnamed = successes.filter((_, at) => skus[at] === undefined);
    if (stillOpen.length === unnamed.length) {
      stillOpen.forEach((i, at) => {
        decisions[i] = { kind: "done", listingId: String(getKey(unnamed[at], "product_id")) };
      });
    }
    if (decisions.every((d) => d !== undefined)) return decisions;
    return lookUpCreates(items, ctx, decisions.map((d) => d === undefined), decisions);
  },
};

/** Below this many unknown creates, one SKU lookup each is always the cheaper way to find out. */
export const PAGE_LOOKUP_MIN_ITEMS = 11;

/**
 * NO DUPLICATES: for creates whose result is unknown, ask the marketplace for the SKU. Found means
 * it was created (done, with its id); not found means it is safe to send again.
 * NOTE: for many unknown creates at once (a whole batch lost to a dropped connection) listing the
 * shop's pages costs fewer requests than one lookup per SKU, when the shop is known to be small
 * enough. The listing is as authoritative as the lookups (same endpoint, by shop); if it cannot be
 * read, the per-SKU lookups run as before.
 */
async function lookUpCreates(
  items: readonly WorkItem[],
  ctx: OpContext,
  unknown: readonly boolean[],
  known: readonly (Decision | undefined)[] = [],
): Promise<Decision[]> {
  const count = unknown.filter(Boolean).length;
  const listed = pagesAreCheaper(count, ctx.shopSize?.()) ? await listedSkus(ctx) : undefined;
  return Promise.all(
    items.map(async (item, i): Promise<Decision> => {
      if (!unknown[i]) return known[i] ?? { kind: "done" };
      if (listed) {
        const id = listed.get(item.change.sku);
        return id !== undefined ? { kind: "done", listingId: id } : { kind: "resend", reason: "not-created" };
      }
      try {
        const found = await findListingBySku(ctx.client, ctx.shop, item.change.sku);
        return found ? { kind: "done", listingId: found.id } : { kind: "resend", reason: "not-created" };
      } catch (error) {
        if (!(error instanceof RetriesExhaustedError)) throw error;
        return failed(
          "OUTCOME_UNKNOWN",
          `the create was sent but its result could not be confirmed (${error.code}); the next sync lists the shop first and will not create it twice`,
          true,
        );
      }
    }),
  );
}

/** Pages of the shop (its known size plus the unknown creates) vs one lookup per SKU. */
export function pagesAreCheaper(unknownCount: number, shopSize: number | undefined): boolean {
  if (unknownCount < PAGE_LOOKUP_MIN_ITEMS || shopSize === undefined) return false;
  return Math.floor((shopSize + unknownCount) / PAGE_SIZE) + 1 < unknownCount;
}

/** SKU -> listing id of every live listing, or undefined when the shop cannot be listed now. */
async function listedSkus(ctx: OpContext): Promise<Map<string, string> | undefined> {
  try {
    // NOTE: no stop signal: once a create may have happened, finding out must not be cut short.
    const listings = await listAllListings(ctx.client, ctx.shop);
    const bySku = new Map<string, string>();
    for (const listing of listings) if (listing.sku !== "" && !bySku.has(listing.sku)) bySku.set(listing.sku, listing.id);
    return bySku;
  } catch (error) {
    // Auth refused stops the run as everywhere; anything else: fall back to the SKU lookups.
    if (error instanceof AdapterError && error.kind === "auth") throw error;
    return undefined;
  }
}

export const OPERATIONS: Record<Op, OpSpec> = {
  create: createOp,
  edit: updateOp("edit", "PATCH edit", 25),
  price: updateOp("price", "POST price", 100),
  stock: updateOp("stock", "POST stock", 100),
  active: statusOp("active"),
  inactive: statusOp("inactive"),
};
