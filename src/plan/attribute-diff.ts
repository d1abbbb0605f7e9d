// The `attributes` field of a plan: a row's attributes as the marketplace would be sent them
// (DesiredProduct.sentAttributes) against what the listing reads back. Pure.
import { attributeKey, valueKey } from "../catalog/attribute-key.js";

export interface AttributeDiff {
  /** The listing's values of the differing attributes (an attribute it lacks is left out). */
  from: Record<string, string>;
  /** The values to send, under the category's attribute names. */
  to: Record<string, string>;
}

/**
 * Only the attributes the row sends are compared, names and values ignoring case and spacing as
 * the matcher does: an attribute the listing has and the row does not give (set in Seller Center,
 * or one the category lacks) is no change, or every sync would "update" it.
 */
export function diffAttributes(sent: Readonly<Record<string, string>>, live: Readonly<Record<string, string>> | undefined): AttributeDiff | undefined {
  const byKey = new Map(Object.entries(live ?? {}).map(([name, value]) => [attributeKey(name), value]));
  const from: Record<string, string> = {};
  const to: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) {
    const old = byKey.get(attributeKey(name));
    if (old !== undefined && valueKey(old) === valueKey(value)) continue;
    if (old !== undefined) from[name] = old;
    to[name] = value;
  }
  return Object.keys(to).length > 0 ? { from, to } : undefined;
}
