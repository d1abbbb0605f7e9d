// Readiness for GitHub Actions: an annotation per problem (capped per severity, as validate does),
// titled with the marketplace, then one line per marketplace with its completeness.
import { GITHUB_ANNOTATIONS_PER_SEVERITY, escapeData, formatAnnotation } from "../report/github.js";
import { safeText } from "../report/terminal-safe.js";
import type { Lang } from "../i18n.js";
import type { ReadinessReport } from "./readiness.js";
import { showTarget } from "../target/practice-shop-name.js";

/** The lines to print, each to be written on its own (an annotation must start its write, see report/terminal-safe.ts). */
export function renderCheckGithub(reports: readonly ReadinessReport[], lang: Lang): string[] {
  const out: string[] = [];
  const shown = { error: 0, warning: 0 };
  let hidden = 0;
  for (const report of reports) {
    for (const target of report.targets) {
      const issues = [...target.fileIssues, ...target.products.flatMap((v) => v.issues)];
      for (const issue of issues) {
        if (shown[issue.severity] >= GITHUB_ANNOTATIONS_PER_SEVERITY) {
          hidden++;
          continue;
        }
        shown[issue.severity]++;
        out.push(formatAnnotation(issue, lang, `${showTarget(target.label, lang)}: ${issue.code}`));
      }
    }
  }
  if (hidden > 0) {
    const more = lang === "id" ? `${hidden} masalah lagi tidak ditampilkan sebagai anotasi; jalankan desbumi check untuk semuanya` : `${hidden} more problems not shown as annotations; run desbumi check for all of them`;
    out.push(`::notice title=desbumi::${escapeData(more)}`);
  }
  for (const report of reports) {
    for (const t of report.targets) {
      const ok = t.total > 0 && t.ready === t.total;
      out.push(`${ok ? "✔" : "✖"} ${safeText(report.file)} — ${safeText(showTarget(t.label, lang))}: ${lang === "id" ? `${t.ready} dari ${t.total} siap` : `${t.ready} of ${t.total} ready`} (${t.percent}%)`);
    }
  }
  return out;
}
