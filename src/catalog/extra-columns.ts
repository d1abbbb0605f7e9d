// Catalogue v2 columns beyond v1 fields and variants (issue 14): brand, certificates and their
// files, marketplace attributes (`Atribut: Bahan` columns, or one `Atribut` cell of
// `name=value; ...`), and per-marketplace columns (`Nama Produk (TikTok Shop)`, `Harga (Shopee)`,
// `Stok (Shopee)`). Header spellings are matched on the header key like every other column.
import type { CertificateKind } from "./certificates.js";
import { headerKey, lookupHeader } from "./header-aliases.js";
import { marketplaceKey, suggestMarketplace } from "./marketplace-names.js";
import type { PriceUnit } from "./money.js";

export interface ExtraColumn {
  index: number;
  header: string;
}

export type OverrideField = "name" | "price" | "stock";

export interface OverrideColumn extends ExtraColumn {
  /** Product.overrides key (adapter name or marketplace family). */
  key: string;
  field: OverrideField;
  unit?: PriceUnit;
}

export interface ExtraColumns {
  brand?: ExtraColumn;
  certificates: Partial<Record<CertificateKind, ExtraColumn>>;
  /** Certificate photos or PDFs (`Foto Sertifikat`, `File Sertifikat 2` ...). */
  certificateFiles: ExtraColumn[];
  /** `Atribut: <name>` columns; `name` as written after the colon. */
  attributes: (ExtraColumn & { name: string })[];
  /** One `Atribut` cell of `name=value; name=value`. */
  attributeCell?: ExtraColumn;
  overrides: OverrideColumn[];
  /** `Harga (Tokped)`: brackets that name no marketplace desbumi knows (UNKNOWN_MARKETPLACE). */
  unknownMarketplaces: (ExtraColumn & { name: string; suggestion?: string })[];
}

export type ExtraHeader =
  | { kind: "brand" | "certificate-file" | "attribute-cell" }
  | { kind: "certificate"; certificate: CertificateKind }
  | { kind: "attribute"; name: string }
  | { kind: "override"; key: string; field: OverrideField; unit?: PriceUnit }
  | { kind: "unknown-marketplace"; name: string; suggestion?: string };

const keys = (names: readonly string[]): Set<string> => new Set(names.map(headerKey));

// NOTE: no bare "ml" for BPOM ML: a jamu sheet's "ml" column holds millilitres.
const BRAND = keys(["merek", "merk", "brand", "nama merek", "nama merk", "merek produk", "brand name", "product brand"]);
const CERTIFICATE: Record<CertificateKind, Set<string>> = {
  pirt: keys(["no. pirt", "pirt", "p-irt", "no. p-irt", "nomor pirt", "nomor p-irt", "spp-irt", "no. spp-irt", "nomor spp-irt", "izin pirt", "no. izin pirt", "sertifikat pirt", "pirt no"]),
  bpom: keys(["no. bpom", "bpom", "nomor bpom", "bpom ri", "bpom ri md", "bpom ri ml", "bpom ri md/ml", "bpom md", "bpom ml", "md", "md/ml", "no. md", "no. ml", "izin edar", "no. izin edar", "nomor izin edar", "izin edar bpom", "nomor registrasi bpom", "no. reg bpom"]),
  pomTr: keys(["pom tr", "tr", "no. pom tr", "bpom tr", "bpom ri tr", "pom tr/ti", "no. tr", "nomor tr", "pom ti", "nomor pom tr"]),
  halal: keys(["sertifikat halal", "no. halal", "nomor halal", "no. sertifikat halal", "nomor sertifikat halal", "halal", "id halal", "sertifikasi halal", "halal certificate"]),
  sni: keys(["sni", "no. sni", "nomor sni", "sertifikat sni", "sppt sni", "sppt-sni", "no. sppt sni"]),
};
const CERTIFICATE_FILE = keys(["foto sertifikat", "file sertifikat", "berkas sertifikat", "dokumen sertifikat", "scan sertifikat", "foto izin", "file izin", "certificate file", "certificate photo", "certificate"]);
const ATTRIBUTE_CELL = keys(["atribut", "atribut produk", "attributes", "attribute", "product attributes", "spesifikasi atribut"]);
const ATTRIBUTE_COLUMN = /^\s*(?:atribut|attribute)\s*:\s*(.*?)\s*\*?\s*$/i;
/** `<header> (<marketplace>)`: the last bracket of a header. */
const BRACKETED = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*\*?\s*$/;
/**
 * Bracket words that qualify the column rather than name a marketplace (units and the like): such
 * a header is read as before (`Harga (Rp)`, `Berat (gram)`, `Stok (pcs)`).
 */
