// The overall summary after syncing every group: one line per group, worst outcome visible.
import type { GroupConfig } from "../config/types.js";
import type { Lang } from "../i18n.js";
import type { SyncReport } from "./finish.js";
import { showTarget } from "../target/practice-shop-name.js";

export function renderGroupsSummary(reports: readonly SyncReport[], groups: readonly GroupConfig[], lang: Lang): string {
  const id = lang === "id";
  const lines = [id ? "Ringkasan semua kelompok:" : "All groups:"];
  for (const report of reports) {
    const group = groups.find((g) => g.id === report.group);
    const name = group ? `${group.name} (${group.id})` : report.catalog;
    const where = report.target ? ` — ${showTarget(report.target, lang)}` : "";
    lines.push(`  ${name}${where}: ${describe(report, lang)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** "1 change pending", "2 changes pending" (issue 12.14). */
const pendingEn = (n: number): string => `${n} ${n === 1 ? "change" : "changes"} pending`;

function describe(report: SyncReport, lang: Lang): string {
  const id = lang === "id";
  const s = report.plan?.summary;
  const pending = s ? s.create + s.update + s.deactivate + s.reactivate : 0;
  switch (report.status) {
    case "applied": {
      const r = report.result?.summary;
      if (!r) return id ? "diterapkan" : "applied";
      const counts = id
        ? `${r.created} dibuat, ${r.updated} diubah, ${r.deactivated} dinonaktifkan, ${r.reactivated} diaktifkan lagi, ${r.failed} gagal`
        : `${r.created} created, ${r.updated} updated, ${r.deactivated} deactivated, ${r.reactivated} reactivated, ${r.failed} failed`;
      const stopped = report.result?.interrupted ? (id ? " (dihentikan)" : " (stopped)") : "";
      return `${id ? "diterapkan" : "applied"}: ${counts}${stopped}`;
    }
    case "nothing-to-do":
      return id ? "sudah sesuai, tidak ada perubahan" : "up to date, nothing to do";
    case "planned":
      return id ? `uji coba: ${pending} perubahan tertunda` : `dry run: ${pendingEn(pending)}`;
    case "not-applied":
    case "declined":
      return id ? `tidak diterapkan: ${pending} perubahan tertunda` : `not applied: ${pendingEn(pending)}`;
    case "refused":
      return id ? "DITOLAK (lihat di atas)" : "REFUSED (see above)";
    case "error":
      return id ? "TIDAK BISA DIJALANKAN (lihat di atas)" : `COULD NOT RUN: ${report.message ?? ""}`;
  }
}
