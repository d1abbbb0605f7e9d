// Plan lines for the variants of one change, shown under their product:
// `+ variant BTK-M (Ukuran=M, Warna=Merah) Rp 25.000  stock 5`, `~ variant BTK-L price: Rp 25.000 -> Rp 27.000`,
// `- variant BTK-S`.
import type { createColors } from "picocolors";
import { formatRupiah } from "../catalog/money.js";
import type { Variant } from "../catalog/types.js";
import { pick, type Lang, type Text } from "../i18n.js";
import { formatImagesChange, groupThousands } from "./format-value.js";
import type { Change, VariantField, VariantFieldChange } from "./types.js";
import { formatOptions } from "./variant-diff.js";
import { safeText } from "../report/terminal-safe.js";

export const VARIANT_FIELD_LABELS: Record<VariantField, Text> = {
  options: { id: "pilihan", en: "options" },
  price: { id: "harga", en: "price" },
  stock: { id: "stok", en: "stock" },
  images: { id: "foto", en: "photo" },
  status: { id: "status", en: "status" },
};

const INDENT = "    ";

type Colors = ReturnType<typeof createColors>;

export function renderVariantLines(change: Change, lang: Lang, c: Colors): string[] {
  const t = (text: Text): string => pick(text, lang);
  const word = t({ id: "varian", en: "variant" });
  if (change.kind === "create") return (change.product.variants ?? []).map((v) => `${INDENT}${c.green("+")} ${word} ${describeVariant(v, lang)}`);
  if (change.kind === "deactivate") return [];
  return (change.variants ?? []).map((vc) => {
    if (vc.kind === "add") return `${INDENT}${c.green("+")} ${word} ${describeVariant(vc.variant, lang)}`;
    if (vc.kind === "remove") return `${INDENT}${c.red("-")} ${word} ${safeText(vc.sku)}`;
    return `${INDENT}${c.yellow("~")} ${word} ${safeText(vc.sku)} ${vc.fields.map((f) => fieldText(f, lang, c)).join("; ")}`;
  });
}

/** `BTK-M (Ukuran=M, Warna=Merah) Rp 25.000  stock 5`, and `(inactive)` when it is not for sale. */
function describeVariant(v: Variant, lang: Lang): string {
  const t = (text: Text): string => pick(text, lang);
  const options = Object.keys(v.options).length > 0 ? ` (${safeText(formatOptions(v.options))})` : "";
  const inactive = v.status === "inactive" ? t({ id: "  (nonaktif)", en: "  (inactive)" }) : "";
  return `${safeText(v.sku)}${options} ${formatRupiah(v.price)}  ${t({ id: "stok", en: "stock" })} ${groupThousands(v.stock)}${inactive}`;
}

function fieldText(f: VariantFieldChange, lang: Lang, c: Colors): string {
  const label = pick(VARIANT_FIELD_LABELS[f.field], lang);
  if (f.field === "images") {
    const photos = formatImagesChange(f.from, f.to, lang);
    return `${label}: ${photos.from !== undefined ? `${c.dim(photos.from)} -> ` : ""}${photos.to}`;
  }
  return `${label}: ${c.dim(valueText(f.field, f.from, lang))} -> ${valueText(f.field, f.to, lang)}`;
}

function valueText(field: VariantField, value: unknown, lang: Lang): string {
  if (field === "price" && typeof value === "number") return formatRupiah(value);
  if (field === "stock" && typeof value === "number") return groupThousands(value);
  if (field === "status") return value === "inactive" ? pick({ id: "nonaktif", en: "inactive" }, lang) : pick({ id: "aktif", en: "active" }, lang);
  if (field === "options" && typeof value === "object" && value !== null) return `(${safeText(formatOptions(value as Record<string, string>))})`;
  return String(value);
}
