// `desbumi normalize FILE [-o clean.csv]`: the catalogue as canonical CSV, only when it has no errors.
import { resolve } from "node:path";
import { loadCatalog } from "../catalog/index.js";
import { canonicalCsvLines, writeCanonicalCsv } from "../catalog/write-csv.js";
import type { CommandContext } from "../cli/io.js";
import { checkOutputPath } from "../cli/output-path.js";
import { atPath } from "../fs-errors.js";
import { UsageError } from "../errors.js";
import { text, pick } from "../i18n.js";
import { DEFAULT_RULES } from "../rules.js";
import { reporters } from "../report/index.js";
import { rulesForMarketplace } from "./targets.js";
import { EXIT_FAILED, EXIT_OK } from "../exit-codes.js";

const STDOUT_CHUNK_CHARS = 64 * 1024;

export interface NormalizeFlags {
  output?: string;
  marketplace?: string;
  sheet?: string;
}

/**
 * Issues and the result line go to stderr, because stdout may be the CSV itself (no -o).
 * Refuses (exit 1) when the catalogue has errors: a "clean" file must not silently drop rows.
 */
export async function runNormalize(file: string, flags: NormalizeFlags, ctx: CommandContext): Promise<number> {
  if (flags.output !== undefined && flags.output.trim() !== "") checkOutputPath({ flag: "-o", path: flags.output, cwd: ctx.io.cwd, inputs: [file] });
  const rules = flags.marketplace ? await rulesForMarketplace(flags.marketplace) : DEFAULT_RULES;
  const result = await loadCatalog(file, {
    rules,
    cwd: ctx.io.cwd,
    ...(flags.sheet ? { sheet: flags.sheet } : {}),
  });
  const stderrColor = ctx.color && ctx.io.stderr.isTTY === true;
  if (result.issues.length > 0 || !result.valid) {
    await reporters.pretty({ results: [result], strict: false }, { io: { ...ctx.io, stdout: ctx.io.stderr }, lang: ctx.lang, color: stderrColor });
  }
  if (!result.valid) {
    ctx.io.stderr.write(
      `${pick(text("Tidak ditulis: perbaiki kesalahan di atas dulu.", "Nothing written: fix the errors above first."), ctx.lang)}\n`,
    );
    return EXIT_FAILED;
  }
  if (flags.output === undefined) {
    let chunk = "";
    for (const line of canonicalCsvLines(result.products)) {
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
    await writeCanonicalCsv(result.products, target);
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
