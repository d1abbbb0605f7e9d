// Catalogue product -> TikTok Shop product payload (reference §4.2, §9 Tokopedia fields).
import { createHash } from "node:crypto";
import type { DesiredProduct } from "../../plan/types.js";
import { attributesAsSent, matchAttributes, type CategoryAttribute } from "../shared/attribute-match.js";

/** Plain text -> the HTML the API wants: escaped, one <p> per line (2024 docs' safe tag set). */
export function toHtml(text: string): string {
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length === 0 ? "" : lines.map((l) => `<p>${esc(l)}</p>`).join("");
}

/** The inverse of toHtml for reading (so an unchanged description compares equal). */
export function fromHtml(html: string): string {
  if (!/<p>/.test(html)) return html;
  return html
    .split(/<\/p>/)
    .map((p) => p.replace(/<p>/g, "").replace(/<br\s*\/?>/g, "\n"))
    .filter((p) => p !== "")
    .map((p) => p.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))
    .join("\n");
}

/** KILOGRAM with up to 3 decimals (§4.2: the only unit outside US/BR/JP/MX). */
export const kilograms = (grams: number): string => String(Math.max(grams, 1) / 1000);

export const amount = (rupiah: number): { amount: string; currency: "IDR" } => ({ amount: String(Math.round(rupiah)), currency: "IDR" });

/**
 * Same SKU + same content = same key, so a retried or lost create never makes a second product,
 * while a changed product after a failed create is a new create. ≤ 128 chars (§4.2).
 */
export function idempotencyKey(product: DesiredProduct, uris: readonly string[]): string {
  const variants = (product.variants ?? []).map((v) => [v.sku, v.options, v.price, v.stock, v.status]);
  const content = JSON.stringify([product.sku, product.name, product.description, product.price, product.stock, product.weight, product.categoryId, uris, ...(variants.length > 0 ? [variants] : [])]);
  return `desbumi-${createHash("sha256").update(content).digest("hex").slice(0, 48)}`;
}

export interface AttributeIds {
  /** The category's product properties (Get Attributes, §6). */
  attributes: readonly CategoryAttribute[];
}

const matched = (product: DesiredProduct, ids: AttributeIds | undefined) => (ids ? matchAttributes(product, ids.attributes).matched : []);

/** The catalogue attributes the category knows, under the category's own names and values (as Get Product reads them back). */
export function sentAttributes(product: DesiredProduct, ids: AttributeIds | undefined): Record<string, string> {
  return attributesAsSent({ matched: matched(product, ids) });
}

/** §4.2 `product_attributes[{id, values:[{id}|{name}]}]`: a listed value by id, a custom one (customizable only) by name. */
export function productAttributes(product: DesiredProduct, ids: AttributeIds | undefined): { id: string; values: ({ id: string } | { name: string })[] }[] {
  return matched(product, ids).map((m) => ({ id: m.attribute.id, values: ["custom" in m.value ? { name: m.value.custom } : { id: m.value.id }] }));
}
