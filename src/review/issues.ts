// Marketplace review results as catalogue issues (issue 15): a listing the marketplace's review
// rejected is reported at its catalogue row with the platform's reasons; and the line that says
// how many written products went to review.
import type { Issue } from "../issues.js";
import type { Text } from "../i18n.js";
import type { ChangeOutcome, DesiredProduct, Listing } from "../plan/types.js";

export function rejectedListingIssues(
  listings: readonly Listing[],
  products: readonly DesiredProduct[],
  at: { file: string; columns?: Partial<Record<string, { header: string }>> },
): Issue[] {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const issues: Issue[] = [];
  for (const l of listings) {
    if (l.review?.state !== "rejected") continue;
    const p = bySku.get(l.sku);
    if (!p) continue;
    const reasons = (l.review.reasons ?? []).filter((r) => r.code !== "suggestion").map((r) => r.message);
    const suggestions = (l.review.reasons ?? []).filter((r) => r.code === "suggestion").map((r) => r.message);
    const column = at.columns?.name?.header;
    issues.push({
      code: "LISTING_REJECTED",
      severity: "warning",
      file: at.file,
      line: p.line,
      ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
      ...(column ? { column } : {}),
      value: p.name,
      args: { reasons: reasons.join("; ") || "-", ...(suggestions.length > 0 ? { suggestions: suggestions.join("; ") } : {}), listingId: l.id },
    });
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** "N products submitted for review", or undefined when nothing went to review. */
export function submittedForReviewText(outcomes: readonly ChangeOutcome[]): Text | undefined {
  const n = outcomes.filter((o) => o.status === "applied" && (o.kind === "create" || o.kind === "update" || o.kind === "reactivate")).length;
  if (n === 0) return undefined;
  return {
    en: `${n} product${n === 1 ? "" : "s"} submitted for review: the marketplace checks them before they go live; the next sync reports which were approved or rejected.`,
    id: `${n} produk dikirim untuk ditinjau: marketplace memeriksanya sebelum tayang; sinkronisasi berikutnya melaporkan mana yang disetujui atau ditolak.`,
  };
}
