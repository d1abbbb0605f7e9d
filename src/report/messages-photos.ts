// Wording of the photo issues (src/photos, src/catalog/images.ts), in Bahasa Indonesia and English.
import type { IssueCode } from "../issues.js";
import type { Lang } from "../i18n.js";
import { groupDigits, type Facts } from "./facts.js";
import type { Wording } from "./messages.js";

const sp = (s: string): string => (s ? ` ${s}` : "");
const inBrackets = (s: string): string => (s ? ` (${s})` : "");
const megabytes = (bytes: number | undefined, lang: Lang): string => {
  if (bytes === undefined) return "?";
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${lang === "id" ? String(mb).replace(".", ",") : String(mb)} MB`;
};
const px = (f: Facts, lang: Lang): string => {
  const w = f.num("width");
  const h = f.num("height");
  return w === undefined || h === undefined ? "" : `${groupDigits(w, lang)} x ${groupDigits(h, lang)} px`;
};
const formatsOf = (f: Facts): string => f.text("formats") ?? "JPG, PNG";
const ACTUAL: Record<string, { id: string; en: string }> = {
  pdf: { id: "dokumen PDF", en: "a PDF document" },
  html: { id: "halaman web (HTML), bukan gambar", en: "a web page (HTML), not an image" },
  gif: { id: "gambar GIF", en: "a GIF image" },
  bmp: { id: "gambar BMP", en: "a BMP image" },
  tiff: { id: "gambar TIFF", en: "a TIFF image" },
  avif: { id: "gambar AVIF", en: "an AVIF image" },
  zip: { id: "arsip ZIP atau dokumen Office", en: "a ZIP archive or Office document" },
  text: { id: "berkas teks", en: "a text file" },
  empty: { id: "berkas kosong (0 byte)", en: "an empty file (0 bytes)" },
  unknown: { id: "bukan gambar yang dikenali", en: "not an image desbumi recognises" },
  "image/jpeg": { id: "gambar JPG", en: "a JPG image" },
  "image/png": { id: "gambar PNG", en: "a PNG image" },
  "image/webp": { id: "gambar WEBP", en: "a WEBP image" },
};
const actualOf = (f: Facts, lang: Lang): string => (ACTUAL[f.text("actual") ?? "unknown"] ?? ACTUAL.unknown!)[lang];
const SHARE_KIND: Record<string, { id: string; en: string }> = {
  "google-photos": { id: "tautan album Google Photos", en: "a Google Photos album link" },
  "drive-folder": { id: "tautan folder Google Drive", en: "a Google Drive folder link" },
  "drive-unknown": { id: "tautan Google Drive tanpa nomor berkas", en: "a Google Drive link without a file id" },
  "dropbox-folder": { id: "tautan folder Dropbox", en: "a Dropbox folder link" },
  drive: { id: "tautan berbagi Google Drive", en: "a Google Drive share link" },
  dropbox: { id: "tautan berbagi Dropbox", en: "a Dropbox share link" },
};
const optionValue = (f: Facts, lang: Lang): string => {
  const option = f.text("option");
  const value = f.text("value");
  if (option === undefined) return lang === "id" ? "nilai pilihan yang sama" : "the same option value";
  return `${option}=${value ?? ""}`;
};
const shareKind = (f: Facts, lang: Lang): string => (SHARE_KIND[f.text("kind") ?? "drive"] ?? SHARE_KIND.drive!)[lang];

export const PHOTO_WORDING = {
  PHOTO_URL_PUNCTUATION: {
    message: {
      id: (f) => `Alamat foto${sp(f.quoted)} diakhiri tanda baca; marketplace akan mengambil alamat yang salah`,
      en: (f) => `Photo link${sp(f.quoted)} ends in punctuation; the marketplace would fetch the wrong address`,
    },
    hint: {
      id: () => "Hapus tanda baca di akhir tautan; pisahkan beberapa foto dengan | , atau ;",
      en: () => "Remove the punctuation at the end of the link; separate several photos with | , or ;",
    },
  },
  PHOTO_NOT_FOUND: {
    message: {
      id: (f) => `Berkas foto${sp(f.quoted)} tidak ditemukan${f.text("folder") ? ` (dicari di ${f.text("folder")})` : ""}`,
      en: (f) => `Photo file${sp(f.quoted)} not found${f.text("folder") ? ` (looked in ${f.text("folder")})` : ""}`,
    },
    hint: {
      id: (f) =>
        f.text("suggestion")
          ? `Mungkin maksudnya "${f.text("suggestion")}"? Perbaiki nama di sel atau nama berkasnya`
          : "Simpan foto di folder foto grup (config \"photos\", bawaan foto/ di samping katalog) atau tulis jalurnya dari folder katalog, misalnya foto/kopi-1.jpg",
      en: (f) =>
        f.text("suggestion")
          ? `Did you mean "${f.text("suggestion")}"? Fix the name in the cell or rename the file`
          : 'Put the photo in the group\'s photo folder (config "photos", default foto/ next to the catalogue) or write its path from the catalogue\'s folder, e.g. foto/kopi-1.jpg',
    },
  },
  PHOTO_NOT_IMAGE: {
    message: {
      id: (f) => `Berkas foto${sp(f.quoted)} adalah ${actualOf(f, "id")}, bukan foto JPG, PNG atau WEBP`,
      en: (f) => `Photo file${sp(f.quoted)} is ${actualOf(f, "en")}, not a JPG, PNG or WEBP photo`,
    },
    hint: {
      id: () => "Buka foto aslinya lalu simpan (Save As / Export) sebagai JPG; mengganti akhiran nama berkas saja tidak mengubah isinya",
      en: () => "Open the original photo and save it (Save As / Export) as JPG; renaming the file does not change what is inside",
    },
  },
  PHOTO_HEIC: {
    message: {
      id: (f) => `Berkas foto${sp(f.quoted)} berformat HEIC (foto iPhone), yang tidak diterima marketplace`,
      en: (f) => `Photo file${sp(f.quoted)} is HEIC (an iPhone photo), which marketplaces do not accept`,
    },
    hint: {
      id: () =>
        "Ubah ke JPG: di iPhone pilih Pengaturan > Kamera > Format > Paling Kompatibel untuk foto baru; untuk foto yang ada, kirim lewat WhatsApp atau buka di Windows Photos / Preview Mac lalu Simpan Sebagai JPG",
      en: () =>
        "Convert it to JPG: on the iPhone choose Settings > Camera > Formats > Most Compatible for new photos; for existing ones, send them through WhatsApp or open them in Windows Photos / Mac Preview and Save As JPG",
    },
  },
  PHOTO_FORMAT_NOT_ALLOWED: {
    message: {
      id: (f) => `Foto${sp(f.quoted)} adalah ${actualOf(f, "id")}, yang tidak diterima marketplace ini (diterima: ${formatsOf(f)})`,
      en: (f) => `Photo${sp(f.quoted)} is ${actualOf(f, "en")}, which this marketplace does not accept (accepted: ${formatsOf(f)})`,
    },
    hint: {
      id: (f) => `Simpan ulang foto sebagai ${formatsOf(f)}`,
      en: (f) => `Save the photo again as ${formatsOf(f)}`,
    },
  },
  PHOTO_UNREADABLE: {
    message: {
      id: (f) => `Berkas foto${sp(f.quoted)} tidak bisa dibaca${f.text("reason") ? ` (${f.text("reason")})` : ""}`,
      en: (f) => `Photo file${sp(f.quoted)} cannot be read${f.text("reason") ? ` (${f.text("reason")})` : ""}`,
    },
    hint: {
      id: () => "Pastikan berkas tidak rusak atau terpotong (coba buka di galeri foto) dan boleh dibaca; salin ulang dari sumbernya",
      en: () => "Check the file is not damaged or cut short (open it in a photo viewer) and is readable; copy it again from its source",
    },
  },
  PHOTO_TOO_LARGE: {
    message: {
      id: (f) => `Foto${sp(f.quoted)} terlalu besar: ${megabytes(f.num("bytes"), "id")}, maksimal ${megabytes(f.num("max"), "id")}`,
      en: (f) => `Photo${sp(f.quoted)} is too large: ${megabytes(f.num("bytes"), "en")}, at most ${megabytes(f.num("max"), "en")}`,
    },
    hint: {
      id: () => "Perkecil foto (misalnya kirim lewat WhatsApp, atau simpan ulang dengan kualitas JPG 80%)",
      en: () => "Make the photo smaller (e.g. send it through WhatsApp, or save it again at 80% JPG quality)",
    },
  },
  PHOTO_DIMENSIONS: {
    message: {
      id: (f) => `Ukuran foto${sp(f.quoted)}${sp(px(f, "id"))} di luar batas marketplace ini (${f.num("min") ?? "?"} sampai ${groupDigits(f.num("max") ?? 0, "id")} px per sisi)`,
      en: (f) => `Photo${sp(f.quoted)}${px(f, "en") ? ` is ${px(f, "en")},` : " is"} outside this marketplace's limits (${f.num("min") ?? "?"} to ${groupDigits(f.num("max") ?? 0, "en")} px per side)`,
    },
    hint: {
      id: (f) => `Gunakan foto dengan sisi antara ${f.num("min") ?? "?"} dan ${groupDigits(f.num("max") ?? 0, "id")} piksel; foto ponsel biasa cukup, perkecil jika terlalu besar`,
      en: (f) => `Use a photo whose sides are between ${f.num("min") ?? "?"} and ${groupDigits(f.num("max") ?? 0, "en")} pixels; an ordinary phone photo is fine, shrink it if too large`,
    },
  },
  PHOTO_NOT_SQUARE: {
    message: {
      id: (f) => `Foto${sp(f.quoted)} sangat tidak persegi${inBrackets(px(f, "id"))}; marketplace memotongnya menjadi persegi`,
      en: (f) => `Photo${sp(f.quoted)} is far from square${inBrackets(px(f, "en"))}; marketplaces crop it to a square`,
    },
    hint: {
      id: () => "Potong foto menjadi persegi (1:1) dengan produk di tengah",
      en: () => "Crop the photo to a square (1:1) with the product in the middle",
    },
  },
  PHOTO_SHARE_LINK_REWRITTEN: {
    message: {
      id: (f) => `${shareKind(f, "id")}${sp(f.quoted)} adalah halaman web; desbumi memakai tautan unduhan langsungnya ${f.text("url") ?? ""}`.trim(),
      en: (f) => `${shareKind(f, "en")}${sp(f.quoted)} is a web page; desbumi uses its direct-download link ${f.text("url") ?? ""}`.trim(),
    },
    hint: {
      id: () => "Pastikan berkas dibagikan ke \"Siapa saja yang memiliki link\"; lebih baik lagi, simpan foto di folder foto/ dan tulis nama berkasnya",
      en: () => 'Make sure the file is shared with "Anyone with the link"; better still, save the photo in the foto/ folder and write its file name',
    },
  },
  PHOTO_SHARE_LINK_UNUSABLE: {
    message: {
      id: (f) => `${shareKind(f, "id")}${sp(f.quoted)} tidak menunjuk ke satu foto, jadi tidak bisa dipakai sebagai foto produk`,
      en: (f) => `${shareKind(f, "en")}${sp(f.quoted)} does not point to one photo, so it cannot be used as a product photo`,
    },
    hint: {
      id: () => "Unduh fotonya ke folder foto/ dan tulis nama berkasnya, atau bagikan tiap foto sendiri-sendiri (Google Drive: Bagikan > Salin link pada satu berkas)",
      en: () => "Download the photos into the foto/ folder and write their file names, or share each photo on its own (Google Drive: Share > Copy link on one file)",
    },
  },
  PHOTO_UPLOAD_UNSUPPORTED: {
    message: {
      id: (f) => `Foto${sp(f.quoted)} adalah berkas di komputer, tetapi ${f.text("target") ?? "marketplace ini"} hanya menerima tautan foto https://`,
      en: (f) => `Photo${sp(f.quoted)} is a file on this computer, but ${f.text("target") ?? "this marketplace"} only takes https:// photo links`,
    },
    hint: {
      id: () => "Unggah foto ke tempat yang bisa dibuka publik dan tempel tautannya, atau pilih marketplace yang menerima unggahan foto (TikTok Shop, Shopee)",
      en: () => "Upload the photo somewhere public and paste its link, or target a marketplace that takes photo uploads (TikTok Shop, Shopee)",
    },
  },
  VARIANT_PHOTO_CONFLICT: {
    message: {
      id: (f) =>
        `Varian dengan ${optionValue(f, "id")} punya foto yang berbeda-beda, tetapi marketplace ini hanya menyimpan satu foto per nilai ${f.text("rule") === "first-option" ? `pilihan pertama (${f.text("option") ?? "pilihan"})` : "dari satu pilihan"}`,
      en: (f) =>
        `Variants with ${optionValue(f, "en")} have different photos, but this marketplace keeps one photo per value of ${f.text("rule") === "first-option" ? `the first option (${f.text("option") ?? "option"})` : "one option"}`,
    },
    hint: {
      id: () => "Beri foto yang sama untuk semua varian dengan nilai ini (misalnya satu foto per warna), atau kosongkan foto varian selain satu",
      en: () => "Give every variant with this value the same photo (e.g. one photo per colour), or leave the photo empty on all but one of them",
    },
  },
  VARIANT_PHOTO_SHARED: {
    message: {
      id: (f) => `Varian ini tanpa foto sendiri akan tampil dengan foto${sp(f.quoted)} dari baris ${f.text("from") ?? "lain"}: marketplace ini menyimpan satu foto per nilai ${f.text("option") ?? "pilihan"} (${optionValue(f, "id")})`,
      en: (f) => `This variant has no photo of its own and will show photo${sp(f.quoted)} of line ${f.text("from") ?? "?"}: this marketplace keeps one photo per value of ${f.text("option") ?? "one option"} (${optionValue(f, "en")})`,
    },
    hint: {
      id: () => "Jika foto itu tidak cocok untuk varian ini, beri setiap varian dengan nilai ini fotonya, atau ubah urutan kolom pilihan (pilihan yang menentukan tampilan, misalnya Warna, lebih dulu)",
      en: () => "If that photo does not fit this variant, give each variant with this value its photo, or reorder the option columns (the option that changes the look, such as Colour, first)",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
