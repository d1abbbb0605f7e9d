// Variant photos as marketplaces carry them (issue 14): TikTok Shop takes a photo per value of one
// sales attribute (`sku_img`, tiktok-shop-api.md §4.2), Shopee per option of the first tier, all
// options or none (shopee-open-platform.md A3). So the photo a variant shows is its option value's,
// and every value needs one once any has. This module works out, per product, which option holds
// the photos and the photo each variant ends up with (its own, the one of another variant with
// the same value, else the product's first photo), and what cannot be carried. The rule is the
// target adapter's (PhotoRules.variantPhotos); absent = each variant keeps its own photo. Pure.
import type { ResolvedPhoto } from "./types.js";

/** `first-option`: the first option's values (Shopee tier 1); `one-option`: any one option (TikTok Shop). */
export type VariantPhotoRule = "first-option" | "one-option";

export interface PhotoVariant {
  options: Readonly<Record<string, string>>;
  images: readonly string[];
  photos?: readonly (ResolvedPhoto | undefined)[];
  line: number;
}

/** What a variant's photo is, for telling photos apart: content hash, else the (direct) link, else the reference. */
export const variantPhotoKey = (v: Pick<PhotoVariant, "images" | "photos">): string | undefined => {
  const ref = v.images[0];
  if (ref === undefined) return undefined;
  const photo = v.photos?.[0];
  return photo?.sha256 ?? photo?.url ?? ref;
};

export type PhotoOption =
  /** No variant has a photo of its own. */
  | { kind: "none" }
  /** The photos go on this option's values. */
  | { kind: "option"; name: string }
  /** No allowed option can carry them: variants of one value of `name` have different photos. */
  | { kind: "conflict"; name: string; value: string; lines: number[] };

/**
 * Names that say an option changes how the product looks (a photo per colour, not per size),
 * preferred when several options could hold the photos.
 */
const LOOKS = /^(warna|colou?r|motif|corak|pola|model|gambar|desain|design|pattern|style|gaya)$/i;

export function photoOption(variants: readonly PhotoVariant[], rule: VariantPhotoRule): PhotoOption {
  if (!variants.some((v) => v.images.length > 0)) return { kind: "none" };
  const names = Object.keys(variants[0]?.options ?? {});
  const candidates = rule === "first-option" ? names.slice(0, 1) : [...names.filter((n) => LOOKS.test(n.trim())), ...names.filter((n) => !LOOKS.test(n.trim()))];
  let firstConflict: Extract<PhotoOption, { kind: "conflict" }> | undefined;
  for (const name of candidates) {
    const conflict = conflictUnder(variants, name);
    if (!conflict) return { kind: "option", name };
    firstConflict ??= conflict;
  }
  // NOTE: no option at all (variants without option columns cannot exist; kept total).
  return firstConflict ?? { kind: "conflict", name: "", value: "", lines: variants.filter((v) => v.images.length > 0).map((v) => v.line) };
}

/** The first value of `name` whose variants have two different photos, with the lines of those after the first. */
function conflictUnder(variants: readonly PhotoVariant[], name: string): Extract<PhotoOption, { kind: "conflict" }> | undefined {
  const first = new Map<string, string>();
  let found: Extract<PhotoOption, { kind: "conflict" }> | undefined;
  for (const v of variants) {
    const key = variantPhotoKey(v);
    if (key === undefined) continue;
    const value = v.options[name] ?? "";
    const seen = first.get(value);
    if (seen === undefined) first.set(value, key);
    else if (seen !== key) {
      if (!found) found = { kind: "conflict", name, value, lines: [] };
      if (found.value === value) found.lines.push(v.line);
    }
  }
  return found;
}

export interface CarriedVariant<V extends PhotoVariant> {
  variant: V;
  /** The variant shows the photo of a variant with the same option value that looks different (another colour): a warning. */
  sharedFrom?: { line: number; ref: string; option: string; value: string };
}

/**
 * Each variant with the photo the marketplace will show for it, when `option` holds the photos:
 * its own; else the photo of a variant with the same value; else the product's first photo. A
 * product whose variants have no photo of their own is returned as it is.
 */
export function carryVariantPhotos<V extends PhotoVariant>(
  variants: readonly V[],
  option: Extract<PhotoOption, { kind: "option" }>,
  product: { images: readonly string[]; photos?: readonly (ResolvedPhoto | undefined)[] },
): CarriedVariant<V>[] {
  const byValue = new Map<string, V>();
  for (const v of variants) {
    const value = v.options[option.name] ?? "";
    if (v.images.length > 0 && !byValue.has(value)) byValue.set(value, v);
  }
  return variants.map((v) => {
    if (v.images.length > 0) return { variant: v };
    const value = v.options[option.name] ?? "";
    const owner = byValue.get(value);
    if (owner) {
      const variant: V = { ...v, images: owner.images.slice(0, 1), ...(owner.photos ? { photos: owner.photos.slice(0, 1) } : {}) };
      // Said only when the two differ in how they look (a blue shirt shown with the red one's photo).
      const looksDifferent = Object.keys(v.options).some((n) => n !== option.name && LOOKS.test(n.trim()) && v.options[n] !== owner.options[n]);
      return looksDifferent ? { variant, sharedFrom: { line: owner.line, ref: owner.images[0]!, option: option.name, value } } : { variant };
    }
    const main = product.images[0];
    if (main === undefined) return { variant: v };
    const photo = product.photos?.[0];
    return { variant: { ...v, images: [main], ...(photo ? { photos: [photo] } : {}) } };
  });
}
