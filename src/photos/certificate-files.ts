// Certificate photos and PDFs (`Foto Sertifikat` column, issue 14): checked like product photos
// (exists, with did-you-mean; really a JPEG/PNG/WEBP, or a PDF by its magic bytes; share links
// rewritten), but not against the marketplace's photo sizes: a scan of an A4 certificate is
// neither square nor a product photo.
import { resolve } from "node:path";
import { columnLetter } from "../catalog/source.js";
import type { Issue } from "../issues.js";
import { resolvePhotoRefs, type PhotoRefAt } from "./resolve.js";
import type { ResolvedPhoto } from "./types.js";

export interface CertificateFileRefs {
  line: number;
  sheet?: string;
  certificates?: { files?: readonly string[] };
}

export async function checkCertificateFiles(
  catalog: { file: string; products: readonly CertificateFileRefs[]; column?: { header: string; index: number } },
  opts: { cwd: string; photoFolder?: string },
): Promise<Issue[]> {
  return (await resolveCertificateFiles(catalog, opts)).issues;
}

/** The checks above, and each product's resolved certificate files (index of `products` -> files), for uploading adapters. */
export async function resolveCertificateFiles(
  catalog: { file: string; products: readonly CertificateFileRefs[]; column?: { header: string; index: number } },
  opts: { cwd: string; photoFolder?: string },
): Promise<{ issues: Issue[]; photos: Map<number, ResolvedPhoto[]> }> {
  const { column } = catalog;
  const refs: PhotoRefAt[] = [];
  const owners: number[] = [];
  for (const [index, p] of catalog.products.entries()) {
    for (const ref of p.certificates?.files ?? []) {
      owners.push(index);
      const at: PhotoRefAt = { ref, line: p.line };
      if (column) at.column = column.header;
      if (p.sheet !== undefined) at.sheet = p.sheet;
      if (p.sheet !== undefined && column) at.cell = `${columnLetter(column.index)}${p.line}`;
      refs.push(at);
    }
  }
  if (refs.length === 0) return { issues: [], photos: new Map() };
  const resolved = await resolvePhotoRefs(refs, {
    catalogFile: catalog.file,
    catalogPath: resolve(opts.cwd, catalog.file),
    allowPdf: true,
    ...(opts.photoFolder ? { photoFolder: opts.photoFolder } : {}),
  });
  const photos = new Map<number, ResolvedPhoto[]>();
  owners.forEach((owner, i) => {
    const photo = resolved.photos[i];
    if (!photo) return;
    const list = photos.get(owner) ?? [];
    list.push(photo);
    photos.set(owner, list);
  });
  return { issues: resolved.issues.filter((i) => i.code !== "PHOTO_NOT_SQUARE"), photos };
}
