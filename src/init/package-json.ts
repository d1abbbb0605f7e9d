// The project's package.json: pins desbumi as a dev dependency so `npx desbumi` (locally and in
// the CI workflow) runs this version from node_modules instead of whatever the registry has, and
// so the config's "$schema" path under node_modules exists after `npm install`.
import { UsageError } from "../errors.js";
import { VERSION } from "../version.js";
import { slugify } from "./group-spec.js";

export const PACKAGE_NAME = "desbumi";
export const DESBUMI_RANGE = `^${VERSION}`;
/**
 * NOTE: false until desbumi is published on the public npm registry; while false, `init` says in
 * one line how the CI workflow gets desbumi (docs/publishing.md). Flip it in the release commit.
 */
export const IS_ON_NPM_REGISTRY = false;

export type PackageJsonChange =
  | { status: "created"; content: string }
  | { status: "updated"; content: string; detail: string }
  | { status: "kept" };

/** A package name npm accepts: lowercase, URL-safe, at most 214 characters. */
export function projectPackageName(folderName: string): string {
  const slug = slugify(folderName).slice(0, 200).replace(/-+$/, "");
  return `${slug || "toko-desa"}-katalog`;
}

export function renderPackageJson(folderName: string): string {
  const pkg = {
    name: projectPackageName(folderName),
    private: true,
    devDependencies: { [PACKAGE_NAME]: DESBUMI_RANGE },
    scripts: { validate: "desbumi validate", sync: "desbumi sync" },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * A new package.json when there is none; otherwise the same one with desbumi added to
 * devDependencies when no dependency list names it yet. Every other key stays, in its order, with
 * the file's own indentation and line endings.
 */
export function mergePackageJson(existing: string | undefined, folderName: string): PackageJsonChange {
  if (existing === undefined) return { status: "created", content: renderPackageJson(folderName) };
  const pkg = parsePackageJson(existing);
  const lists = ["dependencies", "devDependencies", "optionalDependencies"] as const;
  if (lists.some((list) => isRecord(pkg[list]) && PACKAGE_NAME in pkg[list])) return { status: "kept" };

  const current = isRecord(pkg.devDependencies) ? pkg.devDependencies : {};
  // NOTE: sorted, as npm itself writes dependency lists.
  const devDependencies = Object.fromEntries(
    Object.entries({ ...current, [PACKAGE_NAME]: DESBUMI_RANGE }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const merged = { ...pkg, devDependencies };
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const body = JSON.stringify(merged, null, indentOf(existing)).replace(/\n/g, eol);
  return { status: "updated", content: `${body}${eol}`, detail: `devDependencies: ${PACKAGE_NAME} ${DESBUMI_RANGE}` };
}

function parsePackageJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError({
      id: `package.json di folder ini bukan JSON yang sah (${reason}); perbaiki dulu, lalu jalankan desbumi init lagi. Belum ada berkas yang ditulis.`,
      en: `package.json in this folder is not valid JSON (${reason}); fix it, then run desbumi init again. No file was written.`,
    });
  }
  if (!isRecord(value)) {
    throw new UsageError({
      id: "package.json di folder ini harus berisi satu objek JSON ({ ... }); perbaiki dulu, lalu jalankan desbumi init lagi. Belum ada berkas yang ditulis.",
      en: "package.json in this folder must hold one JSON object ({ ... }); fix it, then run desbumi init again. No file was written.",
    });
  }
  return value;
}

/** The indentation of the first indented line (a tab or 1 to 8 spaces); 2 spaces when none. */
function indentOf(text: string): string | number {
  const indent = /^[ \t]*\{\s*?\r?\n([ \t]+)\S/.exec(text)?.[1];
  if (indent === undefined) return 2;
  if (indent.startsWith("\t")) return "\t";
  return Math.min(indent.length, 8);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
