// Catalogue attributes (Product.attributes by name, brand, certificates) -> Shopee attribute_list,
// matched against the category's attribute tree by the shared matcher (../shared/attribute-match.ts):
// listed values by value_id, custom values (value_id 0 + original_value_name) only where the input
// type allows them (reference A3 add_item "Attribute values", get_attribute_tree input_type 1..5).
import type { DesiredProduct } from "../../plan/types.js";
import { matchAttributes, type AttributeMatch, type AttributeProblem, type CategoryAttribute } from "../shared/attribute-match.js";
import type { AttributeDef } from "./details.js";

export interface AttributeValue {
  value_id: number;
  original_value_name?: string;
}

export interface AttributeResult {
  match: AttributeMatch;
  list: { attribute_id: number; attribute_value_list: AttributeValue[] }[];
  /** The first problem Shopee would refuse the item for (a missing mandatory one, a value it does not take). */
  blocking?: AttributeProblem;
}

/**
 * NOTE: input types 1 (single dropdown) and 4 (multi dropdown) take only listed values; 2 and 5
 * (combo boxes) and 3 (free text) also take a custom value (value_id 0), as the mock does. The
 * reference gives `input_type 1..5` without names; these are Shopee's documented meanings.
 * Validation types (numbers, dates) and units (format_type 2) are not checked here: Shopee says so.
 */
const allowsCustom = (def: AttributeDef): boolean => def.inputType !== 1 && def.inputType !== 4;

export const categoryAttributes = (tree: readonly AttributeDef[]): CategoryAttribute[] =>
  tree.map((d) => ({ id: String(d.id), name: d.name, required: d.mandatory, customizable: allowsCustom(d), values: d.values.map((v) => ({ id: String(v.id), name: v.name })) }));

export function buildAttributes(product: DesiredProduct, tree: readonly AttributeDef[]): AttributeResult {
  const match = matchAttributes(product, categoryAttributes(tree));
  const list = match.matched.map((m) => ({
    attribute_id: Number(m.attribute.id),
    attribute_value_list: ["custom" in m.value ? { value_id: 0, original_value_name: m.value.custom } : { value_id: Number(m.value.id) }],
  }));
  const blocking = match.problems.find((p) => p.kind !== "unlisted");
  return blocking ? { match, list, blocking } : { match, list };
}
