// `desbumi shop [--group ID]`: what the target shop holds now (SKU, name, price, stock, status), so
// nobody needs curl to look inside the practice shop. `--add-etalase NAME` creates an etalase in
// a target that can (issue 12.6; the Tokopedia & Shop practice shop has none, a real shop's are
// made in Seller Center).
import type { CommandContext } from "../cli/io.js";
import { UsageError } from "../errors.js";
import { pick } from "../i18n.js";
import { formatRupiah } from "../catalog/money.js";
import { groupThousands } from "../plan/format-value.js";
import { safeText } from "../report/terminal-safe.js";
import type { Listing } from "../plan/types.js";
import { openConfiguredTarget, type ConfiguredTargetOptions } from "../target/configured.js";
import { showTarget } from "../target/practice-shop-name.js";

export interface ShopOptions extends ConfiguredTargetOptions {
  format?: "pretty" | "json";
  addEtalase?: string;
}

export async function runShop(opts: ShopOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const { target } = await openConfiguredTarget(opts, ctx);
  try {
    if (opts.addEtalase !== undefined) {
      if (!target.addEtalase) {
        throw new UsageError({
          id: `${target.label} tidak punya etalase yang bisa ditambah dari desbumi (Tokopedia & Shop, juga toko latihannya, tidak memakai etalase). Di toko Tokopedia lama, buat etalase di Seller Center (Etalase Toko > Tambah Etalase).`,
          en: `${target.label} has no etalase desbumi can add (Tokopedia & Shop, its practice shop included, has no etalase). In a legacy Tokopedia shop, create the etalase in Seller Center (Etalase Toko > Tambah Etalase).`,
        });
      }
      const added = target.addEtalase(opts.addEtalase);
      io.stdout.write(`${pick({ id: `Etalase "${added.name}" ada di ${showTarget(target.label, "id")} (id ${added.id}).`, en: `Etalase "${added.name}" is in ${showTarget(target.label, "en")} (id ${added.id}).` }, lang)}\n`);
      return 0;
    }
    const { adapter } = target;
    if (!adapter.capabilities.canList) {
      throw new UsageError({
        id: `${showTarget(target.label, "id")} tidak bisa dibaca (berkas unggahan, bukan toko). Lihat isinya di Seller Center.`,
        en: `${showTarget(target.label, "en")} cannot be read (upload files, not a shop). Look at it in Seller Center.`,
      });
    }
    const listings = [...(await adapter.listListings())].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.id.localeCompare(b.id)));
    if (opts.format === "json") {
      const doc = { format: "desbumi-shop", version: 1, target: target.label, practiceShop: target.isPracticeShop, listings: listings.map(toJson) };
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      io.stdout.write(renderShop(showTarget(target.label, lang), listings, lang));
    }
    return 0;
  } finally {
    await target.close();
  }
}

const toJson = (l: Listing) => ({ id: l.id, sku: l.sku, name: l.name, price: l.price, stock: l.stock, status: l.status, ...(l.stockUnlimited ? { stockUnlimited: true } : {}) });

export function renderShop(label: string, listings: readonly Listing[], lang: "id" | "en"): string {
  const t = (id: string, en: string): string => pick({ id, en }, lang);
  const head = `${t("Toko", "Shop")}: ${safeText(label)}\n`;
  if (listings.length === 0) return `${head}${t("Belum ada produk di toko ini.", "This shop has no listings yet.")}\n`;
  const rows = listings.map((l) => [
    l.sku === "" ? t("(tanpa SKU)", "(no SKU)") : safeText(l.sku),
    safeText(l.name),
    formatRupiah(l.price),
    l.stockUnlimited ? t("selalu ada", "always") : groupThousands(l.stock),
    l.status === "active" ? t("aktif", "active") : t("nonaktif", "inactive"),
    safeText(l.id),
  ]);
  const header = [t("SKU", "SKU"), t("Nama", "Name"), t("Harga", "Price"), t("Stok", "Stock"), t("Status", "Status"), t("Id", "Id")];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  const active = listings.filter((l) => l.status === "active").length;
  const count = t(`${listings.length} produk (${active} aktif)`, `${listings.length} listing${listings.length === 1 ? "" : "s"} (${active} active)`);
  return `${head}\n${line(header)}\n${rows.map(line).join("\n")}\n\n${count}\n`;
}
