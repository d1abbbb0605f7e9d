// Appending desbumi's entries to .gitignore without duplicating what is already there.

const sameEntry = (line: string, entry: string): boolean => {
  const normalize = (s: string) => s.trim().replace(/^\//, "").replace(/\/$/, "");
  return normalize(line) === normalize(entry);
};

/** The new .gitignore text and the entries that were missing (empty: nothing to write). */
export function mergeGitignore(existing: string | undefined, entries: readonly string[]): { content: string; added: string[] } {
  const current = existing ?? "";
  const lines = current.split(/\r?\n/);
  const added = entries.filter((entry) => !lines.some((line) => sameEntry(line, entry)));
  if (added.length === 0) return { content: current, added };
  const eol = current.includes("\r\n") ? "\r\n" : "\n";
  const separator = current === "" || current.endsWith("\n") ? "" : eol;
  const block = ["# desbumi: local secrets and run data", ...added].join(eol);
  return { content: `${current}${separator}${current === "" ? "" : eol}${block}${eol}`, added };
}
