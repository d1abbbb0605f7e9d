// `desbumi groups` output: an aligned table (text) or a versioned JSON document.
import type { Lang, Text } from "../i18n.js";
import type { GroupRow } from "./list.js";

const HEADERS: Record<Lang, string[]> = {
  id: ["ID", "NAMA", "KATALOG", "BARIS", "TARGET", "SINKRON TERAKHIR"],
  en: ["ID", "NAME", "CATALOGUE", "ROWS", "TARGET", "LAST SYNC"],
};

const WORDS = {
  practiceShop: { id: "toko latihan", en: "practice shop" },
  missing: { id: "tidak ada", en: "missing" },
  unreadable: { id: "tak terbaca", en: "unreadable" },
  never: { id: "belum pernah", en: "never" },
  interrupted: { id: "terputus", en: "interrupted" },
  failed: { id: "gagal", en: "failed" },
} satisfies Record<string, Text>;

/** Local time as `2025-01-02 10:04`: facilitators read their own clock. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function cells(row: GroupRow, lang: Lang): string[] {
  const rows =
    row.catalogState.status === "ok" ? String(row.catalogState.rows) : WORDS[row.catalogState.status][lang];
  const last = row.lastSync;
  let lastText = WORDS.never[lang];
  if (last) {
    const notes = [
      ...(last.interrupted ? [WORDS.interrupted[lang]] : []),
      ...(last.summary.failed > 0 ? [`${last.summary.failed} ${WORDS.failed[lang]}`] : []),
    ];
    lastText = `${formatLocalTime(last.time)}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  }
  return [row.id, row.name, row.catalog, rows, row.adapter ?? WORDS.practiceShop[lang], lastText];
}

export function renderGroupsText(rows: readonly GroupRow[], configShown: string, lang: Lang): string {
  const table = [HEADERS[lang], ...rows.map((row) => cells(row, lang))];
  const widths = HEADERS[lang].map((_, col) => Math.max(...table.map((line) => (line[col] ?? "").length)));
  const lines = table.map((line) => line.map((cell, col) => (col === line.length - 1 ? cell : cell.padEnd(widths[col] ?? 0))).join("  ").trimEnd());
  const title = lang === "id" ? `Kelompok di ${configShown} (${rows.length}):` : `Groups in ${configShown} (${rows.length}):`;
  return `${title}\n\n${lines.join("\n")}\n`;
}

export function renderGroupsJson(rows: readonly GroupRow[], configPath: string): string {
  const document = {
    version: 1,
    config: configPath,
    groups: rows.map((row) => ({
      id: row.id,
      name: row.name,
      catalog: row.catalog,
      catalogPath: row.catalogPath,
      catalogStatus: row.catalogState.status,
      rows: row.catalogState.status === "ok" ? row.catalogState.rows : null,
      target: row.adapter ?? "practice-shop",
      lastSync: row.lastSync ? { time: row.lastSync.time, interrupted: row.lastSync.interrupted, summary: row.lastSync.summary } : null,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
