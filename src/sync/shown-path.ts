import { isAbsolute, relative } from "node:path";

/** A path as outputs show it: relative to the working folder when inside it (shorter), else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
