// `desbumi template FILE`: write the empty catalogue and say what to do next.
import { resolve } from "node:path";
import type { CommandContext } from "../cli/io.js";
import { pick, text } from "../i18n.js";
import { TEMPLATE_COLUMNS } from "./columns.js";
import { writeTemplate } from "./write-template.js";

export interface TemplateFlags {
  force?: boolean;
}

export async function runTemplate(file: string, flags: TemplateFlags, ctx: CommandContext): Promise<number> {
  const format = await writeTemplate(resolve(ctx.io.cwd, file), file, { force: flags.force === true });
  const columns = TEMPLATE_COLUMNS.length;
  const notes = format === "xlsx";
  ctx.io.stdout.write(
    `${pick(
      text(
        `Templat katalog ditulis ke ${file}: ${columns} kolom${notes ? " (arahkan kursor ke judul kolom untuk penjelasan)" : ""} dan satu baris contoh.\nGanti baris contoh dengan produk Anda, lalu periksa: desbumi validate ${file}`,
        `Wrote the catalogue template to ${file}: ${columns} columns${notes ? " (hover over a column title for its explanation)" : ""} and one example row.\nReplace the example row with your products, then check it: desbumi validate ${file}`,
      ),
      ctx.lang,
    )}\n`,
  );
  return 0;
}
