// Which number formats make a numeric cell a date: Excel stores dates as day counts and tells them
// apart only by the cell's format. The same rules as read-excel-file (xlsx/isDateFormat.js,
// isDateFormatStyle.js), so workbooks read as they always did.

/** Built-in format ids that are dates or times (locale-independent, CJK and Thai ones). */
const BUILT_IN_DATE_IDS = new Set<number>([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
  71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

const DATE_TOKENS = new Set(["s", "ss", "m", "mm", "h", "hh", "am", "pm", "a", "p", "d", "dd", "ddd", "dddd", "aaa", "aaaa", "aaaaa", "mmm", "mmmm", "mmmmm", "y", "yy", "yyyy", "e", "ee", "eeee"]);

/** A cell format (numFmtId, and the format code of a custom format, id >= 100 as read-excel-file has it) is a date. */
export function isDateFormat(id: number, template: string | undefined): boolean {
  if (BUILT_IN_DATE_IDS.has(id)) return true;
  return template !== undefined && template !== "" && isDateTemplate(template);
}

function isDateTemplate(template: string): boolean {
  const parts = template.toLowerCase().replace(/;@$/, "").replace(/\\./g, " ").split(";");
  return parts.some((part) => {
    const tokens = part
      .replace(/"[^"]*"/g, " ")
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, "$1")
      .replace(/\[([smhd]{1,2})\]/g, "$1")
      .replace(/\[[^\]]*\]/g, "")
      .split(/[^a-z0#?%]+/)
      .filter((t) => t !== "");
    return tokens.length > 0 && tokens.every((t) => DATE_TOKENS.has(t));
  });
}

/** An Excel day count -> epoch milliseconds (the 1900 leap-year bug included, or the 1904 system). */
export function excelDateMs(serial: number, epoch1904: boolean): number {
  const day = 24 * 60 * 60 * 1000;
  const days = epoch1904 ? serial + 4 * 365 + 2 : serial;
  return Math.floor((days - (2 + 70 * 365 + 17)) * day);
}
