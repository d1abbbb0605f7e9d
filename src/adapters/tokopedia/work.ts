// One change on its way through the write endpoints: which parts remain, in order.
import type { Change, DesiredProduct, FieldChange } from "../../plan/types.js";
import { resolveFieldChanges } from "../field-value.js";
import type { Op } from "./operations.js";

const CHEAP_FIELDS = new Set(["price", "stock"]);

export class WorkItem {
  /** Parts still to do; the first is the current one. */
  readonly parts: Op[];
  listingId: string | undefined;
  readonly editFields: FieldChange[];
  readonly price: number | undefined;
  /** The stock the listing will have (also decides edit's stock status). */
  readonly stock: number | undefined;
  intentSent = false;
  partsDone = 0;
  /** Times sent again after rate-limited rows or a create confirmed missing. */
  resends = 0;
  /** Sent alone after its batch was refused as malformed. */
  isolated = false;

  constructor(
    readonly change: Change,
    readonly index: number,
  ) {
    this.listingId = change.kind === "create" ? undefined : change.listingId;
    const fields = change.kind === "create" ? [] : resolveFieldChanges(change.fields, change.product);
    this.editFields = fields;
    const field = (name: string): unknown => fields.find((f) => f.field === name)?.to;
    const price = field("price");
    this.price = price === undefined ? undefined : Number(price);
    const stock = field("stock") ?? change.product?.stock;
    this.stock = stock === undefined ? undefined : Number(stock);
    this.parts = planParts(change, fields);
  }

  product(): DesiredProduct {
    if (!this.change.product) throw new Error(`change for ${this.change.sku} carries no product`);
    return this.change.product;
  }
}

/**
 * Field changes first (price/stock alone go through their cheap endpoints, anything else through
 * one edit), then the status change. A create of an inactive product is deactivated right after.
 */
export function planParts(change: Change, fields: readonly FieldChange[]): Op[] {
  // A stock-0 write goes out as EMPTY, which puts the product in the warehouse (map.ts stockStatus):
  // an active row is activated again afterwards (sold out but visible), as stock updates do.
  if (change.kind === "create") {
    if (change.product.status === "inactive") return ["create", "inactive"];
    return change.product.stock === 0 ? ["create", "active"] : ["create"];
  }
  const parts: Op[] = [];
  // An adoption puts the SKU on the listing, which only an edit does (editPayload always sends `sku`).
  const adopts = change.adopt === true;
  if (fields.length > 0 || adopts) {
    if (!adopts && fields.every((f) => CHEAP_FIELDS.has(f.field))) {
      if (fields.some((f) => f.field === "price")) parts.push("price");
      if (fields.some((f) => f.field === "stock")) parts.push("stock");
    } else {
      parts.push("edit");
      // An edit never carries stock 0 (it would read "always available"): the stock endpoint sets it.
      if (fields.some((f) => f.field === "stock" && Number(f.to) === 0)) parts.push("stock");
    }
  }
  if (change.kind === "reactivate") parts.push("active");
  if (change.kind === "deactivate") parts.push("inactive");
  return parts;
}
