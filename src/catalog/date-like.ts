// A cell that Excel turned into a date (a weight typed `1-5` or `1/5` becomes `1-Mei` or
// `05/01/2026` in Indonesian Excel). Pure.
// NOTE: `1/2`, `1/4` (a fraction of a kilo) are weights, so a slash date needs its year.

const MONTHS = "jan|januari|january|feb|februari|february|mar|maret|march|apr|april|mei|may|jun|juni|june|jul|juli|july|agu|agt|agus|agustus|aug|august|sep|sept|september|okt|oktober|oct|october|nov|november|des|desember|dec|december";
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const MONTH_DATE = new RegExp(`^(?:\\d{1,2}[\\s/.-]+(?:${MONTHS})(?:[\\s/.-]+\\d{2,4})?|(?:${MONTHS})[\\s/.-]+\\d{1,4})$`);

/** `05/01/2026`, `5-1-26`, `2026-01-05`, `1-Mei`, `1 Mei 2026`, `Mei-26`: a date, not a weight. */
export function looksLikeDate(text: string): boolean {
  const s = text.trim().toLowerCase();
  return NUMERIC_DATE.test(s) || ISO_DATE.test(s) || MONTH_DATE.test(s);
}

/** A Date cell as the user's sheet shows it, day first (`05/01/2026`), read in UTC as read-excel-file gives it. */
export function shownDate(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
