// The plan as a facilitator reads it, like `terraform plan`: one line per change, changed fields only.
import { createColors } from "picocolors";
import { pick, type Lang, type Text } from "../i18n.js";
import { formatRupiah } from "../catalog/money.js";
import { formatAttributesChange, formatFieldValue, formatImagesChange, formatWeight, groupThousands } from "./format-value.js";
import { renderVariantLines } from "./render-variants.js";
import { summarizePlan, type PlanSummary } from "./summary.js";
import { safeText } from "../report/terminal-safe.js";
import type { Change, LeftAlone, ListingField, Plan } from "./types.js";
import { showTarget } from "../target/practice-shop-name.js";

export interface RenderOptions {
  lang: Lang;
  color: boolean;
}

const LISTED_SKUS_MAX = 10;

export const FIELD_LABELS: Record<ListingField, Text> = {
  name: { id: "nama", en: "name" },
  description: { id: "deskripsi", en: "description" },
  price: { id: "harga", en: "price" },
  stock: { id: "stok", en: "stock" },
  weight: { id: "berat", en: "weight" },
  category: { id: "kategori", en: "category" },
  condition: { id: "kondisi", en: "condition" },
  min_order: { id: "min. pesan", en: "min order" },
  etalase: { id: "etalase", en: "etalase" },
  images: { id: "foto", en: "images" },
  attributes: { id: "atribut", en: "attributes" },
};

const KIND_WORDS: Record<Change["kind"], Text> = {
  create: { id: "buat", en: "create" },
  update: { id: "ubah", en: "update" },
  deactivate: { id: "nonaktifkan", en: "deactivate" },
  reactivate: { id: "aktifkan lagi", en: "reactivate" },
};

export function renderPlanText(plan: Plan, opts: RenderOptions): string {
  const c = createColors(opts.color);
  const t = (text: Text): string => pick(text, opts.lang);
  const lines: string[] = [...renderPlanHeader(plan, opts), ""];

  const marks: Record<Change["kind"], string> = {
    create: c.green("+"),
    update: c.yellow("~"),
    deactivate: c.red("-"),
    reactivate: c.cyan("↻"),
  };
  for (const change of plan.changes) {
    const head =
      change.kind !== "create" && change.adopt
        ? `${c.yellow("~")} ${t({ id: "ambil alih", en: "adopt" })} ${safeText(change.listingId)} ${t({ id: "sebagai", en: "as" })} ${c.bold(safeText(change.sku))}${change.kind === "update" ? "" : ` (${t(KIND_WORDS[change.kind])})`}`
        : `${marks[change.kind]} ${t(KIND_WORDS[change.kind])} ${c.bold(safeText(change.sku))}`;
    if (change.kind === "create") {
      const p = change.product;
      const stock = t({ id: "stok", en: "stock" });
      const inactive = p.status === "inactive" ? c.yellow(t({ id: "  (nonaktif: dibuat tapi tidak dijual)", en: "  (inactive: created but not for sale)" })) : "";
      lines.push(`${head}  ${safeText(p.name)}  ${formatRupiah(p.price)}  ${formatWeight(p.weight)}  ${stock} ${groupThousands(p.stock)}${inactive}`);
      lines.push(...renderVariantLines(change, opts.lang, c));
      continue;
    }
    const why =
      change.kind === "deactivate"
        ? change.reason === "pruned"
          ? t({ id: " (tidak ada di katalog)", en: " (not in catalogue)" })
          : t({ id: " (baris katalog berstatus nonaktif)", en: " (its row says inactive)" })
        : "";
    lines.push(`${head}${why}`);
    for (const f of change.fields) {
      const label = t(FIELD_LABELS[f.field]);
      if (f.field === "images") {
        const photos = formatImagesChange(f.from, f.to, opts.lang);
        lines.push(`    ${label}: ${photos.from !== undefined ? `${c.dim(photos.from)} -> ` : ""}${photos.to}`);
        continue;
      }
      if (f.field === "attributes") {
        // One line per attribute: `attribute Bahan: Katun -> Sutra`.
        for (const a of formatAttributesChange(f.from, f.to, opts.lang)) lines.push(`    ${t({ id: "atribut", en: "attribute" })} ${a.name}: ${c.dim(a.from)} -> ${a.to}`);
        continue;
      }
      const from = formatFieldValue(f.field, f.from, opts.lang, plan.names);
      const to = formatFieldValue(f.field, f.to, opts.lang, plan.names);
      lines.push(`    ${label}: ${c.dim(from)} -> ${to}`);
    }
    lines.push(...renderVariantLines(change, opts.lang, c));
  }
  if (plan.changes.length > 0) lines.push("");

  lines.push(...renderLeftAlone(plan.leftAlone, opts.lang));
  for (const d of plan.duplicates ?? []) {
    // Issue 12.12: listings without SKU are not duplicates of each other (renderLeftAlone names them).
    if (d.sku === "") continue;
    const [kept, ...rest] = d.listingIds.map(safeText);
    const sku = safeText(d.sku);
    const ids = [kept, ...rest].join(", ");
    lines.push(
      t({
        id: `Perhatian: SKU ${sku} dipakai ${d.listingIds.length} produk di marketplace (${ids}); hanya ${kept} yang disesuaikan, sisanya (${rest.join(", ")}) dibiarkan — hapus duplikatnya di marketplace.`,
        en: `Warning: SKU ${sku} is on ${d.listingIds.length} listings (${ids}); only ${kept} is kept in sync, the others (${rest.join(", ")}) are left alone — remove the duplicates on the marketplace.`,
      }),
    );
  }
  if (plan.changes.length === 0) {
    lines.push(t({ id: "Tidak ada perubahan: toko sudah sesuai katalog.", en: "No changes: the shop already matches the catalogue." }));
  }
  lines.push(c.bold(renderPlanSummaryLine(summarizePlan(plan), opts.lang)));
  return `${lines.join("\n")}\n`;
}

