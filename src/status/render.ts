// `desbumi status` output: a terminal listing per group and marketplace, or a versioned JSON document.
import pc from "picocolors";
import { pick, type Lang } from "../i18n.js";
import { FIELD_LABELS } from "../plan/render-text.js";
import type { ListingState, ProductStatus } from "./compute.js";
import type { GroupStatus } from "./run.js";
import { safeText } from "../report/terminal-safe.js";
import { showTarget } from "../target/practice-shop-name.js";

const STATE: Record<ListingState, { mark: string; id: string; en: string }> = {
  live: { mark: "●", id: "tayang", en: "live" },
  "in-review": { mark: "◐", id: "sedang ditinjau", en: "in review" },
  rejected: { mark: "✖", id: "ditolak", en: "rejected" },
  banned: { mark: "✖", id: "diblokir", en: "banned" },
  deactivated: { mark: "–", id: "nonaktif", en: "deactivated" },
  "out-of-sync": { mark: "⚠", id: "beda dengan katalog", en: "out of sync" },
  "not-listed": { mark: "○", id: "belum ada di toko", en: "not listed" },
  failed: { mark: "✖", id: "gagal di sync terakhir", en: "failed in the last sync" },
  invalid: { mark: "✖", id: "baris katalog salah", en: "catalogue row has errors" },
};

/** Plan field names as plans show them, plus the two a status adds. */
const FIELD: Record<string, { id: string; en: string }> = {
  ...FIELD_LABELS,
  status: { id: "status aktif", en: "active status" },
  variants: { id: "varian", en: "variants" },
};

export function renderStatusPretty(groups: readonly GroupStatus[], opts: { lang: Lang; color: boolean }): string {
  const { lang } = opts;
  const c = pc.createColors(opts.color);
  const id = lang === "id";
  const out: string[] = [];
  for (const group of groups) {
    const name = safeText(group.name ?? "");
    const who = safeText(group.group ? (id ? `Kelompok ${name} (${group.group})` : `Group ${name} (${group.group})`) : group.catalog);
    for (const target of group.targets) {
      out.push(c.bold(`== ${who} — ${safeText(showTarget(target.target, lang))} ==`));
      if (target.error) {
        out.push(c.red(`✖ ${pick(target.error, lang)}`), "");
        continue;
      }
      for (const product of target.products) out.push(...productLines(product, lang, c));
      out.push(countsLine(target.products, lang), "");
    }
  }
  return `${out.join("\n")}\n`;
}

function productLines(p: ProductStatus, lang: Lang, c: ReturnType<typeof pc.createColors>): string[] {
  const id = lang === "id";
  const s = STATE[p.state];
  const paint = p.state === "live" ? c.green : p.state === "in-review" || p.state === "out-of-sync" || p.state === "not-listed" ? c.yellow : p.state === "deactivated" ? c.dim : c.red;
  const where = `${id ? "baris" : "line"} ${p.line}`;
  const who = safeText([p.sku, p.name].filter(Boolean).join(" ")) || where;
  const fields = p.fields?.length ? `: ${p.fields.map((f) => FIELD[f]?.[lang] ?? f).join(", ")}` : "";
  const lines = [`  ${paint(`${s.mark} ${s[lang].padEnd(id ? 22 : 24)}`)} ${who}${who === where ? "" : ` (${where})`}${fields}`];
  for (const reason of p.reasons ?? []) lines.push(`      ${c.dim("→")} ${marketplaceSaid(reason, lang)}`);
  for (const v of p.variants ?? []) {
    const vs = STATE[v.state];
    const options = safeText(Object.values(v.options).join(" / "));
    const vf = v.fields?.length ? `: ${v.fields.map((f) => FIELD[f]?.[lang] ?? f).join(", ")}` : "";
    lines.push(`      ${vs.mark} ${vs[lang]} ${safeText(v.sku)} ${options} (${id ? "baris" : "line"} ${v.line})${vf}`);
  }
  return lines;
}

/** A marketplace's own words, marked as such (desbumi cannot vouch for their language or accuracy). */
const marketplaceSaid = (reason: { code?: string; message: string }, lang: Lang): string => {
  const code = reason.code ? ` (${safeText(reason.code)})` : "";
  const message = safeText(reason.message);
  return lang === "id" ? `kata marketplace: "${message}"${code}` : `the marketplace said: "${message}"${code}`;
};

function countsLine(products: readonly ProductStatus[], lang: Lang): string {
  const counts = new Map<ListingState, number>();
  for (const p of products) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  const parts = (Object.keys(STATE) as ListingState[]).filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${STATE[s][lang]}`);
  return `  ${parts.length ? parts.join(", ") : lang === "id" ? "tidak ada produk" : "no products"}`;
}

export const STATUS_JSON_VERSION = 1;

export function renderStatusJson(groups: readonly GroupStatus[], lang: Lang) {
  return {
    format: "desbumi-status",
    version: STATUS_JSON_VERSION,
    groups: groups.map((g) => ({
      ...(g.group !== undefined ? { group: g.group } : {}),
      catalog: g.catalog,
      marketplaces: g.targets.map((t) => ({
        marketplace: t.marketplace,
        target: t.target,
        ...(t.error ? { error: pick(t.error, lang) } : {}),
        products: t.products,
      })),
    })),
  };
}
