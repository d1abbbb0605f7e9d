// A title too long for a marketplace, cut at a word boundary within its limit: offered as the
// suggested fix of NAME_TOO_LONG, never applied (issue 14: titles are never shortened silently).

/** The longest run of whole words of `title` within `max` characters, or undefined when not even one word fits. */
export function fitTitle(title: string, max: number): string | undefined {
  const words = title.trim().split(/\s+/);
  let out = "";
  for (const word of words) {
    const next = out === "" ? word : `${out} ${word}`;
    if ([...next].length > max) break;
    out = next;
  }
  // Trailing joiners read as cut off ("Keripik Singkong dan"): drop them and stray punctuation.
  out = out.replace(/(?:\s+(?:dan|atau|&|-|,|untuk|dengan|isi))+$/i, "").replace(/[\s,;:&/-]+$/, "");
  return out === "" ? undefined : out;
}
