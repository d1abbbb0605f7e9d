// The value a field change asks for, in listing terms (shared by adapters that apply field changes).
import type { DesiredProduct, FieldChange } from "../plan/types.js";

/**
 * NOTE: for `category` the product's resolved `categoryId` wins over `to`, because a plan may carry
 * the category cell as written (a name or path) in `to`, while the marketplace needs the leaf id.
 */
export function desiredFieldValue(change: FieldChange, product: DesiredProduct | undefined): unknown {
  if (change.field === "category" && product) return product.categoryId;
  return change.to;
}

/** Field changes with their `to` replaced by what the marketplace needs. */
export const resolveFieldChanges = (fields: readonly FieldChange[], product: DesiredProduct | undefined): FieldChange[] =>
  fields.map((f) => ({ ...f, to: desiredFieldValue(f, product) }));
