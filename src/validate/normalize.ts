// `desbumi normalize FILE [-o clean.csv]`: the catalogue as canonical CSV, only when it has no errors.
import { resolve } from "node:path";
import { loadCatalog } from "../catalog/index.js";
import { canonicalCsvLines, writeCanonicalCsv } from "../catalog/write-csv.js";
import { inFileOrder } from "../catalog/canonical-columns.js";
import type { CommandContext } from "../cli/io.js";
import { checkOutputPath } from "../cli/output-path.js";
import { atPath } from "../fs-errors.js";
import { UsageError } from "../errors.js";
import { text, pick } from "../i18n.js";
import { DEFAULT_RULES } from "../rules.js";
import { reporters } from "../report/index.js";
import { rulesForMarketplace } from "./targets.js";
import { EXIT_FAILED, EXIT_OK } from "../exit-codes.js";
import type { CatalogResult } from "../catalog/types.js";
import type { AssignedSku } from "./assign-skus.js";

const SHOWN_ASSIGNED = 10;

/**
 * Without --marketplace: the default rules, but no variant limits (issue 14): the file is cleaned,
 * not listed anywhere, so a catalogue with variants is written as the v2 catalogue rather than
 * refused as if it were bound for a marketplace that takes none.
 */
const NORMALIZE_RULES = { ...DEFAULT_RULES, maxOptionTypes: Number.MAX_SAFE_INTEGER, maxVariants: Number.MAX_SAFE_INTEGER };

/** What --assign-skus did, row by row (the first few), and whether it reached the written file. */
function assignedText(assigned: readonly AssignedSku[], written: boolean): ReturnType<typeof text> {
  const at = (a: AssignedSku): string => `${a.sheet !== undefined ? `${a.sheet}!` : ""}${a.line} → ${a.sku}`;
  const list = assigned.slice(0, SHOWN_ASSIGNED).map(at).join(", ") + (assigned.length > SHOWN_ASSIGNED ? ", …" : "");
  const n = assigned.length;
  return text(
    `${written ? "Kode SKU baru" : "Kode SKU baru (belum ditulis)"} untuk ${n} baris tanpa SKU: ${list}. Pakai terus kode ini: desbumi mengenali produk dari kodenya.`,
    `${written ? "New SKU codes" : "New SKU codes (not written yet)"} for ${n} ${n === 1 ? "row" : "rows"} without a SKU: ${list}. Keep these codes from now on: desbumi recognises products by them.`,
  );
}

const STDOUT_CHUNK_CHARS = 64 * 1024;

export interface NormalizeFlags {
  output?: string;
  marketplace?: string;
  sheet?: string;
  /** Issue 14: rows without a SKU get a new code in the written file (assign-skus.ts). */
  assignSkus?: boolean;
  skuPrefix?: string;
}

/**
 * Issues and the result line go to stderr, because stdout may be the CSV itself (no -o).
 * Refuses (exit 1) when the catalogue has errors: a "clean" file must not silently drop rows.
 */
export async function runNormalize(file: string, flags: NormalizeFlags, ctx: CommandContext): Promise<number> {
  if (flags.output !== undefined && flags.output.trim() !== "") checkOutputPath({ flag: "-o", path: flags.output, cwd: ctx.io.cwd, inputs: [file] });
  const rules = flags.marketplace ? await rulesForMarketplace(flags.marketplace) : NORMALIZE_RULES;
  const loadOpts = { rules, cwd: ctx.io.cwd, ...(flags.sheet ? { sheet: flags.sheet } : {}) };
  let result: CatalogResult;
  let assigned: AssignedSku[] = [];
  if (flags.assignSkus) {
    const { loadWithAssignedSkus, skuPrefixFor } = await import("./assign-skus.js");
    const prefix = await skuPrefixFor(file, { cwd: ctx.io.cwd, env: ctx.io.env, ...(flags.skuPrefix !== undefined ? { given: flags.skuPrefix } : {}) });
    ({ result, assigned } = await loadWithAssignedSkus(file, prefix, loadOpts));
  } else {
    result = await loadCatalog(file, loadOpts);
  }
  const stderrColor = ctx.color && ctx.io.stderr.isTTY === true;
  if (result.issues.length > 0 || !result.valid) {
    await reporters.pretty({ results: [result], strict: false }, { io: { ...ctx.io, stdout: ctx.io.stderr }, lang: ctx.lang, color: stderrColor });
  }
  if (assigned.length > 0) ctx.io.stderr.write(`${pick(assignedText(assigned, result.valid), ctx.lang)}\n`);
  if (!result.valid) {
    ctx.io.stderr.write(
      `${pick(text("Tidak ditulis: perbaiki kesalahan di atas dulu.", "Nothing written: fix the errors above first."), ctx.lang)}\n`,
    );
    return EXIT_FAILED;
  }
  const products = inFileOrder(result.products);
  if (flags.output === undefined) {
    let chunk = "";
    for (const line of canonicalCsvLines(products)) {
      chunk += line;
      if (chunk.length >= STDOUT_CHUNK_CHARS) {
        ctx.io.stdout.write(chunk);
        chunk = "";
      }
    }
    ctx.io.stdout.write(chunk);
    return EXIT_OK;
  }
  if (flags.output.trim() === "") throw new UsageError(text("-o butuh nama berkas", "-o needs a file name"));
  const target = resolve(ctx.io.cwd, flags.output);
  try {
    await writeCanonicalCsv(products, target);
  } catch (error) {
    const plain = atPath(error, flags.output, "write");
    if (plain !== error) throw plain;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(text(`Tidak bisa menulis ${flags.output}: ${reason}`, `Could not write ${flags.output}: ${reason}`));
  }
  const n = result.products.length;
  ctx.io.stderr.write(
    `${pick(text(`Ditulis: ${flags.output} (${n} produk)`, `Wrote ${flags.output} (${n} ${n === 1 ? "product" : "products"})`), ctx.lang)}\n`,
  );
  return EXIT_OK;
}