/** "Target: ..." and "Catalogue: ..." lines; every output names the shop it is about. */
export function renderPlanHeader(
  plan: Pick<Plan, "target" | "practiceShop" | "group"> & { catalog: Pick<Plan["catalog"], "file"> },
  opts: RenderOptions,
): string[] {
  const t = (text: Text): string => pick(text, opts.lang);
  const practice = plan.practiceShop
    ? t({ id: "  [TOKO LATIHAN — bukan toko sungguhan]", en: "  [PRACTICE SHOP — not a real shop]" })
    : "";
  const group = plan.group ? t({ id: ` (kelompok ${safeText(plan.group)})`, en: ` (group ${safeText(plan.group)})` }) : "";
  return [
    `${t({ id: "Tujuan", en: "Target" })}: ${safeText(showTarget(plan.target, opts.lang))}${practice}`,
    `${t({ id: "Katalog", en: "Catalogue" })}: ${safeText(plan.catalog.file)}${group}`,
  ];
}

export function renderPlanSummaryLine(s: PlanSummary, lang: Lang): string {
  const v = s.variants;
  const variants = v
    ? lang === "id"
      ? ` Varian: ${v.add} ditambah, ${v.update} diubah, ${v.remove} dihapus.`
      : ` Variants: ${v.add} to add, ${v.update} to update, ${v.remove} to remove.`
    : "";
  return lang === "id"
    ? `Rencana: ${s.create} dibuat, ${s.update} diubah, ${s.deactivate} dinonaktifkan, ${s.reactivate} diaktifkan lagi, ${s.unchanged} tidak berubah.${variants}`
    : `Plan: ${s.create} to create, ${s.update} to update, ${s.deactivate} to deactivate, ${s.reactivate} to reactivate, ${s.unchanged} unchanged.${variants}`;
}

function renderLeftAlone(leftAlone: readonly LeftAlone[], lang: Lang): string[] {
  const lines: string[] = [];
  const of = (reason: LeftAlone["reason"]): string[] => leftAlone.filter((l) => l.reason === reason).map((l) => l.sku);
  const list = (values: string[]): string => {
    const skus = values.slice(0, LISTED_SKUS_MAX).map(safeText);
    return values.length > LISTED_SKUS_MAX ? `${skus.join(", ")}, …` : skus.join(", ");
  };
  const notInCatalog = of("not-in-catalog");
  if (notInCatalog.length > 0) {
    lines.push(
      lang === "id"
        ? `Tidak ada di katalog, dibiarkan: ${notInCatalog.length} produk (pakai --prune untuk menonaktifkan): ${list(notInCatalog)}`
        : `Not in catalogue, left alone: ${notInCatalog.length} listing${notInCatalog.length === 1 ? "" : "s"} (use --prune to deactivate): ${list(notInCatalog)}`,
    );
  }
  const invalid = of("invalid-row");
  if (invalid.length > 0) {
    lines.push(
      lang === "id"
        ? `Barisnya bermasalah, produknya dibiarkan: ${invalid.length} (${list(invalid)})`
        : `Rows with errors, their listings left alone: ${invalid.length} (${list(invalid)})`,
    );
  }
  const hasVariants = of("has-variants");
  if (hasVariants.length > 0) {
    lines.push(
      lang === "id"
        ? `Baris tanpa varian, produk di toko bervarian, dibiarkan: ${hasVariants.length} (${list(hasVariants)})`
        : `Rows without variants whose listings have variants, left alone: ${hasVariants.length} (${list(hasVariants)})`,
    );
  }
  const noSku = leftAlone.filter((l) => l.reason === "no-sku");
  if (noSku.length > 0) {
    lines.push(
      lang === "id"
        ? `Produk tanpa SKU (dibuat langsung di marketplace), dibiarkan: ${noSku.length} (id ${list(noSku.map((l) => l.listingId))}); desbumi tidak pernah menghapus atau menonaktifkannya. Untuk mengelolanya dengan desbumi: sync --adopt (mencocokkan nama dengan baris katalog)`
        : `Listings without a SKU (made by hand on the marketplace), left alone: ${noSku.length} (ids ${list(noSku.map((l) => l.listingId))}); desbumi never deletes or deactivates them. To manage them with desbumi: sync --adopt (matches them to catalogue rows by name)`,
    );
  }
  return lines;
}
