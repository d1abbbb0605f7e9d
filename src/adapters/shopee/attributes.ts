// Catalogue attributes (Product.attributes by name, certificates) -> Shopee attribute_list, checked
// against the category's attribute tree: mandatory ones present, listed values matched by name,
// custom values (value_id 0) only where the input type allows them (reference A3 add_item).
import type { DesiredProduct } from "../../plan/types.js";
import type { AttributeDef } from "./details.js";

export interface AttributeValue {
  value_id: number;
  original_value_name?: string;
}

export type AttributeResult =
  | { ok: true; list: { attribute_id: number; attribute_value_list: AttributeValue[] }[] }
  | { ok: false; problems: { attribute: string; code: "ATTRIBUTE_MISSING" | "ATTRIBUTE_VALUE_INVALID"; value?: string; options: string }[] };

const fold = (s: string): string => s.trim().toLowerCase().replace(/[\s._:-]+/g, " ");

/** Certificate numbers fill the attributes that ask for them (PIRT, BPOM), unless a column says otherwise. */
function certificateFor(product: DesiredProduct, name: string): string | undefined {
  const n = fold(name);
  if (n.includes("pirt")) return product.certificates?.pirt;
  if (n.includes("bpom")) return product.certificates?.bpom ?? product.certificates?.pomTr;
  if (n.includes("halal")) return product.certificates?.halal;
  return undefined;
}

/** Input types 1 (single dropdown) and 4 (multi dropdown) take only listed values. */
const allowsCustom = (def: AttributeDef): boolean => def.inputType !== 1 && def.inputType !== 4;

export function buildAttributes(product: DesiredProduct, tree: readonly AttributeDef[]): AttributeResult {
  const given = new Map(Object.entries(product.attributes ?? {}).map(([k, v]) => [fold(k), v]));
  const list: { attribute_id: number; attribute_value_list: AttributeValue[] }[] = [];
  const problems: Extract<AttributeResult, { ok: false }>["problems"] = [];
  for (const def of tree) {
    const raw = (given.get(fold(def.name)) ?? certificateFor(product, def.name) ?? "").trim();
    const optionList = def.values.slice(0, 8).map((v) => v.name).join(", ");
    if (raw === "") {
      if (def.mandatory) problems.push({ attribute: def.name, code: "ATTRIBUTE_MISSING", options: optionList });
      continue;
    }
    const listed = def.values.find((v) => fold(v.name) === fold(raw));
    if (listed) list.push({ attribute_id: def.id, attribute_value_list: [{ value_id: listed.id }] });
    else if (allowsCustom(def)) list.push({ attribute_id: def.id, attribute_value_list: [{ value_id: 0, original_value_name: raw }] });
    else problems.push({ attribute: def.name, code: "ATTRIBUTE_VALUE_INVALID", value: raw, options: optionList });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, list };
}
