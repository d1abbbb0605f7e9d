// Help in one language (issue 12.14): commands are registered with English descriptions (command
// descriptions as "English / Indonesian"); before help is shown they are rewritten to the run's
// language. A description without an Indonesian entry here stays English rather than vanish.
import { Help, type Command } from "commander";
import type { Lang } from "../i18n.js";

/** English description -> Indonesian, for options and arguments of every command. */
export const HELP_ID: Readonly<Record<string, string>> = {
  // program and commander's own
  "log level on stderr": "tingkat log di stderr",
  "also write JSON log lines to this file": "tulis juga baris log JSON ke berkas ini",
  "message language (default from LC_ALL/LANG)": "bahasa pesan (bawaan: dari DESBUMI_LANG, kunci lang di config, lalu LC_ALL/LANG)",
  "message language (default: DESBUMI_LANG, the config's lang, then LC_ALL/LANG)": "bahasa pesan (bawaan: DESBUMI_LANG, kunci lang di config, lalu LC_ALL/LANG)",
  "no colours in output": "tanpa warna di keluaran",
  "display help for command": "tampilkan bantuan perintah",
  "output the version number": "tampilkan nomor versi",
  "display help for this command": "tampilkan bantuan perintah ini",
  // validate
  "catalogue files or globs (default: every group in desbumi.config.json)": "berkas katalog atau pola glob (bawaan: semua kelompok di desbumi.config.json)",
  "report format": "format laporan",
  "warnings count as errors (exit 1)": "peringatan dihitung sebagai kesalahan (keluar 1)",
  "check this marketplace's rules (e.g. tokopedia, tokopedia-bulk)": "periksa dengan aturan marketplace ini (mis. tokopedia, tokopedia-bulk)",
  "XLSX: the sheet to read (default: the first)": "XLSX: sheet yang dibaca (bawaan: sheet pertama)",
  "desbumi.config.json to use when no file is given": "desbumi.config.json yang dipakai bila tidak ada berkas yang diberikan",
  // normalize
  "catalogue file (CSV or XLSX)": "berkas katalog (CSV atau XLSX)",
  "write here (atomically) instead of stdout": "tulis ke sini (secara atomik), bukan ke stdout",
  "check this marketplace's rules first": "periksa aturan marketplace ini dulu",
  // sync and apply
  "catalogue file (default: every group in desbumi.config.json)": "berkas katalog (bawaan: semua kelompok di desbumi.config.json)",
  "show the plan and stop (nothing is changed)": "tampilkan rencana lalu berhenti (tidak ada yang diubah)",
  "exit 3 when changes are pending but not applied": "keluar 3 bila ada perubahan yang belum diterapkan",
  "save the plan, to apply later with `desbumi apply`": "simpan rencana, untuk diterapkan nanti dengan `desbumi apply`",
  "apply without asking": "terapkan tanpa bertanya",
  "deactivate listings whose SKU is not in the catalogue": "nonaktifkan produk tayang yang SKU-nya tidak ada di katalog",
  "apply the valid rows only; listings of rows with errors are not touched": "terapkan baris yang benar saja; produk dari baris yang salah tidak disentuh",
  "allow deactivating more than the limit of listings": "izinkan menonaktifkan produk melebihi batas",
  "percent of active listings a plan may deactivate without --allow-mass-deactivate (default 20)":
    "persen produk aktif yang boleh dinonaktifkan satu rencana tanpa --allow-mass-deactivate (bawaan 20)",
  "output format": "format keluaran",
  "category for rows with an empty category cell": "kategori untuk baris yang kolom kategorinya kosong",
  "sync only this group of the config": "sinkronkan hanya kelompok ini dari config",
  "adapter to use (default: config, else the practice shop)": "adapter yang dipakai (bawaan: dari config, jika tidak ada: toko latihan)",
  "marketplace API base URL": "alamat dasar API marketplace",
  "OAuth token URL": "alamat token OAuth",
  "Tokopedia fs_id (app id)": "fs_id Tokopedia (id aplikasi)",
  "Tokopedia shop_id": "shop_id Tokopedia",
  "requests in parallel (default 4)": "jumlah permintaan sekaligus (bawaan 4)",
  "tokopedia-bulk: folder for the upload workbooks": "tokopedia-bulk: folder untuk workbook unggahan",
  "tokopedia-bulk: previous export to compare with": "tokopedia-bulk: ekspor sebelumnya sebagai pembanding",
  "tokopedia-bulk: a previous export to compare with (one workbook or a folder of them)":
    "tokopedia-bulk: ekspor sebelumnya sebagai pembanding (satu workbook atau folder berisi workbook)",
  "desbumi.config.json to use (default: found in this folder or above)": "desbumi.config.json yang dipakai (bawaan: yang ditemukan di folder ini atau di atasnya)",
  "plan file made by `desbumi sync --dry-run --out plan.json`": "berkas rencana dari `desbumi sync --dry-run --out plan.json`",
  // categories
  "show only the categories whose name or path contains this (any case)": "tampilkan hanya kategori yang nama atau jalurnya memuat teks ini (huruf besar/kecil sama saja)",
  "the config group whose marketplace (or practice shop) to ask (default: the config's marketplace block)":
    "kelompok di config yang marketplace-nya (atau toko latihannya) ditanya (bawaan: blok marketplace config)",
  // init
  'a group as "id=Name", e.g. "muiwo=MUIWO Lipursari" (repeatable)': 'satu kelompok sebagai "id=Nama", mis. "muiwo=MUIWO Lipursari" (boleh diulang)',
  "group ids, comma-separated, e.g. muiwo,bumi-adikusuma": "id kelompok, dipisah koma, mis. muiwo,bumi-adikusuma",
  "where the groups sell (practice = the practice shop)": "tempat kelompok berjualan (practice = toko latihan)",
  "do not ask; use the flags and defaults": "jangan bertanya; pakai opsi dan nilai bawaan",
  "overwrite an existing desbumi.config.json (catalogues are never overwritten)": "timpa desbumi.config.json yang sudah ada (katalog tidak pernah ditimpa)",
  "replace desbumi.config.json (a backup is kept; catalogues are never overwritten)": "ganti desbumi.config.json (salinan cadangan disimpan; katalog tidak pernah ditimpa)",
  'add a group "id=Name" to the existing desbumi.config.json, keeping everything else (repeatable)':
    'tambahkan kelompok "id=Nama" ke desbumi.config.json yang sudah ada, yang lain tetap (boleh diulang)',
  // groups, template
  "replace the file if it exists": "timpa berkas bila sudah ada",
  "the file to create, ending in .xlsx or .csv": "berkas yang dibuat, berakhiran .xlsx atau .csv",
  // mock-server
  "address to listen on": "alamat untuk mendengarkan",
  "port (0 = any free port)": "port (0 = port bebas mana saja)",
  "keep the shop in this JSON file across restarts": "simpan toko di berkas JSON ini antar-jalan",
  "preload listings from this JSON file (fresh shop only)": "isi produk dari berkas JSON ini (hanya untuk toko baru)",
  "requests per second per endpoint": "permintaan per detik per endpoint",
  "rate-limit bucket size": "ukuran ember rate limit",
  'inject faults, e.g. "500=0.2,429=0.1,reset=0.05,drop=0.05,latency=20,seed=42"': 'sisipkan gangguan, mis. "500=0.2,429=0.1,reset=0.05,drop=0.05,latency=20,seed=42"',
  "app id (fs_id) the mock answers to": "id aplikasi (fs_id) yang dilayani tiruan ini",
  "shop id bound to the fs_id": "id toko yang terikat pada fs_id",
  "client id (random when not given)": "client id (acak bila tidak diberikan)",
  "client secret (random when not given)": "client secret (acak bila tidak diberikan)",
  "access token lifetime": "masa berlaku access token",
  "which marketplace to imitate: tokopedia or shopee": "marketplace yang ditiru: tokopedia atau shopee",
  // pull
  "the catalogue to write, ending in .xlsx or .csv (default: katalog-toko.xlsx, katalog-toko-<group>.xlsx with --group)":
    "katalog yang ditulis, berakhiran .xlsx atau .csv (bawaan: katalog-toko.xlsx, katalog-toko-<kelompok>.xlsx dengan --group)",
  "download the photos into foto/ next to the catalogue and write their relative paths": "unduh foto ke foto/ di sebelah katalog dan tulis jalur relatifnya",
  "the config group whose shop (or practice shop) to pull": "kelompok di config yang tokonya (atau toko latihannya) ditarik",
};

