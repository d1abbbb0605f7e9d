// Wording of the report's own lines (per-file and total summaries, "N more"), both languages.
// Issue wording is in messages.ts.
import type { Lang } from "../i18n.js";
import type { IssueCounts } from "./counts.js";
import { groupDigits } from "./facts.js";
import { safeText } from "./terminal-safe.js";

const count = (n: number, lang: Lang, id: string, en: string, enPlural = `${en}s`): string =>
  lang === "id" ? `${groupDigits(n, lang)} ${id}` : `${groupDigits(n, lang)} ${n === 1 ? en : enPlural}`;

const issueParts = (c: IssueCounts, lang: Lang): string[] => {
  const parts: string[] = [];
  if (c.errors > 0) parts.push(count(c.errors, lang, "kesalahan", "error"));
  if (c.warnings > 0) parts.push(count(c.warnings, lang, "peringatan", "warning"));
  return parts;
};

/** `muiwo.csv: 24 products, 2 warnings` or `muiwo.csv: 24 rows, 3 errors`. */
export function describeFile(file: string, rows: number, c: IssueCounts, valid: boolean, lang: Lang): string {
  const what = valid ? count(rows, lang, "produk", "product") : count(rows, lang, "baris", "row");
  return `${safeText(file)}: ${[what, ...issueParts(c, lang)].join(", ")}`;
}

/** The closing line over all files. */
export function describeTotal(files: number, invalidFiles: number, rows: number, c: IssueCounts, strict: boolean, lang: Lang): string {
  const parts = [count(rows, lang, "baris", "row"), ...issueParts(c, lang)].join(", ");
  const head =
    invalidFiles === 0
      ? lang === "id"
        ? `Semua ${count(files, lang, "berkas", "file")} baik`
        : `All ${count(files, lang, "berkas", "file")} are fine`
      : lang === "id"
        ? `${invalidFiles} dari ${count(files, lang, "berkas", "file")} perlu diperbaiki`
        : `${invalidFiles} of ${count(files, lang, "berkas", "file")} need fixing`;
  const strictNote = strict && c.warnings > 0 ? (lang === "id" ? " (--strict: peringatan dihitung sebagai kesalahan)" : " (--strict: warnings count as errors)") : "";
  return `${head}: ${parts}${strictNote}`;
}

/** `missing.csv: could not be read`, the result line of a file that was not checked. */
export function describeUnreadable(file: string, lang: Lang): string {
  const shown = safeText(file);
  return lang === "id" ? `${shown}: tidak bisa dibaca, belum diperiksa` : `${shown}: could not be read, not checked`;
}

/**
 * After the GitHub annotation cap: `40 more errors and 3 more warnings are not shown as
 * annotations (...); they are listed below and in the job summary`.
 */
export function describeHidden(hidden: IssueCounts, hasStepSummary: boolean, lang: Lang): string {
  if (lang === "id") {
    const what = issueParts(hidden, lang).join(" dan ");
    return `${what} lagi tidak ditampilkan sebagai anotasi (GitHub hanya menampilkan 10 per jenis); daftarnya ada di bawah ini${hasStepSummary ? " dan di ringkasan job" : ""}`;
  }
  const what: string[] = [];
  if (hidden.errors > 0) what.push(count(hidden.errors, lang, "", "more error"));
  if (hidden.warnings > 0) what.push(count(hidden.warnings, lang, "", "more warning"));
  const one = hidden.errors + hidden.warnings === 1;
  return `${what.join(" and ")} ${one ? "is" : "are"} not shown as annotations (GitHub shows only 10 of each kind); ${one ? "it is" : "they are"} listed below${hasStepSummary ? " and in the job summary" : ""}`;
}
