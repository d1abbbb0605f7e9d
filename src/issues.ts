// Catalogue diagnostics as data: stable codes, a location, and the facts the formatter needs.
// Wording lives only in src/report/messages.ts (bilingual); tests assert codes, lines and columns.

export const ISSUE_CODES = [
  // reading
  "MALFORMED_CSV",
  "DECIMAL_COMMA_SPLIT",
  "ENCODING_GUESSED",
  "EMPTY_FILE",
  "FILE_TYPE_MISMATCH",
  "SHEET_NOT_FOUND",
  "SHEET_GUESSED",
  "HIDDEN_ROW",
  "TEMPLATE_ROWS_SKIPPED",
  // xlsx workbooks (issue 13.5, 13.20; wording in src/report/messages-xlsx.ts)
  "FILE_TOO_LARGE",
  "EXTERNAL_LINK",
  "MACRO",
  // columns
  "MISSING_COLUMN",
  "UNKNOWN_COLUMN",
  "DUPLICATE_COLUMN",
  // values
  "REQUIRED_VALUE_MISSING",
  "INVALID_PRICE",
  "AMBIGUOUS_NUMBER",
  "PRICE_OUT_OF_RANGE",
  "INVALID_WEIGHT",
  "WEIGHT_IS_DATE",
  "WEIGHT_OUT_OF_RANGE",
  "INVALID_STOCK",
  "STOCK_OUT_OF_RANGE",
  "INVALID_MIN_ORDER",
  "INVALID_CONDITION",
  "INVALID_STATUS",
  "INVALID_SKU",
  "NAME_TOO_LONG",
  "DESCRIPTION_TOO_LONG",
  "HTML_IN_DESCRIPTION",
  "INVALID_IMAGE_URL",
  "TOO_MANY_IMAGES",
  "NO_IMAGES",
  // photos (src/photos, src/report/messages-photos.ts)
  "PHOTO_URL_PUNCTUATION",
  "PHOTO_NOT_FOUND",
  "PHOTO_NOT_IMAGE",
  "PHOTO_HEIC",
  "PHOTO_FORMAT_NOT_ALLOWED",
  "PHOTO_UNREADABLE",
  "PHOTO_TOO_LARGE",
  "PHOTO_DIMENSIONS",
  "PHOTO_NOT_SQUARE",
  "PHOTO_SHARE_LINK_REWRITTEN",
  "PHOTO_SHARE_LINK_UNUSABLE",
  "PHOTO_UPLOAD_UNSUPPORTED",
  "VARIANT_PHOTO_CONFLICT",
  "VARIANT_PHOTO_SHARED",
  "FORMULA_IN_CELL",
  "SCRIPT_IN_TEXT",
  "FORMULA_ERROR",
  // cross-row
  "DUPLICATE_SKU",
  "DUPLICATE_NAME",
  // shopee plan-time checks (adapter.checkProducts; wording in report/messages-shopee.ts)
  "CATEGORY_LIMIT",
  "ATTRIBUTE_MISSING",
  "ATTRIBUTE_VALUE_INVALID",
  // plan-time attribute matching, every adapter (src/adapters/shared/attribute-issues.ts)
  "ATTRIBUTE_VALUE_UNLISTED",
  "ATTRIBUTE_NOT_IN_CATEGORY",
  // catalogue v2: variants (issue 14; wording in src/report/messages-catalog-v2.ts)
  "VARIANT_FIELD_CONFLICT",
  "VARIANT_DUPLICATE_OPTIONS",
  "VARIANT_OPTION_MISSING",
  "VARIANT_OPTION_EMPTY",
  "VARIANT_OPTION_NAME_MISSING",
  "TOO_MANY_OPTION_TYPES",
  "TOO_MANY_VARIANTS",
  "VARIANTS_NOT_SUPPORTED",
  "VARIANT_OPTION_TOO_LONG",
  // catalogue v2: attributes, certificates, per-marketplace columns (issue 14)
  "CERTIFICATE_NUMBER_INVALID",
  "CERTIFICATE_MISSING",
  "ATTRIBUTE_CELL_INVALID",
  "ATTRIBUTE_CONFLICT",
  "UNKNOWN_MARKETPLACE",
  // marketplace categories (resolved against the marketplace's tree)
  "CATEGORY_MISSING",
  "CATEGORY_NOT_FOUND",
  "CATEGORY_AMBIGUOUS",
  // marketplace checks at plan time, and review results (tiktok-shop; wording in report/messages-tiktok.ts)
  "NAME_TOO_SHORT",
  "ATTRIBUTE_REQUIRED",
  "CERTIFICATION_REQUIRED",
  "LISTING_REJECTED",
  "ETALASE_NOT_SUPPORTED",
  "CONDITION_NOT_SUPPORTED",
  // a target whose format has no place for them (legacy tokopedia, tokopedia-bulk): adapters/shared/not-sent.ts
  "CERTIFICATES_NOT_SENT",
  "ATTRIBUTES_NOT_SENT",
  // what init/template write (issue 12.10, 12.13)
  "EXAMPLE_ROW",
  "SHEET_IGNORED",
  // the live shop (predicted at plan time; wording in src/report/messages-shop.ts, issue 12)
  "ETALASE_NOT_FOUND",
  "LISTING_NAME_TAKEN",
  "ADOPT_AMBIGUOUS",
  "LISTING_HAS_VARIANTS",
  "LISTING_WITHOUT_VARIANTS",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * Codes that mean the invocation was wrong, not the catalogue (a --sheet or config `sheet` naming a
 * sheet the workbook does not have): the issue is reported like any other, but `validate` exits 2
 * ("could not run", like a bad flag) instead of 1.
 */
export const USAGE_ISSUE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(["SHEET_NOT_FOUND"]);
export type Severity = "error" | "warning";

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** The file as the user named it (relative path kept as given). */
  file: string;
  /** 1-based physical line where the row starts (CSV), or the spreadsheet row number (XLSX). */
  line?: number;
  /** The header text as written in the file (not the canonical field name). */
  column?: string;
  /** XLSX only: sheet name and A1 cell reference, e.g. `Sheet1` and `D14`. */
  sheet?: string;
  cell?: string;
  /** The offending raw value, as found in the cell (may be truncated for very long cells). */
  value?: string;
  /** Facts for the message template, e.g. `{ length: 83, max: 70 }` or `{ suggestion: "harga" }`. */
  args?: Record<string, string | number>;
}

export const isError = (issue: Issue): boolean => issue.severity === "error";
