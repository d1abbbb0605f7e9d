// One product's catalogue attributes (`Atribut: <name>` columns, brand, certificate numbers) matched
// to a marketplace category's attributes: names ignoring case, spacing and punctuation, values to
// the listed values ignoring case and spacing, a near miss named (did-you-mean). Pure: the adapters
// turn the result into their payload and their located issues (attribute-issues.ts).
import type { CertificateKind } from "../../catalog/certificates.js";
import type { Certificates } from "../../catalog/types.js";
import { closest, typoTolerance } from "../../edit-distance.js";
import { attributeKey, valueKey } from "../../catalog/attribute-key.js";

/** A category attribute as the adapter read it from the marketplace (ids as strings). */
export interface CategoryAttribute {
  id: string;
  name: string;
  required: boolean;
  /** Takes a value outside `values`, sent as a custom value (Shopee combo box/free text, TikTok is_customizable). */
  customizable: boolean;
  values: readonly { id: string; name: string }[];
}

/** The product fields attributes come from (a DesiredProduct fits). */
export interface AttributeInput {
  attributes?: Record<string, string>;
  brand?: string;
  certificates?: Certificates;
}

/** Where a value came from: the catalogue column the issue points at. */
export type AttributeSource = { kind: "attribute"; name: string } | { kind: "brand" } | { kind: "certificate"; certificate: CertificateKind };

export interface MatchedAttribute {
  attribute: CategoryAttribute;
  source: AttributeSource;
  /** A listed value, or a custom one (only where the attribute is customizable). */
  value: { id: string; name: string } | { custom: string };
}

export type AttributeProblem =
  | { kind: "missing"; attribute: CategoryAttribute }
  /** Not a listed value of an attribute that takes only those (an error). */
  | { kind: "invalid"; attribute: CategoryAttribute; source: AttributeSource; value: string; suggestion?: string }
  /** Sent as a custom value, but close to a listed one: probably a typo (a warning). */
  | { kind: "unlisted"; attribute: CategoryAttribute; source: AttributeSource; value: string; suggestion: string };

export interface AttributeMatch {
  matched: MatchedAttribute[];
  problems: AttributeProblem[];
  /** Catalogue attributes the category does not have: not sent to this marketplace. */
  unknown: { name: string; value: string; suggestion?: string }[];
}

// The keys live in the catalogue so the plan's attribute diff compares exactly as the matcher does.
export { attributeKey, valueKey };

/** The closest of `candidates` to `given` by edit distance on their keys, if close enough. */
export function nearest(given: string, candidates: readonly string[], key: (s: string) => string = valueKey, byWords = true): string | undefined {
  const k = key(given);
  if (k.length === 0 || k.length > 60) return undefined;
  const best = closest(k, candidates, key);
  if (best && best.distance <= typoTolerance(k.length)) return best.item;
  if (!byWords) return undefined;
  // Else one candidate whose words are all in the given value, or the other way round
  // (`Katun Jepang` -> `Katun`, `Sekar` -> `Sekar Jagad`); several are no suggestion.
  const words = (t: string): string[] => t.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const mine = words(given);
  const within = (a: string[], b: string[]): boolean => a.length > 0 && a.every((w) => b.includes(w));
  const hits = candidates.filter((c) => within(words(c), mine) || within(mine, words(c)));
  return hits.length === 1 ? hits[0] : undefined;
}

const BRAND_NAMES = new Set(["merek", "merk", "brand", "namamerek", "namamerk", "merekproduk"]);
const NO_BRAND_VALUES = new Set(["tanpamerek", "tanpamerk", "nobrand", "tidakbermerek", "unbranded"]);

/** The certificate an attribute asks for, by its name (`No. Izin PIRT`, `Nomor BPOM`, `Sertifikasi Halal`, `SNI`). */
function certificateOf(name: string): CertificateKind[] {
  const key = attributeKey(name);
  const words = new Set(name.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u));
  if (key.includes("pirt")) return ["pirt"];
  if (key.includes("halal")) return ["halal"];
  if (key.includes("pomtr") || (words.has("pom") && words.has("tr"))) return ["pomTr", "bpom"];
  if (key.includes("bpom") || words.has("pom") || key.includes("izinedar")) return ["bpom", "pomTr"];
  if (words.has("sni")) return ["sni"];
  return [];
}

