// Wording of the xlsx workbook issues (issue 13.5 and 13.20): a workbook past the reader's limits,
// and values that come from outside the file (external links, web formulas, macros).
import type { IssueCode } from "../issues.js";
import type { Lang } from "../i18n.js";
import { groupDigits, type Facts } from "./facts.js";
import type { Wording } from "./messages.js";

const MB = 1024 * 1024;

/** The limit FILE_TOO_LARGE names, as a phrase: "unpacks to more than 256 MB". */
function limitPhrase(f: Facts, lang: Lang): string {
  const max = f.num("max");
  const part = f.text("part");
  const size = max === undefined ? "" : ` ${groupDigits(Math.round(max / MB), lang)} MB`;
  const count = max === undefined ? "" : ` ${groupDigits(max, lang)}`;
  const of = part ? ` (${part})` : "";
  switch (f.text("limit")) {
    case "entry_bytes":
      return lang === "id" ? `satu bagian berkasnya${of} terurai menjadi lebih dari${size}` : `one part of it${of} unpacks to more than${size}`;
    case "total_bytes":
      return lang === "id" ? `bagian yang dibaca terurai menjadi lebih dari${size} seluruhnya` : `the parts read unpack to more than${size} in all`;
    case "cells":
      return lang === "id" ? `lembarnya berisi lebih dari${count} sel terisi` : `the sheet has more than${count} filled cells`;
    case "shared_strings":
      return lang === "id" ? `tabel teksnya berisi lebih dari${count} teks` : `its table of texts holds more than${count} texts`;
    case "shared_string_chars":
      return lang === "id" ? `tabel teksnya berisi lebih dari${count} karakter` : `its table of texts holds more than${count} characters`;
    case "cell_text":
      return lang === "id" ? `satu sel atau tag berisi lebih dari${count} karakter` : `one cell or tag holds more than${count} characters`;
    case "zip_entries":
      return lang === "id" ? `arsipnya berisi lebih dari${count} berkas` : `its archive holds more than${count} files`;
    default:
      return lang === "id" ? "isinya melewati batas baca desbumi" : "its content is past desbumi's reading limits";
  }
}

const kind = (f: Facts): string => f.text("kind") ?? "workbook";

export const XLSX_WORDING = {
  FILE_TOO_LARGE: {
    message: {
      id: (f) => `Buku kerja ini terlalu besar untuk dibaca dengan aman: ${limitPhrase(f, "id")}; pembacaan dihentikan`,
      en: (f) => `This workbook is too large to read safely: ${limitPhrase(f, "en")}; reading stopped`,
    },
    hint: {
      id: () => "Simpan salinan yang hanya berisi lembar katalog (hapus lembar, baris dan kolom lain yang tidak dipakai), atau bagi katalog menjadi beberapa berkas",
      en: () => "Save a copy with only the catalogue sheet (delete the other sheets, and unused rows and columns), or split the catalogue into several files",
    },
  },
  EXTERNAL_LINK: {
    message: {
      id: (f) => {
        const more = f.num("more");
        if (more !== undefined) return `${groupDigits(more, "id")} sel lain juga mengambil nilainya dari luar berkas ini`;
        if (f.issue.cell === undefined) {
          const target = f.text("target");
          return `Buku kerja ini terhubung ke buku kerja lain${target ? ` (${target})` : ""}; desbumi membaca nilai yang terakhir tersimpan, yang bisa berbeda dari yang terlihat di Excel`;
        }
        const from = kind(f) === "web" ? "internet (WEBSERVICE/FILTERXML)" : "buku kerja lain";
        return `Rumus sel ini${f.quoted ? ` ${f.quoted}` : ""} mengambil nilainya dari ${from}; desbumi membaca nilai yang terakhir tersimpan, yang bisa berbeda dari yang terlihat di Excel`;
      },
      en: (f) => {
        const more = f.num("more");
        if (more !== undefined) return `${groupDigits(more, "en")} more cells also take their values from outside this file`;
        if (f.issue.cell === undefined) {
          const target = f.text("target");
          return `This workbook links to another workbook${target ? ` (${target})` : ""}; desbumi reads the values as last saved, which may not be what you see in Excel`;
        }
        const from = kind(f) === "web" ? "the internet (WEBSERVICE/FILTERXML)" : "another workbook";
        return `This cell's formula${f.quoted ? ` ${f.quoted}` : ""} takes its value from ${from}; desbumi reads the value as last saved, which may not be what you see in Excel`;
      },
    },
    hint: {
      id: () => "Buka berkasnya di Excel, perbarui tautannya, lalu salin sel-selnya dan tempel sebagai nilai (Tempel Spesial > Nilai) sebelum menyimpan",
      en: () => "Open the file in Excel, update the links, then copy the cells and paste them as values (Paste Special > Values) before saving",
    },
  },
  MACRO: {
    message: {
      id: () => "Buku kerja ini berisi makro; makro bisa mengubah nilai saat berkas dibuka di Excel, sedangkan desbumi membaca nilai yang terakhir tersimpan",
      en: () => "This workbook contains macros; macros can change values when the file is opened in Excel, while desbumi reads the values as last saved",
    },
    hint: {
      id: () => "Di Excel pilih Simpan Sebagai > Buku Kerja Excel (*.xlsx) agar tersimpan tanpa makro, lalu pakai berkas .xlsx itu",
      en: () => "In Excel choose Save As > Excel Workbook (*.xlsx) to save it without macros, then use that .xlsx file",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
