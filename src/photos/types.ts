// A photo reference from the catalogue, resolved and checked (issue 14): the content hash is its
// identity (renaming a file changes nothing; editing the photo is a change), and what uploaders
// (src/adapters/shared/photo-cache.ts) key their cache by.

export type PhotoSource = "url" | "file" | "share-link";

export interface ResolvedPhoto {
  /** The reference as the catalogue wrote it (after separator splitting and trimming). */
  ref: string;
  source: PhotoSource;
  /** Absolute path for local files. */
  path?: string;
  /** http(s) URL for URL photos, or the rewritten direct-download URL of a share link. */
  url?: string;
  /** sha256 hex of the file bytes; absent for a URL not downloaded yet (offline validate). */
  sha256?: string;
  mime?: "image/jpeg" | "image/png" | "image/webp";
  bytes?: number;
  width?: number;
  height?: number;
}