/** What the catalogue gives for one category attribute: an `Atribut:` value first, then brand or certificate. */
function givenFor(attribute: CategoryAttribute, byKey: ReadonlyMap<string, { name: string; value: string }>, product: AttributeInput): { source: AttributeSource; value: string } | undefined {
  const key = attributeKey(attribute.name);
  const own = byKey.get(key);
  if (own) return { source: { kind: "attribute", name: own.name }, value: own.value };
  if (BRAND_NAMES.has(key) && product.brand !== undefined) {
    const brand = product.brand.trim();
    if (brand !== "") return { source: { kind: "brand" }, value: brand };
    // "" is "no brand": the attribute's own no-brand value when it lists one.
    const none = attribute.values.find((v) => NO_BRAND_VALUES.has(attributeKey(v.name)));
    return none ? { source: { kind: "brand" }, value: none.name } : undefined;
  }
  // NOTE: a certificate number fills only an attribute that takes free text: one with a fixed list
  // (e.g. "Bersertifikat Halal: Ya/Tidak") cannot hold a number, so it is left to an `Atribut:` column.
  if (!attribute.customizable) return undefined;
  for (const kind of certificateOf(attribute.name)) {
    const number = product.certificates?.[kind]?.trim();
    if (number) return { source: { kind: "certificate", certificate: kind }, value: number };
  }
  return undefined;
}

export function matchAttributes(product: AttributeInput, category: readonly CategoryAttribute[]): AttributeMatch {
  const byKey = new Map<string, { name: string; value: string }>();
  for (const [name, raw] of Object.entries(product.attributes ?? {})) {
    const value = raw.trim();
    const key = attributeKey(name);
    if (value !== "" && key !== "" && !byKey.has(key)) byKey.set(key, { name, value });
  }
  const out: AttributeMatch = { matched: [], problems: [], unknown: [] };
  const used = new Set<string>();
  for (const attribute of category) {
    const key = attributeKey(attribute.name);
    if (used.has(key)) continue;
    used.add(key);
    const given = givenFor(attribute, byKey, product);
    if (!given) {
      if (attribute.required) out.problems.push({ kind: "missing", attribute });
      continue;
    }
    const listed = attribute.values.find((v) => valueKey(v.name) === valueKey(given.value));
    if (listed) {
      out.matched.push({ attribute, source: given.source, value: { id: listed.id, name: listed.name } });
      continue;
    }
    // NOTE: on a customizable attribute only a typo is worth a warning: `Parang Rusak` is a value
    // of its own, not a wrong `Parang`.
    const suggestion = nearest(given.value, attribute.values.map((v) => v.name), valueKey, !attribute.customizable);
    if (attribute.customizable) {
      out.matched.push({ attribute, source: given.source, value: { custom: given.value } });
      if (suggestion !== undefined) out.problems.push({ kind: "unlisted", attribute, source: given.source, value: given.value, suggestion });
    } else {
      out.problems.push({ kind: "invalid", attribute, source: given.source, value: given.value, ...(suggestion !== undefined ? { suggestion } : {}) });
    }
  }
  const names = category.map((a) => a.name);
  for (const [key, given] of byKey) {
    if (used.has(key)) continue;
    const suggestion = nearest(given.name, names, attributeKey);
    out.unknown.push({ name: given.name, value: given.value, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
  return out;
}

/** The catalogue places that could fill an attribute (where a missing one is located): its own column, brand, certificates. */
export function sourcesFor(attribute: CategoryAttribute): AttributeSource[] {
  const out: AttributeSource[] = [{ kind: "attribute", name: attribute.name }];
  if (BRAND_NAMES.has(attributeKey(attribute.name))) out.push({ kind: "brand" });
  if (attribute.customizable) for (const certificate of certificateOf(attribute.name)) out.push({ kind: "certificate", certificate });
  return out;
}

/** At most `max` allowed values for a message, and how many more there are. */
export function allowedValues(attribute: CategoryAttribute, max = 10): { options: string; more: number } {
  const names = attribute.values.map((v) => v.name);
  return { options: names.slice(0, max).join(", "), more: Math.max(0, names.length - max) };
}

/**
 * The attributes a match sends, as the marketplace reads them back: the category's own attribute
 * name -> the listed value's name, or the custom value. What the plan compares with Listing.attributes.
 */
export function attributesAsSent(match: Pick<AttributeMatch, "matched">): Record<string, string> {
  return Object.fromEntries(match.matched.map((m) => [m.attribute.name, "custom" in m.value ? m.value.custom : m.value.name]));
}
