// `desbumi categories [SEARCH]`: show the target's category tree (or the leaves matching SEARCH)
// with ids, so a facilitator can pick the id or path to write in the category column.
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import { UsageError } from "../errors.js";
import { pick } from "../i18n.js";
import type { TargetFlags } from "../target/open.js";
import { openTarget } from "../target/open.js";
import { findGroup } from "../sync/find-group.js";
import { renderCategoriesJson, renderCategoryList, renderCategoryTree, renderHeader, renderNoMatch } from "./render.js";
import { searchLeaves } from "./tree.js";
import { showTarget } from "../target/practice-shop-name.js";

export interface CategoriesOptions extends Pick<TargetFlags, "marketplace" | "baseUrl" | "tokenUrl" | "fsId" | "shopId"> {
  config?: string;
  /** A config group: its marketplace block (over the default one) and, for the practice shop, its own shop. */
  group?: string;
  format?: "pretty" | "json";
}

/** Exit code: 0 listed, 1 SEARCH matched no leaf (like grep). */
export async function runCategories(search: string | undefined, opts: CategoriesOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });
  const flags: TargetFlags = {};
  for (const key of ["marketplace", "baseUrl", "tokenUrl", "fsId", "shopId"] as const) {
    if (opts[key] !== undefined) flags[key] = opts[key];
  }
  const group = opts.group !== undefined ? findGroup(config, opts.group) : undefined;
  const marketplace = group?.marketplace ?? config?.marketplace;
  // NOTE: the practice shop is opened like sync opens it (the group's own shop); listing its
  // categories changes nothing, so no state file is written.
  const target = await openTarget({
    flags,
    ...(marketplace ? { marketplace } : {}),
    env: config?.env ?? io.env,
    baseDir: config?.dir ?? io.cwd,
    cwd: io.cwd,
    log: ctx.log,
    ...(group ? { group: group.id } : {}),
  });
  try {
    const { adapter } = target;
    if (!adapter.capabilities.canListCategories || !adapter.listCategories) {
      throw new UsageError({
        id: `Marketplace "${adapter.name}" tidak bisa menampilkan daftar kategori. Lihat daftar kategori di situs marketplace.`,
        en: `Marketplace "${adapter.name}" cannot list its categories. Look them up on the marketplace's site.`,
      });
    }
    const categories = await adapter.listCategories();
    const wanted = search?.trim() ? search.trim() : undefined;
    const shown = wanted ? searchLeaves(categories, wanted) : categories;
    if (opts.format === "json") {
      io.stdout.write(`${renderCategoriesJson(target.label, wanted, shown)}\n`);
      return wanted && shown.length === 0 ? 1 : 0;
    }
    io.stdout.write(`${pick(renderHeader(showTarget(target.label, lang), wanted, shown.length), lang)}\n`);
    if (wanted && shown.length === 0) {
      io.stdout.write(`${pick(renderNoMatch(wanted, categories), lang)}\n`);
      return 1;
    }
    io.stdout.write(wanted ? renderCategoryList(shown) : renderCategoryTree(shown));
    return 0;
  } finally {
    await target.close();
  }
}
