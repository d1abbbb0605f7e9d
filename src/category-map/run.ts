// `desbumi categories map`: propose leaf categories for the catalogue's category names on each
// marketplace of the group(s), and write categories.json after the facilitator picks (or, with
// --yes, the clear choices only). Never guesses silently: what is not clear is listed.
import { createInterface } from "node:readline";
import { loadCatalog } from "../catalog/index.js";
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import type { GroupConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { EXIT_FAILED, EXIT_OK } from "../exit-codes.js";
import { pick, text } from "../i18n.js";
import { normalizeCategoryName } from "../categories/similarity.js";
import { formatCategoryPath } from "../categories/resolve.js";
import { findGroup } from "../sync/find-group.js";
import { shownPath } from "../sync/shown-path.js";
import { openTarget } from "../target/open.js";
import { targetsOf } from "../status/run.js";
import { mappingFor, readCategoryMap, writeCategoryMap } from "./file.js";
import { proposeMappings, type Proposal } from "./propose.js";
import { showTarget } from "../target/practice-shop-name.js";

export interface MapOptions {
  group?: string;
  marketplace?: string;
  config?: string;
  yes?: boolean;
}

export async function runCategoryMap(opts: MapOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });
  if (!config) {
    throw new UsageError(text("`desbumi categories map` butuh desbumi.config.json (categories.json disimpan di sebelahnya).", "`desbumi categories map` needs a desbumi.config.json (categories.json is kept next to it)."));
  }
  const groups: GroupConfig[] = opts.group !== undefined ? [findGroup(config, opts.group)] : config.groups;
  const map = await readCategoryMap(config.dir);
  const interactive = !opts.yes && io.stdin.isTTY === true && io.stdout.isTTY === true;
  const lines = interactive ? createInterface({ input: io.stdin, terminal: false })[Symbol.asyncIterator]() : undefined;
  const ask = async (q: string): Promise<string> => {
    io.stdout.write(q);
    const next = await lines?.next();
    return next && !next.done ? String(next.value) : "";
  };

  let chosen = 0;
  let open = 0;
  // Category names per marketplace adapter, over every group that sells there.
  const work = new Map<string, { block: GroupConfig["marketplace"]; group: GroupConfig; names: string[] }>();
  for (const group of groups) {
    const catalog = await loadCatalog(shownPath(group.catalog, io.cwd), { cwd: io.cwd, ...(group.sheet !== undefined ? { sheet: group.sheet } : {}) });
    const names = catalog.products.map((p) => p.category.trim() || group.defaultCategory || "").filter(Boolean);
    for (const block of targetsOf(group, config, opts.marketplace)) {
      const key = block?.adapter ?? "practice-shop";
      const entry = work.get(key) ?? { block, group, names: [] };
      entry.names.push(...names);
      work.set(key, entry);
    }
  }
  for (const { block, group, names } of work.values()) {
    const target = await openTarget({ flags: {}, ...(block ? { marketplace: block } : {}), env: config.env, baseDir: config.dir, cwd: io.cwd, log: ctx.log, group: group.id });
    try {
      const adapterName = target.definition.name;
      if (!target.adapter.listCategories) continue;
      const leaves = await target.adapter.listCategories();
      const proposals = proposeMappings({ names, leaves, pinned: mappingFor(map, adapterName) });
      io.stdout.write(`\n${pick(text(`== ${showTarget(target.label, "id")}: ${proposals.length} nama kategori belum dipetakan ==`, `== ${showTarget(target.label, "en")}: ${proposals.length} category name${proposals.length === 1 ? "" : "s"} not mapped yet ==`), lang)}\n`);
      for (const proposal of proposals) {
        const pickId = interactive ? await choose(proposal, leaves, ask, lang) : proposal.best?.id;
        if (!interactive) io.stdout.write(`${describe(proposal, lang)}\n`);
        if (pickId === undefined) {
          open++;
          continue;
        }
        const key = normalizeCategoryName(proposal.name);
        if (!map.names.has(key)) map.names.set(key, proposal.name);
        const ids = map.entries.get(key) ?? new Map<string, string>();
        ids.set(adapterName, pickId);
        map.entries.set(key, ids);
        chosen++;
      }
    } finally {
      await target.close();
    }
  }
  await lines?.return?.();
  if (chosen > 0) {
    const path = await writeCategoryMap(config.dir, map);
    io.stdout.write(`${pick(text(`Ditulis: ${shownPath(path, io.cwd)} (${chosen} pilihan baru)`, `Written: ${shownPath(path, io.cwd)} (${chosen} new choice${chosen === 1 ? "" : "s"})`), lang)}\n`);
  }
  if (open > 0) {
    io.stdout.write(
      `${pick(
        text(
          `${open} nama belum punya pilihan yang jelas: jalankan \`desbumi categories map\` di terminal untuk memilih, atau tulis id-nya di categories.json.`,
          `${open} name${open === 1 ? " has" : "s have"} no clear choice: run \`desbumi categories map\` in a terminal to choose, or write the id in categories.json.`,
        ),
        lang,
      )}\n`,
    );
  }
  return open > 0 ? EXIT_FAILED : EXIT_OK;
}

function describe(p: Proposal, lang: "id" | "en"): string {
  if (p.best) return `  ✔ "${p.name}" -> ${formatCategoryPath(p.best)} (${p.best.id})`;
  const options = p.candidates.map((c) => `${formatCategoryPath(c)} (${c.id})`).join("; ");
  return lang === "id"
    ? `  ? "${p.name}": belum jelas${options ? ` — mungkin: ${options}` : " — tidak ada yang mirip"}`
    : `  ? "${p.name}": not clear${options ? ` — maybe: ${options}` : " — nothing similar"}`;
}

async function choose(p: Proposal, leaves: readonly { id: string; isLeaf: boolean }[], ask: (q: string) => Promise<string>, lang: "id" | "en"): Promise<string | undefined> {
  const lines = [`"${p.name}":`, ...p.candidates.map((c, i) => `  ${i + 1}) ${formatCategoryPath(c)} (${c.id})${p.best?.id === c.id ? " *" : ""}`)];
  const hint =
    lang === "id"
      ? `Nomor pilihan, atau id kategori (daun), atau - untuk melewati${p.best ? "; Enter = pilihan bertanda *" : ""}`
      : `A choice number, or a (leaf) category id, or - to skip${p.best ? "; Enter = the one marked *" : ""}`;
  const answer = (await ask(`${lines.join("\n")}\n${hint}: `)).trim();
  if (answer === "") return p.best?.id;
  if (/^\d{1,2}$/.test(answer) && Number(answer) >= 1 && Number(answer) <= p.candidates.length) return p.candidates[Number(answer) - 1]?.id;
  // Only a leaf of this marketplace's tree can hold products.
  if (/^\d+$/.test(answer) && leaves.some((c) => c.isLeaf && c.id === answer)) return answer;
  return undefined;
}
