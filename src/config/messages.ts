// Wording of every desbumi.config.json problem, in both languages. Each message starts with the
// key path (`groups[1].catalog`) so a facilitator can find the spot in the file.
import type { Text } from "../i18n.js";

const list = (keys: readonly string[]) => keys.map((k) => `"${k}"`).join(", ");
const didYouMean = (suggestion: string | undefined): Text =>
  suggestion ? { id: ` Mungkin maksudnya "${suggestion}"?`, en: ` Did you mean "${suggestion}"?` } : { id: "", en: "" };

const at = (path: string, t: Text): Text => ({ id: `${path}: ${t.id}`, en: `${path}: ${t.en}` });

const TYPE_NAMES: Record<string, Text> = {
  string: { id: "teks dalam tanda kutip", en: "text in quotes" },
  number: { id: "angka", en: "a number" },
  boolean: { id: "true atau false", en: "true or false" },
  array: { id: "daftar [...]", en: "a list [...]" },
  object: { id: "objek {...}", en: "an object {...}" },
  null: { id: "null", en: "null" },
};

export const typeName = (type: string): Text => TYPE_NAMES[type] ?? { id: type, en: type };

export const jsonType = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

export const configMessages = {
  unknownKey: (path: string, key: string, suggestion: string | undefined, allowed: readonly string[]): Text =>
    at(path, {
      id: `kunci "${key}" tidak dikenal.${didYouMean(suggestion).id}${suggestion ? "" : ` Kunci yang boleh: ${list(allowed)}.`}`,
      en: `unknown key "${key}".${didYouMean(suggestion).en}${suggestion ? "" : ` Allowed keys: ${list(allowed)}.`}`,
    }),

  secretKey: (path: string): Text =>
    at(path, {
      id: "rahasia tidak boleh ditulis di file konfigurasi. Simpan rahasia di variabel lingkungan atau di file .env, lalu tulis NAMA variabelnya di clientSecretEnv (atau clientIdEnv), mis. \"clientSecretEnv\": \"TOKOPEDIA_CLIENT_SECRET\".",
      en: "secrets never go in the config file. Put the secret in an environment variable or .env; name the variable in clientSecretEnv (or clientIdEnv), e.g. \"clientSecretEnv\": \"TOKOPEDIA_CLIENT_SECRET\".",
    }),

  missing: (path: string, expected: string): Text =>
    at(path, {
      id: `wajib diisi (${typeName(expected).id}).`,
      en: `is required (${typeName(expected).en}).`,
    }),

  wrongType: (path: string, expected: string, received: string): Text =>
    at(path, {
      id: `harus ${typeName(expected).id}, bukan ${typeName(received).id}.`,
      en: `must be ${typeName(expected).en}, not ${typeName(received).en}.`,
    }),

  empty: (path: string): Text => at(path, { id: "tidak boleh kosong.", en: "must not be empty." }),

  badSlug: (path: string): Text =>
    at(path, {
      id: "hanya huruf kecil, angka dan tanda - (tanpa spasi), mis. \"muiwo\" atau \"bumi-adikusuma\".",
      en: "use only lowercase letters, digits and - (no spaces), e.g. \"muiwo\" or \"bumi-adikusuma\".",
    }),

  noGroups: (path: string): Text =>
    at(path, {
      id: "tambahkan minimal satu kelompok: {\"id\": \"muiwo\", \"name\": \"MUIWO Lipursari\", \"catalog\": \"catalogs/muiwo.csv\"}.",
      en: "add at least one group: {\"id\": \"muiwo\", \"name\": \"MUIWO Lipursari\", \"catalog\": \"catalogs/muiwo.csv\"}.",
    }),

  duplicateId: (path: string, id: string, firstIndex: number): Text =>
    at(path, {
      id: `id "${id}" sudah dipakai oleh groups[${firstIndex}]; setiap kelompok perlu id sendiri.`,
      en: `id "${id}" is already used by groups[${firstIndex}]; each group needs its own id.`,
    }),

  unknownAdapter: (path: string, name: string, suggestion: string | undefined, known: readonly string[]): Text =>
    at(path, {
      id: `adapter "${name}" tidak dikenal.${didYouMean(suggestion).id} Adapter yang tersedia: ${list(known)}.`,
      en: `unknown adapter "${name}".${didYouMean(suggestion).en} Available adapters: ${list(known)}.`,
    }),

  adapterMissing: (path: string): Text =>
    at(path, {
      id: "sebutkan adapter di sini atau di blok \"marketplace\" tingkat atas, mis. \"adapter\": \"tokopedia\".",
      en: "name the adapter here or in the top-level \"marketplace\" block, e.g. \"adapter\": \"tokopedia\".",
    }),

  bothMarketplaceKeys: (listPath: string, singlePath: string): Text =>
    at(listPath, {
      id: `pakai salah satu saja: "${singlePath}" (satu marketplace) atau "${listPath}" (beberapa). Pindahkan blok "${singlePath}" ke dalam daftar "${listPath}".`,
      en: `use one of them: "${singlePath}" (one marketplace) or "${listPath}" (several). Move the "${singlePath}" block into the "${listPath}" list.`,
    }),

  adapterRequired: (path: string): Text =>
    at(path, {
      id: "setiap blok di daftar marketplaces perlu adapter, mis. \"adapter\": \"tiktok-shop\".",
      en: "every block in a marketplaces list needs an adapter, e.g. \"adapter\": \"tiktok-shop\".",
    }),

  duplicateTarget: (path: string, adapter: string, first: string): Text =>
    at(path, {
      id: `adapter "${adapter}" sudah ada di ${first}; satu kelompok memakai setiap marketplace sekali saja.`,
      en: `adapter "${adapter}" is already in ${first}; a group uses each marketplace once.`,
    }),

  /** A problem the zod schema describes and we have no finer wording for (adapter options). */
  invalidValue: (path: string, detail: string): Text =>
    at(path, { id: `nilai tidak sah (${detail}).`, en: `invalid value (${detail}).` }),

  // --- whole-file problems -------------------------------------------------------------------

  notFoundAt: (file: string): Text => ({
    id: `File konfigurasi ${file} tidak ditemukan (diberikan dengan --config).`,
    en: `Config file ${file} not found (given with --config).`,
  }),

  unreadable: (file: string, reason: string): Text => ({
    id: `File konfigurasi ${file} tidak bisa dibaca: ${reason}`,
    en: `Cannot read config file ${file}: ${reason}`,
  }),

  jsonSyntax: (file: string, line: number, column: number, reason: Text): Text => ({
    id: `${file}:${line}:${column}: bukan JSON yang sah — ${reason.id}`,
    en: `${file}:${line}:${column}: not valid JSON — ${reason.en}`,
  }),

  invalid: (file: string, count: number): Text => ({
    id: `${file} tidak sah: ${count} masalah. Perbaiki lalu jalankan lagi:`,
    en: `${file} is not valid: ${count} ${count === 1 ? "problem" : "problems"}. Fix and run again:`,
  }),

  envUnreadable: (file: string, reason: string): Text => ({
    id: `File ${file} tidak bisa dibaca: ${reason}`,
    en: `Cannot read ${file}: ${reason}`,
  }),
};
