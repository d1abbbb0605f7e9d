// Image URL cells -> a list of http(s) URLs. Pure.

/** One cell may hold several URLs separated by `|`, `;`, spaces or newlines. */
const SEPARATORS = /[|;\s\u00a0]+/;
const SINGLE = /^[^|;\s\u00a0]+$/;
const HTTP = /^https?:\/\//i;

export function splitImageCell(cell: string): string[] {
  if (SINGLE.test(cell)) return [cell];
  return cell.split(SEPARATORS).filter((token) => token.length > 0);
}

export function isImageUrl(token: string): boolean {
  if (!HTTP.test(token)) return false;
  try {
    const url = new URL(token);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
