// The end-of-apply summary: what was applied, what failed and why, and whether to run sync again.
import type { Lang, Text } from "../i18n.js";
import type { ApplyReport } from "./apply-run.js";
import { safeText } from "../report/terminal-safe.js";

/** A file a file-writing target wrote (issue 12.9), its path as the user would type it. */
export interface ShownFile {
  path: string;
  rows: number;
  use: Text;
}

/**
 * `files`: the target writes upload files instead of listing (tokopedia-bulk): the summary names
 * each file it wrote and what it is for, instead of counting listings as "created".
 */
export function renderApplySummary(report: Pick<ApplyReport, "total" | "outcomes" | "summary" | "interrupted">, lang: Lang, files?: readonly ShownFile[]): string {
  const s = report.summary;
  const id = lang === "id";
  const lines: string[] = files
    ? files.length === 0
      ? [id ? "Tidak ada berkas yang ditulis." : "No file written."]
      : files.map((f) =>
          id ? `Ditulis: ${safeText(f.path)} (${f.rows} baris) — ${f.use.id}` : `Written: ${safeText(f.path)} (${f.rows} row${f.rows === 1 ? "" : "s"}) — ${f.use.en}`,
        )
    : [
        id
          ? `Diterapkan: ${s.created} dibuat, ${s.updated} diubah, ${s.deactivated} dinonaktifkan, ${s.reactivated} diaktifkan lagi.`
          : `Applied: ${s.created} created, ${s.updated} updated, ${s.deactivated} deactivated, ${s.reactivated} reactivated.`,
      ];
  const failed = report.outcomes.filter((o) => o.status === "failed");
  // NOTE: the SKU and the marketplace's message and code are someone else's text (issue 13 item 7).
  const describe = (o: (typeof failed)[number]): string => `SKU ${safeText(o.sku)} (${safeText(o.error.message)}; ${safeText(o.error.code)})`;
  const last = lines.length - 1;
  if (failed.length === 1 && failed[0]) lines[last] += id ? ` 1 gagal: ${describe(failed[0])}` : ` 1 failed: ${describe(failed[0])}`;
  else if (failed.length > 1) {
    lines[last] += id ? ` ${failed.length} gagal:` : ` ${failed.length} failed:`;
    for (const o of failed) lines.push(`  - ${describe(o)}`);
  }
  const done = s.created + s.updated + s.deactivated + s.reactivated + s.failed;
  // Skipped items (every change has one outcome, see completeOutcomes); older callers may pass fewer.
  const notStarted = Math.max(s.skipped, report.total - done);
  if (report.interrupted) {
    lines.push(
      id
        ? `Dihentikan: ${done} selesai, ${notStarted} belum dimulai — jalankan sync lagi untuk menyelesaikan.`
        : `Stopped: ${done} done, ${notStarted} not started — run sync again to finish.`,
    );
  } else if (notStarted > 0) {
    lines.push(id ? `${notStarted} dilewati — jalankan sync lagi.` : `${notStarted} skipped — run sync again.`);
  }
  if (!report.interrupted && failed.some((o) => o.error.retryable)) {
    lines.push(
      id
        ? "Sebagian kegagalan bersifat sementara (jaringan/server): jalankan sync lagi untuk mencoba ulang."
        : "Some failures were temporary (network/server): run sync again to retry them.",
    );
  }
  return `${lines.join("\n")}\n`;
}
