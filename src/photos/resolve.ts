// Photo references as the catalogue wrote them -> ResolvedPhoto (content hash = identity) plus
// located issues. The one entry point validate and sync call (issue 14 "Photos").
import { readdir } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import pLimit from "p-limit";
import { isImageUrl } from "../catalog/images.js";
import type { Issue, IssueCode, Severity } from "../issues.js";
import type { PhotoRules } from "../rules.js";
import { closest } from "../edit-distance.js";
import { readPhotoFile, type FileRead } from "./read-file.js";
import { readShareLink } from "./share-links.js";
import type { ResolvedPhoto } from "./types.js";

/** One reference and where it was written. */
export interface PhotoRefAt {
  ref: string;
  line: number;
  column?: string;
  sheet?: string;
  cell?: string;
}

export interface ResolvePhotoOptions {
  /** The catalogue as the user named it (issues' `file`). */
  catalogFile: string;
  /** The catalogue's absolute path: relative photo paths start from its folder. */
  catalogPath: string;
  /** Absolute photo folder for bare file names (config `photos`); default `foto/` next to the catalogue. */
  photoFolder?: string;
  /**
   * The target marketplace's photo rules; absent = it takes only http(s) photo links (no uploads),
   * so a local file is PHOTO_UPLOAD_UNSUPPORTED.
   */
  rules?: PhotoRules;
  /** Human label of the target, for PHOTO_UPLOAD_UNSUPPORTED (`Tokopedia shop`). */
  targetLabel?: string;
  /** Certificates: a PDF is as good as a photo. */
  allowPdf?: boolean;
  /** Files read at once (default 8). */
  concurrency?: number;
}

export interface ResolvedRefs {
  /** Parallel to the input; undefined where the reference has an error. */
  photos: (ResolvedPhoto | undefined)[];
  issues: Issue[];
}

/** The default photo folder's name, next to the catalogue. */
export const DEFAULT_PHOTO_FOLDER = "foto";
/** Longer side over shorter side above this is PHOTO_NOT_SQUARE (3:2 passes, 16:9 does not). */
export const MAX_SIDE_RATIO = 1.5;
const DEFAULT_CONCURRENCY = 8;

export async function resolvePhotoRefs(refs: readonly PhotoRefAt[], opts: ResolvePhotoOptions): Promise<ResolvedRefs> {
  const catalogDir = dirname(opts.catalogPath);
  const photoFolder = opts.photoFolder ?? join(catalogDir, DEFAULT_PHOTO_FOLDER);
  const issues: Issue[] = [];
  const photos: (ResolvedPhoto | undefined)[] = new Array<ResolvedPhoto | undefined>(refs.length);
  const reads = new Map<string, Promise<FileRead>>();
  const limit = pLimit(opts.concurrency ?? DEFAULT_CONCURRENCY);
  const readOnce = (path: string): Promise<FileRead> => {
    let read = reads.get(path);
    if (!read) {
      read = limit(() => readPhotoFile(path));
      reads.set(path, read);
    }
    return read;
  };
  const folderNames = lazyFolderNames(photoFolder);

  const report = (at: PhotoRefAt, code: IssueCode, severity: Severity, args?: Issue["args"]): void => {
    const issue: Issue = { code, severity, file: opts.catalogFile, line: at.line, value: at.ref };
    if (at.column !== undefined) issue.column = at.column;
    if (at.sheet !== undefined) issue.sheet = at.sheet;
    if (at.cell !== undefined) issue.cell = at.cell;
    if (args !== undefined && Object.keys(args).length > 0) issue.args = args;
    issues.push(issue);
  };

  await Promise.all(
    refs.map(async (at, i) => {
      const { ref } = at;
      if (isImageUrl(ref)) {
        const share = readShareLink(new URL(ref));
        if (share === undefined) photos[i] = { ref, source: "url", url: ref };
        else if (!share.usable) report(at, "PHOTO_SHARE_LINK_UNUSABLE", "error", { kind: share.kind });
        else {
          report(at, "PHOTO_SHARE_LINK_REWRITTEN", "warning", { kind: share.kind, url: share.url });
          photos[i] = { ref, source: "share-link", url: share.url };
        }
        return;
      }
      const candidates = localCandidates(ref, catalogDir, photoFolder);
      let found: { path: string; read: Extract<FileRead, { ok: true }> } | undefined;
      let failed: FileRead | undefined;
      for (const path of candidates) {
        const read = await readOnce(path);
        if (read.ok) {
          found = { path, read };
          break;
        }
        if (read.reason !== "missing") failed ??= read;
      }
      if (!found) {
        if (failed && !failed.ok && failed.reason !== "missing") {
          report(at, "PHOTO_UNREADABLE", "error", failed.reason === "folder" ? { reason: "folder" } : { reason: failed.code ?? failed.reason });
          return;
        }
        const suggestion = suggestName(ref, await folderNames());
        report(at, "PHOTO_NOT_FOUND", "error", { folder: shownFolder(photoFolder, catalogDir), ...(suggestion ? { suggestion } : {}) });
        return;
      }
      const { path, read } = found;
      const checked = checkRead(read, opts);
      for (const problem of checked.problems) report(at, problem.code, problem.severity, problem.args);
      if (checked.problems.some((p) => p.severity === "error")) return;
      if (opts.rules === undefined && !opts.allowPdf) {
        report(at, "PHOTO_UPLOAD_UNSUPPORTED", "error", opts.targetLabel ? { target: opts.targetLabel } : {});
        return;
      }
      const photo: ResolvedPhoto = { ref, source: "file", path, sha256: read.sha256, bytes: read.bytes };
      if (read.sniffed.photo) photo.mime = read.sniffed.mime;
      if (read.size) {
        photo.width = read.size.width;
        photo.height = read.size.height;
      }
      photos[i] = photo;
    }),
  );
  return { photos, issues: sortIssues(issues) };
}

