// --seed FILE: listings to preload into a fresh shop.
//
// Shape: a JSON array (or {"products":[...]}) of products in the v3 create-request shape, keys in
// any casing, e.g.
//   [{"name":"Keripik Tempe 250 gr","sku":"KT-250","price":15000,"stock":40,"status":"LIMITED",
//     "condition":"NEW","category_id":2991,"weight":250,"weight_unit":"GR","min_order":1,
//     "pictures":[{"file_path":"https://example.invalid/kt.jpg"}],"etalase":{"id":1402901},
//     "product_id":2147700123, "active":false}]
// Extra keys: `product_id` (keep this id), `active` (false → inactive/warehouse), or `status` as a
// read code 1 | 3 | 0 instead of LIMITED/UNLIMITED/EMPTY. Every product must pass the create rules.
import { readFile } from "node:fs/promises";
import { UsageError, errorMessage } from "../errors.js";
import { describeValue, RequestRejected } from "./envelope.js";
import { decodeProduct, lowerKeys } from "./product-input.js";
import { buildListing, checkCreate, type RuleContext } from "./product-rules.js";
import { allocateProductId, MAX_PRODUCT_ID, putProduct } from "./state.js";

const seedError = (file: string, en: string, id: string): UsageError =>
  new UsageError({ en: `Seed file ${file}: ${en}`, id: `Berkas seed ${file}: ${id}` });

export async function readSeedFile(file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw seedError(file, `cannot be read (${errorMessage(error)})`, `tidak bisa dibaca (${errorMessage(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw seedError(file, `is not valid JSON (${errorMessage(error)})`, `bukan JSON yang sah (${errorMessage(error)})`);
  }
  const list = Array.isArray(parsed) ? parsed : lowerKeys(parsed)?.products;
  if (!Array.isArray(list)) {
    throw seedError(file, 'must be a JSON array of products or {"products":[...]}', 'harus berupa array JSON produk atau {"products":[...]}');
  }
  return list;
}

const STATUS_CODES: Record<number, 0 | 1 | 3> = { 0: 0, 1: 1, 3: 3 };

/** Adds the seed products to the (fresh) shop; the first broken product stops the start. */
export function applySeed(file: string, items: unknown[], ctx: RuleContext, nowUnix: number): void {
  items.forEach((item, i) => {
    const obj = lowerKeys(item) ?? {};
    const { product_id: rawId, active, status, ...rest } = obj;
    const readCode = typeof status === "number" ? STATUS_CODES[status] : undefined;
    if (typeof status === "number" && readCode === undefined) {
      throw seedError(file, `product ${i + 1}: status ${status} is not 1, 3 or 0`, `produk ${i + 1}: status ${status} bukan 1, 3 atau 0`);
    }
    const fields = (() => {
      try {
        return decodeProduct({ ...rest, status: typeof status === "string" ? status : "LIMITED" }, i);
      } catch (error) {
        const reason = error instanceof RequestRejected ? error.reply.reason : errorMessage(error);
        throw seedError(file, `product ${i + 1}: ${reason}`, `produk ${i + 1}: ${reason}`);
      }
    })();
    const problems = checkCreate(fields, ctx);
    if (problems.length > 0) {
      throw seedError(file, `product ${i + 1}: ${problems.join("; ")}`, `produk ${i + 1}: ${problems.join("; ")}`);
    }
    let productId: number;
    if (rawId === undefined || rawId === null) productId = allocateProductId(ctx.shop);
    else if (typeof rawId === "number" && Number.isSafeInteger(rawId) && rawId > 0 && rawId <= MAX_PRODUCT_ID && !ctx.shop.products.has(rawId)) productId = rawId;
    else {
      throw seedError(
        file,
        `product ${i + 1}: product_id ${describeValue(rawId)} must be a unique whole number from 1 to ${MAX_PRODUCT_ID}`,
        `produk ${i + 1}: product_id ${describeValue(rawId)} harus bilangan bulat unik dari 1 sampai ${MAX_PRODUCT_ID}`,
      );
    }
    const listing = buildListing(fields, productId, ctx.shop.shopId, nowUnix);
    if (readCode !== undefined) listing.status = readCode;
    if (active === false) listing.status = 3;
    putProduct(ctx.shop, listing);
    ctx.shop.nextProductId = Math.max(ctx.shop.nextProductId, productId + 1);
  });
}