const NOT_A_MARKETPLACE = keys(["rp", "idr", "rupiah", "ribu", "rb", "ribu rupiah", "kg", "g", "gr", "gram", "ons", "kilogram", "pcs", "pc", "unit", "buah", "satuan", "pack", "wajib", "opsional", "optional", "required", "sku", "baru", "jual", "normal", "ecer", "eceran", "net", "bersih", "angka", "number", "teks", "text",
  // TikTok Shop's batch template: "Retail Price (Local Currency)", "Harga Ritel (Mata Uang Lokal)"
  "local currency", "mata uang lokal", "currency", "mata uang"]);
const OVERRIDE_FIELDS: ReadonlySet<string> = new Set<OverrideField>(["name", "price", "stock"]);

/** What a header means among the catalogue v2 extra columns, if anything. Check before v1 aliases. */
export function lookupExtraHeader(header: string): ExtraHeader | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
  const attribute = ATTRIBUTE_COLUMN.exec(header);
  if (attribute && attribute[1] !== "") return { kind: "attribute", name: attribute[1]! };
  if (BRAND.has(key)) return { kind: "brand" };
  for (const [certificate, names] of Object.entries(CERTIFICATE) as [CertificateKind, Set<string>][]) {
    if (names.has(key)) return { kind: "certificate", certificate };
  }
  const numberedFile = /^(.*?)\d{1,2}$/.exec(key);
  if (CERTIFICATE_FILE.has(key) || (numberedFile && CERTIFICATE_FILE.has(numberedFile[1]!))) return { kind: "certificate-file" };
  if (ATTRIBUTE_CELL.has(key)) return { kind: "attribute-cell" };
  return lookupOverrideHeader(header);
}

function lookupOverrideHeader(header: string): ExtraHeader | undefined {
  const m = BRACKETED.exec(header);
  if (!m || m[1]!.trim() === "") return undefined;
  const inside = m[2]!;
  const insideKey = headerKey(inside);
  if (insideKey === "" || NOT_A_MARKETPLACE.has(insideKey) || insideKey.startsWith("per")) return undefined;
  const base = lookupHeader(m[1]!);
  if (!base || !OVERRIDE_FIELDS.has(base.field)) return undefined;
  const key = marketplaceKey(inside);
  if (key !== undefined) {
    const field = base.field as OverrideField;
    return base.unit === undefined || field !== "price" ? { kind: "override", key, field } : { kind: "override", key, field, unit: base.unit as PriceUnit };
  }
  // A unit the v1 reader understands (`Harga (ribu)`, `Harga (rb rupiah)`) is not a marketplace.
  const whole = lookupHeader(header);
  if (whole?.unit !== undefined) return undefined;
  const suggestion = suggestMarketplace(inside);
  return suggestion === undefined ? { kind: "unknown-marketplace", name: inside } : { kind: "unknown-marketplace", name: inside, suggestion };
}

export const emptyExtraColumns = (): ExtraColumns => ({ certificates: {}, certificateFiles: [], attributes: [], overrides: [], unknownMarketplaces: [] });

/** Adds a header lookupExtraHeader recognised; when its role is taken (a duplicate column), the column that has it. */
export function addExtraColumn(columns: ExtraColumns, found: ExtraHeader, column: ExtraColumn): ExtraColumn | undefined {
  switch (found.kind) {
    case "brand":
      if (columns.brand) return columns.brand;
      columns.brand = column;
      return undefined;
    case "attribute-cell":
      if (columns.attributeCell) return columns.attributeCell;
      columns.attributeCell = column;
      return undefined;
    case "certificate-file":
      columns.certificateFiles.push(column);
      return undefined;
    case "certificate": {
      const first = columns.certificates[found.certificate];
      if (first) return first;
      columns.certificates[found.certificate] = column;
      return undefined;
    }
    case "attribute": {
      const first = columns.attributes.find((a) => headerKey(a.name) === headerKey(found.name));
      if (first) return first;
      columns.attributes.push({ ...column, name: found.name });
      return undefined;
    }
    case "override": {
      const first = columns.overrides.find((o) => o.key === found.key && o.field === found.field);
      if (first) return first;
      columns.overrides.push(found.unit === undefined ? { ...column, key: found.key, field: found.field } : { ...column, key: found.key, field: found.field, unit: found.unit });
      return undefined;
    }
    case "unknown-marketplace":
      columns.unknownMarketplaces.push(found.suggestion === undefined ? { ...column, name: found.name } : { ...column, name: found.name, suggestion: found.suggestion });
      return undefined;
  }
}

export const hasExtraColumns = (c: ExtraColumns): boolean =>
  c.brand !== undefined || c.attributeCell !== undefined || c.attributes.length > 0 || c.overrides.length > 0 || c.certificateFiles.length > 0 || Object.keys(c.certificates).length > 0;