/** Help text added after the option list (addHelpText), English -> Indonesian. */
export const HELP_AFTER_ID: Readonly<Record<string, string>> = {
  "\nExit codes: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict), 2 could not run.":
    "\nKode keluar: 0 tanpa kesalahan (peringatan boleh), 1 ada kesalahan (atau peringatan dengan --strict), 2 tidak bisa berjalan.",
};

const TITLES_ID: readonly [RegExp, string][] = [
  [/^Usage:/gm, "Cara pakai:"],
  [/^Arguments:$/gm, "Argumen:"],
  [/^Options:$/gm, "Opsi:"],
  [/^Global Options:$/gm, "Opsi umum:"],
  [/^Commands:$/gm, "Perintah:"],
  [/\(default: /g, "(bawaan: "],
  [/\(choices: /g, "(pilihan: "],
];

/** "English / Indonesian" -> the half in `lang`; a description without " / " is one language already. */
export function pickHalf(description: string, lang: Lang): string {
  const cut = description.indexOf(" / ");
  if (cut < 0) return description;
  return lang === "id" ? description.slice(cut + 3) : description.slice(0, cut);
}

/** Every command's description, arguments and options in `lang`, and commander's headings too. */
export function localizeHelp(program: Command, lang: Lang): void {
  const visit = (cmd: Command): void => {
    const own = cmd.description();
    if (own) cmd.description(pickHalf(own, lang));
    if (lang === "id") {
      for (const option of cmd.options) option.description = HELP_ID[option.description] ?? option.description;
      for (const argument of cmd.registeredArguments) argument.description = HELP_ID[argument.description] ?? argument.description;
      cmd.helpOption("-h, --help", HELP_ID["display help for command"]);
      cmd.configureHelp({
        formatHelp: (c, helper) => TITLES_ID.reduce((text, [pattern, id]) => text.replace(pattern, id), Help.prototype.formatHelp.call(helper, c, helper)),
      });
    }
    for (const sub of cmd.commands) visit(sub);
  };
  visit(program);
}

/** Text commander writes to stdout (help, the after-help notes) in `lang`. */
export function localizeHelpOutput(text: string, lang: Lang): string {
  if (lang !== "id") return text;
  let out = text;
  for (const [en, id] of Object.entries(HELP_AFTER_ID)) out = out.split(en.trim()).join(id.trim());
  return out;
}
