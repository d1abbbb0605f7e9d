// Cloud share links (Google Drive, Dropbox, Google Photos) -> a direct-download URL, or why not.
// A share link opens a web page (a viewer), not the image: a marketplace fetching it gets HTML.
// Pure: reads only the URL text.

export type ShareLinkKind = "drive" | "dropbox";
export type UnusableShareKind = "google-photos" | "drive-folder" | "drive-unknown" | "dropbox-folder";

export type ShareLink =
  | { usable: true; kind: ShareLinkKind; url: string }
  | { usable: false; kind: UnusableShareKind };

const DRIVE_HOSTS = new Set(["drive.google.com", "docs.google.com"]);
const DROPBOX_HOSTS = new Set(["www.dropbox.com", "dropbox.com"]);
const PHOTOS_HOSTS = new Set(["photos.app.goo.gl", "photos.google.com"]);
/** Drive file ids: letters, digits, `-` and `_` (25+ characters in practice). */
const DRIVE_ID = /^[A-Za-z0-9_-]{10,}$/;

/** A share link of a service desbumi knows, or undefined for any other URL (used as it is). */
export function readShareLink(url: URL): ShareLink | undefined {
  const host = url.hostname.toLowerCase();
  // `goo.gl/photos/...`: the older Google Photos share links.
  if (PHOTOS_HOSTS.has(host) || ((host === "goo.gl" || host === "www.goo.gl") && url.pathname.startsWith("/photos/"))) {
    // NOTE: a Google Photos share link is an album or viewer page; the image address behind it is
    // short-lived and not derivable from the link, so it cannot be rewritten.
    return { usable: false, kind: "google-photos" };
  }
  if (DRIVE_HOSTS.has(host)) return readDrive(url);
  if (DROPBOX_HOSTS.has(host)) return readDropbox(url);
  return undefined;
}

function readDrive(url: URL): ShareLink | undefined {
  const path = url.pathname;
  if (/\/folders\//.test(path) || path.endsWith("/drive/my-drive")) return { usable: false, kind: "drive-folder" };
  // `/file/d/<id>/view`, `/file/u/0/d/<id>/view`
  const fromPath = /\/file\/(?:u\/\d+\/)?d\/([^/]+)/.exec(path)?.[1];
  const fromQuery = url.searchParams.get("id") ?? undefined;
  const id = fromPath ?? fromQuery;
  if (id === undefined || !DRIVE_ID.test(id)) {
    // docs.google.com documents, spreadsheets and slides are not photos either.
    return { usable: false, kind: "drive-unknown" };
  }
  // NOTE: `/uc?export=download&id=` is Drive's direct-download form. Already in that form: no rewrite.
  if (path === "/uc" && url.searchParams.get("export") === "download" && host(url) === "drive.google.com") return undefined;
  return { usable: true, kind: "drive", url: `https://drive.google.com/uc?export=download&id=${id}` };
}

const host = (url: URL): string => url.hostname.toLowerCase();

function readDropbox(url: URL): ShareLink | undefined {
  const path = url.pathname;
  // `/sh/...` and `/scl/fo/...` share folders; `/s/<key>/<name>` and `/scl/fi/<key>/<name>` share one file.
  if (path.startsWith("/sh/") || path.startsWith("/scl/fo/")) return { usable: false, kind: "dropbox-folder" };
  if (!path.startsWith("/s/") && !path.startsWith("/scl/fi/")) return undefined;
  if (url.searchParams.get("dl") === "1" || url.searchParams.get("raw") === "1") return undefined;
  // NOTE: `dl=1` makes Dropbox answer with the file itself (a redirect to its content host); the
  // rest of the query (rlkey of the newer /scl/ links) must be kept or the link stops working.
  const direct = new URL(url.href);
  direct.hostname = "www.dropbox.com";
  direct.protocol = "https:";
  direct.searchParams.set("dl", "1");
  return { usable: true, kind: "dropbox", url: direct.href };
}