interface Problem {
  code: IssueCode;
  severity: Severity;
  args?: Issue["args"];
}

/** The offline checks on a file that was read: really a photo, allowed format, bytes, pixels, shape. */
export function checkRead(read: Extract<FileRead, { ok: true }>, opts: Pick<ResolvePhotoOptions, "rules" | "allowPdf">): { problems: Problem[] } {
  const problems: Problem[] = [];
  const { sniffed, size } = read;
  const rules = opts.rules;
  if (!sniffed.photo) {
    if (opts.allowPdf && sniffed.actual === "pdf") return { problems };
    if (sniffed.actual === "heic") problems.push({ code: "PHOTO_HEIC", severity: "error" });
    else problems.push({ code: "PHOTO_NOT_IMAGE", severity: "error", args: { actual: sniffed.actual } });
    return { problems };
  }
  if (rules && !rules.formats.includes(sniffed.mime)) {
    problems.push({ code: "PHOTO_FORMAT_NOT_ALLOWED", severity: "error", args: { actual: sniffed.mime, formats: rules.formats.map(formatName).join(", ") } });
  }
  if (rules && read.bytes > rules.maxBytes) problems.push({ code: "PHOTO_TOO_LARGE", severity: "error", args: { bytes: read.bytes, max: rules.maxBytes } });
  if (!size) {
    problems.push({ code: "PHOTO_UNREADABLE", severity: "error", args: { reason: "header" } });
    return { problems };
  }
  const { width, height } = size;
  if (rules && (Math.min(width, height) < rules.minPx || Math.max(width, height) > rules.maxPx)) {
    problems.push({ code: "PHOTO_DIMENSIONS", severity: "error", args: { width, height, min: rules.minPx, max: rules.maxPx } });
  }
  if (Math.max(width, height) > MAX_SIDE_RATIO * Math.min(width, height)) {
    problems.push({ code: "PHOTO_NOT_SQUARE", severity: "warning", args: { width, height } });
  }
  return { problems };
}

const formatName = (mime: string): string => ({ "image/jpeg": "JPG", "image/png": "PNG", "image/webp": "WEBP" })[mime] ?? mime;

/**
 * Where a local reference may be: a path (`foto/kopi-1.jpg`, `..\foto\kopi.jpg`) from the
 * catalogue's folder; a bare name in the photo folder, then next to the catalogue.
 * NOTE: backslashes are read as folder separators: catalogues are often written on Windows.
 */
function localCandidates(ref: string, catalogDir: string, photoFolder: string): string[] {
  const path = ref.replace(/\\/g, "/");
  if (isAbsolute(path)) return [path];
  if (path.includes("/")) return [resolve(catalogDir, path)];
  return [join(photoFolder, path), join(catalogDir, path)];
}

function lazyFolderNames(folder: string): () => Promise<string[]> {
  let names: Promise<string[]> | undefined;
  return () => (names ??= readdir(folder).catch(() => [] as string[]));
}

/** The folder's file name closest to the reference's name (`kopi1.jpg` -> `kopi-1.jpg`), if close. */
export function suggestName(ref: string, names: readonly string[]): string | undefined {
  const base = ref.replace(/\\/g, "/").split("/").pop() ?? ref;
  const key = base.toLowerCase();
  const best = closest(key, names, (name) => name.toLowerCase());
  const tolerance = key.length < 6 ? 1 : key.length < 12 ? 2 : 3;
  return best !== undefined && best.item !== base && best.distance <= tolerance ? best.item : undefined;
}

const shownFolder = (folder: string, catalogDir: string): string => {
  const rel = folder.startsWith(`${catalogDir}/`) ? folder.slice(catalogDir.length + 1) : folder;
  return rel.endsWith("/") ? rel : `${rel}/`;
};

const sortIssues = (issues: Issue[]): Issue[] => issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.cell ?? "").localeCompare(b.cell ?? ""));
