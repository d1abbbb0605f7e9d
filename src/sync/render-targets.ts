// The summary of a multi-marketplace sync: a table target x created / updated / deactivated /
// failed, and for a target that could not run, what happened and the command that reruns just it.
import type { Lang } from "../i18n.js";
import type { SyncReport } from "./finish.js";
import { showTarget } from "../target/practice-shop-name.js";

export function renderTargetsTable(reports: readonly SyncReport[], lang: Lang): string {
  const id = lang === "id";
  const head = id
    ? ["Marketplace", "dibuat", "diubah", "dinonaktifkan", "gagal", "keadaan"]
    : ["Marketplace", "created", "updated", "deactivated", "failed", "status"];
  const rows = reports.map((r) => {
    const s = r.result?.summary;
    const cells = s ? [s.created, s.updated + s.reactivated, s.deactivated, s.failed].map(String) : ["-", "-", "-", "-"];
    return [r.target === undefined ? "?" : showTarget(r.target, lang), ...cells, describe(r, lang)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
  const out = [line(head), ...rows.map(line)];
  const failed = reports.filter((r) => r.status === "error" || (r.result?.summary.failed ?? 0) > 0 || r.status === "refused");
  for (const r of failed) {
    const rerun = `desbumi sync${r.group ? ` --group ${r.group}` : ` ${r.catalog}`}${(r.marketplace ?? r.plan?.marketplace) ? ` --marketplace ${r.marketplace ?? r.plan?.marketplace}` : ""}`;
    const who = r.target === undefined ? "?" : showTarget(r.target, lang);
    out.push(id ? `${who}: ${r.message ?? "ada yang gagal"} — setelah diperbaiki, jalankan lagi: ${rerun}` : `${who}: ${r.message ?? "something failed"} — once fixed, run again: ${rerun}`);
  }
  return `${out.join("\n")}\n`;
}

function describe(r: SyncReport, lang: Lang): string {
  const id = lang === "id";
  switch (r.status) {
    case "applied":
      return (r.result?.summary.failed ?? 0) > 0 ? (id ? "sebagian gagal" : "some failed") : id ? "diterapkan" : "applied";
    case "nothing-to-do":
      return id ? "sudah sesuai" : "up to date";
    case "planned":
      return id ? "uji coba" : "dry run";
    case "not-applied":
    case "declined":
      return id ? "tidak diterapkan" : "not applied";
    case "refused":
      return id ? "DITOLAK" : "REFUSED";
    case "error":
      return id ? "TIDAK BISA JALAN" : "COULD NOT RUN";
  }
}
