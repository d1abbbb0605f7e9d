// What a cell's formula says about where its value comes from: another workbook (`[1]Harga!B2`,
// `'C:\data\[harga.xlsx]Sheet1'!B2`), the web (WEBSERVICE, FILTERXML, RTD), or a link target
// (HYPERLINK("https://...", "Lihat foto")). Pure; read on the formula text as stored in the XML.

export type ExternalKind = "workbook" | "web";

/** Where the formula's value comes from outside this workbook, if it does. */
export function externalSource(formula: string): ExternalKind | undefined {
  const code = withoutStrings(formula);
  if (/(?:^|[^\w.])(?:_xlfn\.)?(?:WEBSERVICE|FILTERXML|RTD)\s*\(/i.test(code)) return "web";
  // `[n]` or `[book.xlsx]` before a sheet name and `!`, not a table's structured reference
  // (`Tabel1[Harga]`, `[@Harga]`), which follows a name or has no `!`.
  if (/(?:^|[^\w.\]'])\[[^\][]+\][\w.]*!|'[^']*\[[^\]']+\][^']*'!/.test(code)) return "workbook";
  return undefined;
}

/** The link target of a HYPERLINK formula whose target is a literal text, else undefined. */
export function hyperlinkTarget(formula: string): string | undefined {
  const m = /(?:^|[^\w.])(?:_xlfn\.)?HYPERLINK\s*\(\s*"((?:[^"]|"")*)"\s*[,)]/i.exec(formula);
  const target = m?.[1]?.replace(/""/g, '"').trim();
  return target === undefined || target === "" ? undefined : target;
}

/** The formula with its text literals blanked, so `"[1]x!"` inside quotes is not a reference. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}
