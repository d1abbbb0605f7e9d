// Issue 12.12: what the marketplace says about a refused row, in words a facilitator reads, in both
// languages. Messages desbumi knows get a stable code and a translation; any other is passed on as
// "the marketplace said: ..." so nothing raw appears as if it were desbumi's own sentence.
import { failedRowMessage } from "./map.js";

interface Known {
  code: string;
  pattern: RegExp;
  say(m: RegExpExecArray): { en: string; id: string };
}

const KNOWN: readonly Known[] = [
  {
    code: "NAME_ALREADY_USED",
    pattern: /Value \[(.*)\] of field \[name\] is already used/i,
    say: (m) => ({
      en: `the name "${m[1]}" is already used by another product in this shop; give this row another name, or take the listing over with sync --adopt`,
      id: `nama "${m[1]}" sudah dipakai produk lain di toko ini; beri baris ini nama lain, atau ambil alih produk itu dengan sync --adopt`,
    }),
  },
  {
    code: "FIELD_EMPTY",
    pattern: /Field \[(\w+)\] should not be empty/i,
    say: (m) => ({ en: `the marketplace needs a value for ${m[1]}`, id: `marketplace membutuhkan isian untuk ${m[1]}` }),
  },
  {
    code: "PRODUCT_NOT_FOUND",
    pattern: /Invalid Product ID|There are some problem when retrieve product info/i,
    say: () => ({ en: "the listing is no longer in the shop (deleted?); run sync again", id: "produk itu sudah tidak ada di toko (dihapus?); jalankan sync lagi" }),
  },
  {
    code: "PRODUCT_NOT_EDITABLE",
    pattern: /Product Status Not In Active or Warehouse/i,
    say: () => ({ en: "the listing cannot be edited in its current state (banned or under review)", id: "produk ini tidak bisa diubah dalam keadaannya sekarang (diblokir atau sedang ditinjau)" }),
  },
];

/** The row's refusal as `{code?, message}`: a known one translated, else quoted as the marketplace's. */
export function describeRowError(row: unknown): { code?: string; message: string } {
  const raw = failedRowMessage(row);
  for (const known of KNOWN) {
    const m = known.pattern.exec(raw);
    if (m) {
      const t = known.say(m);
      return { code: known.code, message: `${t.en} / ${t.id}` };
    }
  }
  return { message: `the marketplace said: "${raw}" / marketplace menjawab: "${raw}"` };
}
