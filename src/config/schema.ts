// The shape of desbumi.config.json: strict (unknown keys are errors), a description on every key
// and the default named where there is one. Adapter-specific marketplace keys are checked after
// merging, against the adapter's own optionsSchema (see ./marketplace.ts).
import { z } from "zod";

export { CONFIG_FILE_NAME } from "./file-name.js";

/** Group ids: lowercase letters, digits and single hyphens (`muiwo`, `bumi-adikusuma`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const adapterKey = z.string().min(1);

/** A marketplace block: `adapter` plus that adapter's options (checked later, by the adapter). */
const marketplaceBlock = z
  .object({
    adapter: adapterKey.meta({
      description:
        "Which marketplace adapter to use, e.g. \"tokopedia\". The other keys in this block are that adapter's options. — Adapter marketplace yang dipakai; kunci lain di blok ini adalah opsi adapter tersebut.",
    }),
  })
  .catchall(z.unknown());

const groupMarketplaceBlock = z
  .object({
    adapter: adapterKey.optional().meta({
      description:
        "Adapter for this group. Default: the top-level marketplace.adapter. Naming a different adapter drops the top-level block's other keys. — Adapter untuk kelompok ini (bawaan: marketplace.adapter di tingkat atas).",
    }),
  })
  .catchall(z.unknown());

const pricingRules = z
  .record(
    z.string(),
    z.strictObject({
      markupPercent: z.number().min(-50).max(500).optional().meta({
        description: "Price on this marketplace = catalogue price + this percent, e.g. 5 for 5% more (marketplace fees). Default 0. — Harga di marketplace ini = harga katalog + persen ini.",
      }),
      roundTo: z.union([z.literal(1), z.literal(100), z.literal(500), z.literal(1000)]).optional().meta({
        description: "Round the marked-up price up to a multiple of this many rupiah (1, 100, 500 or 1000). Default 1. — Bulatkan harga ke atas ke kelipatan ini.",
      }),
      stockPercent: z.number().int().min(0).max(100).optional().meta({
        description: "Offer only this percent of the catalogue stock here (rounded down), e.g. 50 to split stock between two marketplaces. Default 100: the same stock everywhere. — Tawarkan hanya persen stok ini di marketplace ini.",
      }),
    }),
  )
  .meta({
    description:
      "Per-marketplace price and stock rules, keyed by adapter name: {\"shopee\": {\"markupPercent\": 5, \"roundTo\": 500, \"stockPercent\": 50}}. A per-marketplace column (Harga (Shopee), Stok (Shopee)) wins over them. — Aturan harga dan stok per marketplace.",
  });

export const groupSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN).meta({
    description:
      "Short unique id: lowercase letters, digits and -, e.g. \"muiwo\". Used by --group and in journals. — Id singkat dan unik: huruf kecil, angka dan -.",
    examples: ["muiwo", "bumi-adikusuma"],
  }),
  name: z.string().trim().min(1).meta({
    description: "The group's name as people know it. — Nama kelompok.",
    examples: ["MUIWO Lipursari"],
  }),
  catalog: z.string().trim().min(1).meta({
    description:
      "The group's catalogue (CSV or XLSX), relative to this file. — File katalog kelompok (CSV atau XLSX), relatif terhadap file ini.",
    examples: ["catalogs/muiwo.csv"],
  }),
  marketplace: groupMarketplaceBlock.optional().meta({
    description:
      "This group's marketplace options, merged over the top-level marketplace block (this group's keys win). Default: the top-level block; with neither, the practice shop. — Opsi marketplace kelompok ini, menimpa blok marketplace tingkat atas.",
  }),
  marketplaces: z.array(groupMarketplaceBlock).min(1).optional().meta({
    description:
      "This group's marketplaces when it sells on several, e.g. [{\"adapter\": \"tiktok-shop\", \"shop\": \"...\"}, {\"adapter\": \"shopee\", \"shopId\": 123}]. Each block is merged over the top-level block of the same adapter. Use this or marketplace, not both. — Daftar marketplace kelompok ini bila berjualan di beberapa marketplace.",
  }),
  defaultCategory: z.string().trim().min(1).optional().meta({
    description:
      "Category for rows whose category cell is empty. Default: the top-level defaultCategory. — Kategori untuk baris yang kolom kategorinya kosong.",
  }),
  sheet: z.string().trim().min(1).optional().meta({
    description: "XLSX only: the sheet to read. Default: the first sheet. — Khusus XLSX: nama sheet yang dibaca (bawaan: sheet pertama).",
  }),
  photos: z.string().trim().min(1).optional().meta({
    description:
      "Folder where photo cells that are bare file names (kopi-1.jpg) are looked up, relative to this file. Default: foto/ next to the catalogue. — Folder tempat foto yang ditulis dengan nama berkas saja dicari, relatif terhadap file ini (bawaan: foto/ di samping katalog).",
    examples: ["foto/muiwo"],
  }),
  pricing: pricingRules.optional(),
});

export const configFileSchema = z.strictObject({
  $schema: z.string().optional().meta({
    description: "Where editors find this file's JSON Schema (completion and checks). Ignored by desbumi.",
    default: "./node_modules/desbumi/schema/desbumi.config.schema.json",
  }),
  marketplace: marketplaceBlock.optional().meta({
    description:
      "Default marketplace for every group: {\"adapter\": \"tokopedia\", ...options}. Default: none, i.e. the practice shop. Secrets never go here: name the environment variables in clientIdEnv/clientSecretEnv. — Marketplace bawaan untuk semua kelompok; rahasia tidak boleh ditulis di sini.",
  }),
  marketplaces: z.array(marketplaceBlock).min(1).optional().meta({
    description:
      "Default marketplaces for every group when groups sell on several: [{\"adapter\": \"tiktok-shop\", ...}, {\"adapter\": \"shopee\", ...}]. A sync plans and applies each in turn. Use this or marketplace, not both. — Daftar marketplace bawaan bila kelompok berjualan di beberapa marketplace.",
  }),
  lang: z.enum(["id", "en"]).optional().meta({
    description:
      "Language of desbumi's messages and help in this folder: \"id\" (Bahasa Indonesia) or \"en\". Default: from the DESBUMI_LANG environment variable, else LC_ALL/LANG (Windows usually sets none: then English). --lang wins. — Bahasa pesan dan bantuan desbumi di folder ini.",
  }),
  defaultCategory: z.string().trim().min(1).optional().meta({
    description:
      "Category for rows whose category cell is empty, for every group. Default: none (an empty cell is then an error). — Kategori bawaan untuk baris yang kolom kategorinya kosong.",
  }),
  pricing: pricingRules.optional(),
  // NOTE: unique ids are checked in ./validate.ts on the raw data, so a duplicate is reported
  // even when other groups have mistakes (zod skips refinements after an issue).
  groups: z
    .array(groupSchema)
    .min(1)
    .meta({
      description: "The groups (kelompok) this folder looks after, each with its own catalogue and shop. — Daftar kelompok, masing-masing dengan katalog dan tokonya.",
    }),
});

export type ConfigFile = z.infer<typeof configFileSchema>;
export type GroupEntry = z.infer<typeof groupSchema>;

/** Keys allowed at each level, for "did you mean". */
export const TOP_LEVEL_KEYS = Object.keys(configFileSchema.shape);
export const GROUP_KEYS = Object.keys(groupSchema.shape);
