// Readiness as one self-contained html page (no external assets: styles inline, local photos as
// data: URIs): the catalogue as written, each problem cell highlighted with its message beside the
// row, and a ready / not-ready column per marketplace. For a facilitator to open, print or share.
import { open, rename, writeFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { columnLetter } from "../catalog/source.js";
import type { Issue } from "../issues.js";
import type { Lang } from "../i18n.js";
import { formatIssue } from "../report/messages.js";
import type { CheckedCatalog } from "./run.js";
import { cellText } from "./run.js";
import { showTarget } from "../target/practice-shop-name.js";

/** Largest local photo embedded as a thumbnail; bigger ones are named, not embedded (the page stays small). */
const MAX_EMBEDDED_PHOTO_BYTES = 512 * 1024;

export async function writeCheckHtml(catalog: CheckedCatalog, opts: { lang: Lang; cwd: string; out?: string }): Promise<string> {
  const html = await renderCheckHtml(catalog, opts.lang);
  const out = opts.out ?? `${basename(catalog.report.file, extname(catalog.report.file))}-siap.html`;
  const path = resolve(opts.cwd, out);
  // NOTE: written to a temporary name first, so an open browser tab never sees half a page.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, html, "utf8");
  await rename(tmp, path);
  return out;
}

export async function renderCheckHtml(catalog: CheckedCatalog, lang: Lang): Promise<string> {
  const { report, rows } = catalog;
  const id = lang === "id";
  const header = rows.find((r) => r.line === catalog.headerLine);
  const headers = (header?.cells ?? []).map((c) => cellText(c).trim());
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const imageColumn = catalog.columns?.images?.index;

  // Issues per (line, column index) across marketplaces; issues with a line but no column mark the row.
  const cellIssues = new Map<string, { issue: Issue; target: string }[]>();
  const rowIssues = new Map<number, { issue: Issue; target: string }[]>();
  const columnOf = (issue: Issue): number | undefined => {
    if (issue.cell) {
      const letters = /^([A-Z]+)/i.exec(issue.cell)?.[1];
      if (letters) return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    }
    if (issue.column) {
      const index = headers.indexOf(issue.column.trim());
      if (index >= 0) return index;
    }
    return undefined;
  };
  const add = <K>(map: Map<K, { issue: Issue; target: string }[]>, key: K, entry: { issue: Issue; target: string }) => map.set(key, [...(map.get(key) ?? []), entry]);
  for (const target of report.targets) {
    for (const issue of [...target.fileIssues, ...target.products.flatMap((v) => v.issues)]) {
      if (issue.line === undefined) continue;
      const col = columnOf(issue);
      if (col === undefined) add(rowIssues, issue.line, { issue, target: showTarget(target.label, lang) });
      else add(cellIssues, `${issue.line}:${col}`, { issue, target: showTarget(target.label, lang) });
      if (col !== undefined) add(rowIssues, issue.line, { issue, target: showTarget(target.label, lang) });
    }
  }

  const productOfLine = new Map<number, string>();
  for (const product of report.products) for (const line of product.lines) productOfLine.set(line, product.key);
  const verdictOf = (key: string | undefined, t: (typeof report.targets)[number]) => (key === undefined ? undefined : t.products.find((v) => v.key === key));

  const thead = [
    `<th>${id ? "Baris" : "Line"}</th>`,
    ...Array.from({ length: width }, (_, i) => `<th title="${columnLetter(i)}">${esc(headers[i] || columnLetter(i))}</th>`),
    ...report.targets.map((t) => `<th class="target">${esc(showTarget(t.label, lang))}<br><small>${t.ready}/${t.total} (${t.percent}%)</small></th>`),
    `<th>${id ? "Masalah" : "Problems"}</th>`,
  ].join("");

  const body: string[] = [];
  for (const row of rows) {
    if (catalog.headerLine !== undefined && row.line <= catalog.headerLine) continue;
    if (row.cells.every((c) => cellText(c).trim() === "")) continue;
    const key = productOfLine.get(row.line);
    const cells: string[] = [`<td class="line">${row.line}</td>`];
    for (let col = 0; col < width; col++) {
      const value = cellText(row.cells[col]);
      const found = cellIssues.get(`${row.line}:${col}`) ?? [];
      const worst = found.some((f) => f.issue.severity === "error") ? "error" : found.length > 0 ? "warning" : undefined;
      const attrs = worst
        ? ` class="has-issue ${worst}" data-line="${row.line}" data-col="${col}" data-codes="${esc([...new Set(found.map((f) => f.issue.code))].join(" "))}" title="${esc(found.map((f) => `${f.target}: ${formatIssue(f.issue, lang).message}`).join("\n"))}"`
        : "";
      const content = col === imageColumn || looksLikePhotoList(value) ? await photoCell(value, catalog.path) : esc(value);
      cells.push(`<td${attrs}>${content}</td>`);
    }
    for (const target of report.targets) {
      const verdict = verdictOf(key ?? `line:${row.line}`, target);
      const ready = verdict?.ready ?? false;
      cells.push(`<td class="verdict ${ready ? "ready" : "not-ready"}">${ready ? (id ? "✔ siap" : "✔ ready") : id ? "✖ belum" : "✖ not ready"}</td>`);
    }
    const messages = (rowIssues.get(row.line) ?? []).map(({ issue, target }) => {
      const { message, hint } = formatIssue(issue, lang);
      const where = issue.column ? `<b>${esc(issue.column)}</b>: ` : "";
      return `<li class="${issue.severity}"><span class="mp">${esc(target)}</span> ${where}${esc(message)}<br><small>→ ${esc(hint)}</small></li>`;
    });
    cells.push(`<td class="messages">${messages.length ? `<ul>${messages.join("")}</ul>` : ""}</td>`);
    body.push(`<tr data-line="${row.line}">${cells.join("")}</tr>`);
  }

  const fileProblems = report.targets.flatMap((t) =>
    t.fileIssues.map((issue) => `<li class="${issue.severity}"><span class="mp">${esc(showTarget(t.label, lang))}</span> ${esc(formatIssue(issue, lang).message)}</li>`),
  );
  const title = id ? `Kesiapan katalog ${report.file}` : `Catalogue readiness: ${report.file}`;
  const summary = report.targets
    .map((t) => `<li><b>${esc(showTarget(t.label, lang))}</b>: ${id ? `${t.ready} dari ${t.total} produk siap` : `${t.ready} of ${t.total} products ready`} (${t.percent}%)</li>`)
    .join("");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style></head>
<body>
<h1>${esc(title)}</h1>
<ul class="summary">${summary}<li><b>Total</b>: ${report.total.ready}/${report.total.total} (${report.total.percent}%)</li></ul>
${fileProblems.length ? `<ul class="file-problems">${fileProblems.join("")}</ul>` : ""}
<table><thead><tr>${thead}</tr></thead><tbody>
${body.join("\n")}
</tbody></table>
</body></html>
`;
}

/** Highlight colours are part of the page's contract: the browser test looks for them on screen. */
export const HIGHLIGHT = { error: "#ffb3b3", warning: "#ffe08a" } as const;

const CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#222}
h1{font-size:18px}
table{border-collapse:collapse}
th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee;position:sticky;top:0}
td.line{color:#777}
td.has-issue.error{background:${HIGHLIGHT.error}}
td.has-issue.warning{background:${HIGHLIGHT.warning}}
td.verdict.ready{color:#17692a;white-space:nowrap}
td.verdict.not-ready{color:#a00;font-weight:bold;white-space:nowrap}
td.messages ul{margin:0;padding-left:16px;min-width:320px}
li.error{color:#a00} li.warning{color:#8a5a00}
.mp{font-size:11px;background:#eef;border-radius:3px;padding:0 4px;color:#335}
img.thumb{width:48px;height:48px;object-fit:cover;margin:1px;border:1px solid #ccc}
`;

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

const looksLikePhotoList = (value: string): boolean => /\.(jpe?g|png|webp)\b/i.test(value);

/** A photo cell: local files as small embedded thumbnails, links as text (nothing is fetched). */
async function photoCell(value: string, catalogPath: string): Promise<string> {
  const refs = value.split(/[|;,\n]+/).map((s) => s.trim()).filter(Boolean);
  const parts: string[] = [];
  for (const ref of refs) {
    if (/^https?:\/\//i.test(ref)) {
      parts.push(`<a href="${esc(ref)}" rel="noreferrer">${esc(shortUrl(ref))}</a>`);
      continue;
    }
    const uri = await thumbnail(ref, catalogPath);
    parts.push(uri ? `<img class="thumb" alt="${esc(ref)}" title="${esc(ref)}" src="${uri}">` : esc(ref));
  }
  return parts.join(" ");
}

const shortUrl = (url: string): string => (url.length > 40 ? `${url.slice(0, 37)}…` : url);

async function thumbnail(ref: string, catalogPath: string): Promise<string | undefined> {
  const dir = dirname(catalogPath);
  const candidates = isAbsolute(ref) ? [ref] : [resolve(dir, ref), resolve(dir, "foto", ref)];
  for (const path of candidates) {
    try {
      const handle = await open(path, "r");
      try {
        const info = await handle.stat();
        if (!info.isFile() || info.size > MAX_EMBEDDED_PHOTO_BYTES) return undefined;
        const bytes = await handle.readFile();
        const mime = sniffImage(bytes);
        return mime ? `data:${mime};base64,${bytes.toString("base64")}` : undefined;
      } finally {
        await handle.close();
      }
    } catch {
      // not here; try the next place
    }
  }
  return undefined;
}

function sniffImage(b: Buffer): string | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  return undefined;
}
