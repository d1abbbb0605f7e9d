// Which character separates cells, from the first lines of text. Pure.

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Excel's `sep=;` first line. Returns the delimiter and the text after that line. */
export function readSepLine(text: string): { delimiter: Delimiter; rest: string } | undefined {
  const match = /^sep=(.)[^\S\r\n]*(\r\n|\r|\n|$)/i.exec(text);
  if (!match) return undefined;
  const delimiter = DELIMITERS.find((d) => d === match[1]);
  return delimiter ? { delimiter, rest: text.slice(match[0].length) } : undefined;
}

/**
 * Counts each candidate per line outside quotes over the first lines; the winner is the one
 * whose most common non-zero count occurs on the most lines (ties: more columns, then the
 * order `,` `;` tab `|`). Lines with none of them (title rows) do not vote.
 * NOTE: a `;` file with unquoted decimal commas (`25.000,00`) still picks `;`: the commas do
 * not appear on the header line, so their count is less consistent.
 */
export function sniffDelimiter(sample: string, maxLines = 30): Delimiter {
  const lines: number[][] = [];
  let counts = DELIMITERS.map(() => 0);
  let inQuotes = false;
  const endLine = (): void => {
    if (counts.some((c) => c > 0)) lines.push(counts);
    counts = DELIMITERS.map(() => 0);
  };
  for (let i = 0; i < sample.length && lines.length < maxLines; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === "\n" || ch === "\r") endLine();
    else {
      const k = DELIMITERS.indexOf(ch as Delimiter);
      if (k >= 0) counts[k]!++;
    }
  }
  if (!inQuotes) endLine();
  let best: Delimiter = ",";
  let bestScore = [0, 0];
  DELIMITERS.forEach((d, k) => {
    const freq = new Map<number, number>();
    for (const line of lines) {
      const c = line[k]!;
      if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    }
    let mode = 0;
    let modeLines = 0;
    for (const [count, n] of freq) if (n > modeLines || (n === modeLines && count > mode)) [mode, modeLines] = [count, n];
    if (modeLines > bestScore[0]! || (modeLines === bestScore[0]! && mode > bestScore[1]!)) {
      best = d;
      bestScore = [modeLines, mode];
    }
  });
  return best;
}
