// Taking over a shop that already has listings made by hand (issue 12, `sync --adopt`), and the
// name clashes a create would hit (issue 12.12). Pure: catalogue rows + live listings in,
// adoptions, rewritten listings and located issues out.
import type { Issue } from "../issues.js";
import type { Change, DesiredProduct, Listing } from "../plan/types.js";
import { locate, type Where } from "./shop-issues.js";

/** Names as the marketplace compares them: case, spacing and Unicode form do not count. */
export const nameKey = (name: string): string => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

export interface AdoptionResult {
  /** listing id -> the SKU it is adopted as. */
  adopted: Map<string, string>;
  /** The listings as the diff should see them: adopted ones carry their new SKU. */
  listings: Listing[];
  /** ADOPT_AMBIGUOUS: a row whose name matches several listings without SKU (never guessed). */
  issues: Issue[];
  /** SKUs of rows not planned because their match is ambiguous. */
  skippedSkus: string[];
}

export function planAdoptions(products: readonly DesiredProduct[], listings: readonly Listing[], where: Where): AdoptionResult {
  const withSku = new Set(listings.filter((l) => l.sku !== "").map((l) => l.sku));
  const bare = new Map<string, Listing[]>();
  for (const l of listings) {
    if (l.sku !== "") continue;
    const key = nameKey(l.name);
    bare.set(key, [...(bare.get(key) ?? []), l]);
  }
  const adopted = new Map<string, string>();
  const issues: Issue[] = [];
  const skippedSkus: string[] = [];
  for (const p of products) {
    if (withSku.has(p.sku)) continue; // already listed under its SKU: nothing to adopt
    const matches = bare.get(nameKey(p.name)) ?? [];
    const [only] = matches;
    if (matches.length === 1 && only) adopted.set(only.id, p.sku);
    else if (matches.length > 1) {
      issues.push({
        code: "ADOPT_AMBIGUOUS",
        severity: "error",
        ...locate(where, p, "name"),
        value: p.name,
        args: { sku: p.sku, listings: matches.map((l) => l.id).join(", ") },
      });
      skippedSkus.push(p.sku);
    }
  }
  const rewritten = listings.map((l) => {
    const sku = adopted.get(l.id);
    return sku === undefined ? l : { ...l, sku };
  });
  return { adopted, listings: rewritten, issues, skippedSkus };
}

/**
 * The diff's changes with adoptions marked (`adopt: true`, so the adapter puts the SKU on the
 * listing); an adopted listing that already matches its row still gets a change (its SKU).
 */
export function markAdoptions(changes: readonly Change[], adopted: ReadonlyMap<string, string>, products: readonly DesiredProduct[]): Change[] {
  const out: Change[] = changes.map((c) => (c.kind !== "create" && adopted.has(c.listingId) ? { ...c, adopt: true as const } : c));
  const changed = new Set(out.flatMap((c) => (c.kind === "create" ? [] : [c.listingId])));
  const bySku = new Map(products.map((p) => [p.sku, p]));
  for (const [listingId, sku] of adopted) {
    const product = bySku.get(sku);
    if (changed.has(listingId) || !product) continue;
    out.push({ kind: "update", sku, listingId, fields: [], product, adopt: true });
  }
  return out.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Issue 12.12: creates whose name a live listing already has (the marketplace refuses the same name
 * twice in a shop): located LISTING_NAME_TAKEN errors, predicted at plan time.
 */
export function nameClashes(changes: readonly Change[], listings: readonly Listing[], where: Where): Issue[] {
  const byName = new Map<string, Listing>();
  for (const l of listings) if (!byName.has(nameKey(l.name))) byName.set(nameKey(l.name), l);
  return changes.flatMap((c): Issue[] => {
    if (c.kind !== "create") return [];
    const taken = byName.get(nameKey(c.product.name));
    if (!taken) return [];
    return [
      {
        code: "LISTING_NAME_TAKEN",
        severity: "error",
        ...locate(where, c.product, "name"),
        value: c.product.name,
        args: { sku: taken.sku, listing: taken.id, row: c.sku },
      },
    ];
  });
}
