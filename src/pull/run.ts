// `desbumi pull [--group ID] [-o katalog.csv|.xlsx] [--photos]`: the live shop written as a
// catalogue in desbumi's own columns, so a group that already sells starts from what its shop
// holds (issue 12, "Taking over a shop"). `sync` of the written file changes nothing.
import { access } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { CommandContext } from "../cli/io.js";
import { checkOutputPath } from "../cli/output-path.js";
import { UsageError } from "../errors.js";
import { pick, text, type Text } from "../i18n.js";
import { openConfiguredTarget, type ConfiguredTargetOptions } from "../target/configured.js";
import { showTarget } from "../target/practice-shop-name.js";
import { downloadPhotos } from "./photos.js";
import { pulledCatalog } from "./rows.js";
import { buildPulledCsv, buildPulledXlsx, writePulledFile, type PullFormat } from "./write-catalog.js";

export interface PullOptions extends ConfiguredTargetOptions {
  out?: string;
  photos?: boolean;
  force?: boolean;
}

/** `katalog-toko.xlsx`, or `katalog-toko-<group>.xlsx` for a config group. */
export const defaultPullFile = (group?: string): string => `katalog-toko${group === undefined ? "" : `-${group}`}.xlsx`;

function formatOf(file: string): PullFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".xlsx") return "xlsx";
  throw new UsageError(
    text(
      `Tidak bisa menulis katalog ke "${file}": akhiran nama harus .xlsx atau .csv${ext === ".xls" ? " (format .xls lama tidak didukung, pakai .xlsx)" : ""}.`,
      `Cannot write the catalogue to "${file}": the name must end in .xlsx or .csv${ext === ".xls" ? " (the old .xls format is not supported, use .xlsx)" : ""}.`,
    ),
  );
}

export async function runPull(opts: PullOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const file = opts.out ?? defaultPullFile(opts.group);
  const format = formatOf(file);
  const path = resolve(io.cwd, file);
  const force = opts.force === true;
  if (!force && (await exists(path))) {
    throw new UsageError(
      text(`${file} sudah ada; tidak ditimpa. Pakai nama lain (-o), atau --force untuk menimpanya.`, `${file} already exists; not overwritten. Choose another name (-o), or use --force to replace it.`),
    );
  }
  const { target, config } = await openConfiguredTarget(opts, ctx);
  try {
    // NOTE: after the config is known: the output may not be the config itself (nor desbumi's state).
    checkOutputPath({ flag: "-o", path: file, cwd: io.cwd, inputs: config ? [config.path] : [] });
    const shown = showTarget(target.label, lang);
    if (!target.adapter.capabilities.canList) {
      throw new UsageError({
        id: `${showTarget(target.label, "id")} tidak bisa dibaca (berkas unggahan, bukan toko): tidak ada yang bisa ditarik. Unduh produk Anda dari Seller Center.`,
        en: `${showTarget(target.label, "en")} cannot be read (upload files, not a shop): there is nothing to pull. Download your products from Seller Center.`,
      });
    }
    const catalog = pulledCatalog(await target.adapter.listListings());
    const photos = opts.photos === true ? await downloadPhotos(catalog, dirname(path)) : undefined;
    const table = { headers: catalog.headers, rows: catalog.rows };
    await writePulledFile(path, file, format === "csv" ? buildPulledCsv(table) : await buildPulledXlsx(table), { force });

    const say = (t: Text): void => void io.stdout.write(`${pick(t, lang)}\n`);
    const n = catalog.rows.length;
    const variantsNote: Text =
      catalog.variants > 0 ? { id: `, ${catalog.variants} baris varian`, en: `, ${catalog.variants} variant row${catalog.variants === 1 ? "" : "s"}` } : { id: "", en: "" };
    say({
      id: `Ditulis: ${file} (${n} baris dari ${catalog.listings} produk di ${showTarget(target.label, "id")}${variantsNote.id})`,
      en: `Written: ${file} (${n} row${n === 1 ? "" : "s"} from ${catalog.listings} listing${catalog.listings === 1 ? "" : "s"} in ${showTarget(target.label, "en")}${variantsNote.en})`,
    });
    if (catalog.listings === 0) say({ id: `Toko ${shown} belum punya produk: berkas hanya berisi judul kolom.`, en: `${shown} has no listings yet: the file holds only the column titles.` });
    if (photos) {
      if (photos.written.length > 0) say({ id: `Foto: ${photos.written.length} diunduh ke foto/ (jalur relatif di sel foto).`, en: `Photos: ${photos.written.length} downloaded into foto/ (relative paths in the photo cells).` });
      for (const failure of photos.failed) {
        say({ id: `  Foto tidak terunduh, sel tetap berisi alamatnya: ${failure.url} (${failure.reason})`, en: `  Photo not downloaded, its cell keeps the address: ${failure.url} (${failure.reason})` });
      }
    }
    if (catalog.withoutSku > 0) {
      const k = catalog.withoutSku;
      say({
        id: `${k} produk tanpa SKU (dibuat langsung di Seller Center) ditulis dengan sel SKU kosong. Isi SKU untuk tiap baris itu, lalu jalankan: desbumi sync ${file} --adopt — desbumi memasang SKU pada produk yang sudah ada, bukan membuat produk kedua.`,
        en: `${k} listing${k === 1 ? "" : "s"} without a SKU (made by hand in Seller Center) ${k === 1 ? "is" : "are"} written with an empty SKU cell. Fill in a SKU on ${k === 1 ? "that row" : "each of those rows"}, then run: desbumi sync ${file} --adopt — desbumi puts the SKU on the existing listing instead of creating a second one.`,
      });
    }
    if (catalog.stockUnlimited > 0) {
      const k = catalog.stockUnlimited;
      say({
        id: `${k} produk berstok "selalu ada" (tanpa batas) ditulis dengan stok yang dilaporkan toko; sync akan memberinya stok terbatas sesuai berkas.`,
        en: `${k} listing${k === 1 ? "" : "s"} with "always available" (unlimited) stock ${k === 1 ? "is" : "are"} written with the stock the shop reports; sync gives ${k === 1 ? "it" : "them"} the limited stock of the file.`,
      });
    }
    say({ id: `Periksa: desbumi validate ${file}`, en: `Check it: desbumi validate ${file}` });
    return 0;
  } finally {
    await target.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
