// Image URL cells -> a list of http(s) URLs. Pure.

/** One cell may hold several URLs separated by `|`, `;`, spaces or newlines. */
export function splitImageCell(cell: string): string[] {
  return cell.split(/[|;\s\u00a0]+/).filter((token) => token.length > 0);
}

export function isImageUrl(token: string): boolean {
  if (!/^https?:\/\//i.test(token)) return false;
  try {
    const url = new URL(token);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
