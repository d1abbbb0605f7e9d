// Readiness for a terminal: per marketplace a count line, then each product that is not ready
// with exactly what stops it (located issue lines, as validate prints them), then a total.
import pc from "picocolors";
import type { Lang } from "../i18n.js";
import { ERROR_MARK, OK_MARK, WARNING_MARK, formatIssueLine } from "../report/format-line.js";
import type { ReadinessProduct, ReadinessReport, TargetReadiness } from "./readiness.js";
import { showTarget } from "../target/practice-shop-name.js";

export function renderCheckPretty(reports: readonly ReadinessReport[], opts: { lang: Lang; color: boolean }): string {
  const { lang } = opts;
  const c = pc.createColors(opts.color);
  const id = lang === "id";
  const out: string[] = [];
  for (const report of reports) {
    const n = report.products.length;
    out.push(c.bold(id ? `Kesiapan ${report.file} (${n} produk)` : `Readiness of ${report.file} (${n} product${n === 1 ? "" : "s"})`));
    const byKey = new Map(report.products.map((p) => [p.key, p]));
    for (const target of report.targets) {
      out.push("", headLine(target, lang, c));
      for (const issue of target.fileIssues) out.push(indent(formatIssueLine(issue, opts), 2));
      for (const verdict of target.products) {
        const product = byKey.get(verdict.key);
        if (!product || verdict.issues.length === 0) continue;
        const mark = verdict.ready ? c.yellow(WARNING_MARK) : c.red(ERROR_MARK);
        const state = verdict.ready ? (id ? "siap, dengan peringatan" : "ready, with warnings") : id ? "belum siap" : "not ready";
        out.push(`  ${mark} ${describeProduct(product, lang)}: ${state}`);
        for (const issue of verdict.issues) out.push(indent(formatIssueLine(issue, opts), 4));
      }
    }
    const t = report.total;
    const line = id ? `Total: ${t.ready} dari ${t.total} siap (${t.percent}%)` : `Total: ${t.ready} of ${t.total} ready (${t.percent}%)`;
    out.push("", c.bold(t.ready === t.total && t.total > 0 ? c.green(line) : c.red(line)), "");
  }
  return `${out.join("\n")}`;
}

function headLine(target: TargetReadiness, lang: Lang, c: ReturnType<typeof pc.createColors>): string {
  const all = target.ready === target.total && target.total > 0;
  const counts =
    lang === "id"
      ? `${target.ready} dari ${target.total} produk siap (${target.percent}%)`
      : `${target.ready} of ${target.total} product${target.total === 1 ? "" : "s"} ready (${target.percent}%)`;
  const text = `${all ? OK_MARK : ERROR_MARK} ${showTarget(target.label, lang)}: ${counts}`;
  return c.bold(all ? c.green(text) : c.red(text));
}

export function describeProduct(product: ReadinessProduct, lang: Lang): string {
  const lines = product.lines.length === 1 ? `${lang === "id" ? "baris" : "line"} ${product.lines[0]}` : `${lang === "id" ? "baris" : "lines"} ${product.lines.join(", ")}`;
  const who = [product.sku, product.name].filter(Boolean).join(" ");
  return `${who || (lang === "id" ? "(tanpa nama)" : "(no name)")} (${lines})`;
}

const indent = (block: string, n: number): string => block.replace(/^/gm, " ".repeat(n));
