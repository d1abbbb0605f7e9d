// Readiness for GitHub Actions: an annotation per problem (capped per severity, as validate does),
// titled with the marketplace, then one line per marketplace with its completeness.
import { formatIssue } from "../report/messages.js";
import { GITHUB_ANNOTATIONS_PER_SEVERITY, escapeData, escapeProperty } from "../report/github.js";
import type { Issue } from "../issues.js";
import type { Lang } from "../i18n.js";
import type { ReadinessReport } from "./readiness.js";
import { showTarget } from "../target/practice-shop-name.js";

export function renderCheckGithub(reports: readonly ReadinessReport[], lang: Lang): string {
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
        out.push(annotation(issue, showTarget(target.label, lang), lang));
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
      out.push(`${ok ? "✔" : "✖"} ${report.file} — ${showTarget(t.label, lang)}: ${lang === "id" ? `${t.ready} dari ${t.total} siap` : `${t.ready} of ${t.total} ready`} (${t.percent}%)`);
    }
  }
  return `${out.join("\n")}\n`;
}

function annotation(issue: Issue, target: string, lang: Lang): string {
  const { message, hint } = formatIssue(issue, lang);
  const props = [`file=${escapeProperty(issue.file)}`];
  if (issue.line !== undefined) props.push(`line=${issue.line}`);
  props.push(`title=${escapeProperty(`${target}: ${issue.code}`)}`);
  const where = issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell} ` : "";
  const column = issue.column ? `${issue.column}: ` : "";
  return `::${issue.severity} ${props.join(",")}::${escapeData(`${where}${column}${message}\n${hint}`)}`;
}
