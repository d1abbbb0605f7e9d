// Wording of the issues from newuser-a's items: the example row `desbumi init` and `desbumi
// template` write (issue 12.10), and a --sheet given for a CSV (issue 12.13).
import type { IssueCode } from "../issues.js";
import type { Wording } from "./messages.js";

export const INIT_WORDING = {
  EXAMPLE_ROW: {
    message: {
      id: (f) => `Ini baris contoh dari desbumi${f.text("sku") ? ` (${f.text("sku")})` : ""}, bukan produk sungguhan; sync menolaknya sampai baris ini diganti`,
      en: (f) => `This is desbumi's example row${f.text("sku") ? ` (${f.text("sku")})` : ""}, not a real product; sync refuses it until the row is replaced`,
    },
    hint: {
      id: () => "Tulis produk Anda sendiri di baris ini (kode produk dan foto sendiri), atau hapus barisnya",
      en: () => "Write one of your own products over this row (its own product code and photo), or delete the row",
    },
  },
  SHEET_IGNORED: {
    message: {
      id: (f) => `--sheet ${f.text("sheet") ? `"${f.text("sheet")}" ` : ""}diabaikan: berkas CSV tidak punya sheet; seluruh berkas dibaca`,
      en: (f) => `--sheet ${f.text("sheet") ? `"${f.text("sheet")}" ` : ""}is ignored: a CSV file has no sheets; the whole file was read`,
    },
    hint: {
      id: () => "Hapus --sheet untuk berkas CSV (atau hapus \"sheet\" dari kelompok ini di desbumi.config.json), atau berikan berkas .xlsx",
      en: () => "Leave out --sheet for a CSV file (or remove \"sheet\" from this group in desbumi.config.json), or give the .xlsx workbook",
    },
  },
} satisfies Partial<Record<IssueCode, Wording>>;
