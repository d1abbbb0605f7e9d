// Certificate photos and PDFs (`Foto Sertifikat` column, issue 14): checked like product photos
// (exists, with did-you-mean; really a JPEG/PNG/WEBP, or a PDF by its magic bytes; share links
// rewritten), but not against the marketplace's photo sizes: a scan of an A4 certificate is
// neither square nor a product photo.
import { resolve } from "node:path";
import { columnLetter } from "../catalog/source.js";
import type { Issue } from "../issues.js";
import { resolvePhotoRefs, type PhotoRefAt } from "./resolve.js";

export interface CertificateFileRefs {
  line: number;
  sheet?: string;
  certificates?: { files?: readonly string[] };
}

export async function checkCertificateFiles(
  catalog: { file: string; products: readonly CertificateFileRefs[]; column?: { header: string; index: number } },
  opts: { cwd: string; photoFolder?: string },
): Promise<Issue[]> {
  const { column } = catalog;
  const refs: PhotoRefAt[] = [];
  for (const p of catalog.products) {
    for (const ref of p.certificates?.files ?? []) {
      const at: PhotoRefAt = { ref, line: p.line };
      if (column) at.column = column.header;
      if (p.sheet !== undefined) at.sheet = p.sheet;
      if (p.sheet !== undefined && column) at.cell = `${columnLetter(column.index)}${p.line}`;
      refs.push(at);
    }
  }
  if (refs.length === 0) return [];
  const resolved = await resolvePhotoRefs(refs, {
    catalogFile: catalog.file,
    catalogPath: resolve(opts.cwd, catalog.file),
    allowPdf: true,
    ...(opts.photoFolder ? { photoFolder: opts.photoFolder } : {}),
  });
  return resolved.issues.filter((i) => i.code !== "PHOTO_NOT_SQUARE");
}
