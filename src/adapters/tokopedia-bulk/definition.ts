// The tokopedia-bulk definition: options and the template's rules, with the workbook writer
// (exceljs) loaded only when a run really writes workbooks.
import { isAbsolute, relative, resolve } from "node:path";
import { z } from "zod";
import { TOKOPEDIA_RULES, type MarketplaceRules } from "../../rules.js";
import type { AdapterDefinition } from "../types.js";
import { INSURANCE_WORDS } from "./layout.js";

const categoryCode = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String);

export const tokopediaBulkOptionsSchema = z.strictObject({
  outDir: z.string().min(1).describe("Folder the upload workbooks are written to (relative to the config's folder)"),
  previous: z
    .string()
    .min(1)
    .optional()
    .describe("A previous complete export (workbook or folder of workbooks) to plan against; @default none: every row is new"),
  categories: z
    .record(z.string(), categoryCode)
    .optional()
    .describe(
      'The shop\'s categories: name as written in the catalogue -> Tokopedia category code, e.g. {"Kopi": 1760}. With it, category cells may hold these names or codes; without it, only numeric codes',
    ),
  couriers: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "comma-separated courier ids, e.g. 1,2,6")
    .transform((s) => s.replace(/\s+/g, ""))
    .optional()
    .describe("Kurir Pengiriman: courier ids from Seller Center; @default empty (fill in before uploading)"),
  insurance: z.enum(INSURANCE_WORDS).default("Ya").describe("Asuransi Pengiriman: Ya or Opsional"),
}).superRefine((options, ctx) => {
  // Issue 12.4: names are matched ignoring case and spaces, so "Jamu" and "jamu" would be one name
  // with two codes: which one a row gets would be a guess.
  const seen = new Map<string, string>();
  for (const name of Object.keys(options.categories ?? {})) {
    const folded = name.trim().replace(/\s+/g, " ").toLowerCase();
    const first = seen.get(folded);
    if (first === undefined) seen.set(folded, name);
    else {
      ctx.addIssue({
        code: "custom",
        path: ["categories", name],
        message: `"${first}" and "${name}" are the same category name to desbumi (case and spaces do not count): keep one of them / "${first}" dan "${name}" dianggap nama kategori yang sama (huruf besar/kecil dan spasi tidak dihitung): simpan salah satunya saja`,
      });
    }
  }
  // NOTE: in the schema (not only in create) so the mistake is reported before anything is read.
  if (options.previous !== undefined && isInside(resolve(options.outDir), resolve(options.previous))) {
    ctx.addIssue({
      code: "custom",
      path: ["previous"],
      message: `--previous (${options.previous}) is inside --out-dir (${options.outDir}): the new files would replace it. Choose another output folder.`,
    });
  }
});

/** `path` is `dir` or inside it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

export type TokopediaBulkOptions = z.output<typeof tokopediaBulkOptionsSchema>;

/**
 * The template's own limits (its instruction row): stock 1..999,999 where the API allows 0;
 * `Deskripsi Produk*` is required; `Kode Kategori*` takes only numeric codes, since without a
 * `categories` map (see rulesFor) there is nothing to turn a name into a code.
 */
// NOTE: no variants: the workbook written is the basic template (one row = one product); the
// variant template (reference section 8, XLS2) keys options by the category's variant ids
// (`Warna (1) - Value`), which free-text options cannot name. Rows with variants are refused, located.
export const TOKOPEDIA_BULK_RULES: MarketplaceRules = { ...TOKOPEDIA_RULES, family: "tokopedia", stockMin: 1, descriptionRequired: true, categoryCodesOnly: true, maxOptionTypes: 0, maxVariants: 0 };

/** With a `categories` map, category names in the catalogue are fine (the export maps them). */
const MAPPED_RULES: MarketplaceRules = { ...TOKOPEDIA_BULK_RULES, categoryCodesOnly: false };

const rulesFor = (options: Partial<TokopediaBulkOptions>): MarketplaceRules =>
  options.categories === undefined ? TOKOPEDIA_BULK_RULES : MAPPED_RULES;

export const tokopediaBulk: AdapterDefinition<TokopediaBulkOptions> = {
  name: "tokopedia-bulk",
  description: "Writes Tokopedia Seller Center bulk-upload workbooks (no API access needed)",
  displayName: "Tokopedia Seller Center bulk workbook",
  optionsSchema: tokopediaBulkOptionsSchema,
  // NOTE: what holds whatever the options: a `categories` map may make names fine, so the
  // codes-only check comes from rulesFor (validate asks it; callers that know only `rules` stay
  // free of false category errors for a block that maps names).
  rules: MAPPED_RULES,
  rulesFor,
  create: async (options, ctx) => (await import("./index.js")).createTokopediaBulkAdapter(options, ctx),
};

