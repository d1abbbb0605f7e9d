// Issue 13 item 3: a saved plan narrowed to the plan made again from the catalogue (pure rules).
import { describe, expect, it } from "vitest";
import { makeDesired, makePlan } from "../../test/builders.js";
import type { Change } from "../plan/types.js";
import { narrowPlan, withheldOutcome, type FreshPlan } from "./narrow-plan.js";

const update = (sku: string, to: number, extra: Partial<Extract<Change, { kind: "update" }>> = {}): Change => ({
  kind: "update",
  sku,
  listingId: `L-${sku}`,
  fields: [{ field: "price", from: 10_000, to }],
  product: makeDesired({ sku, price: to }),
  ...extra,
});

const fresh = (changes: Change[], more: Partial<FreshPlan> = {}): FreshPlan => ({
  plan: { changes },
  products: changes.filter((c) => c.kind !== "deactivate").map((c) => ({ sku: c.sku })),
  invalidSkus: [],
  issues: [],
  ...more,
});

const reasons = (saved: Change[], now: FreshPlan) =>
  narrowPlan(makePlan({ changes: saved }), now).withheld.map((w) => [w.at, w.change.sku, w.why.en]);

describe("narrowPlan", () => {
  it("keeps a change the fresh plan holds alike, and sends the fresh one (the catalogue's product)", () => {
    const saved = update("A-1", 12_000, { product: makeDesired({ sku: "A-1", price: 12_000, name: "tampered name" }) });
    const now = update("A-1", 12_000);
    const narrowed = narrowPlan(makePlan({ changes: [saved] }), fresh([now]));
    expect(narrowed.withheld).toEqual([]);
    expect(narrowed.plan.changes).toEqual([now]);
  });

  it("withholds a changed value, a create the catalogue has no row for, another kind, another reason, a second copy", () => {
    const saved: Change[] = [
      { kind: "create", sku: "EVIL-1", product: makeDesired({ sku: "EVIL-1" }) },
      update("A-1", 100),
      update("A-2", 12_000),
      { kind: "deactivate", sku: "A-3", listingId: "L-A-3", reason: "pruned", fields: [] },
      update("A-2", 12_000),
    ];
    const now = fresh([
      update("A-1", 12_000),
      update("A-2", 12_000),
      { kind: "deactivate", sku: "A-3", listingId: "L-A-3", reason: "catalog-inactive", fields: [] },
    ]);
    expect(reasons(saved, now)).toEqual([
      [0, "EVIL-1", "not applied: the catalogue has no SKU EVIL-1"],
      [1, "A-1", "not applied: the catalogue no longer asks for this (price Rp 100 is not the catalogue's Rp 12.000)"],
      [3, "A-3", "not applied: the catalogue no longer asks for this (the catalogue deactivates it because its row says inactive, not because it is not in the catalogue (--prune))"],
      [4, "A-2", "not applied: this change is in the plan twice (only the first one is sent)"],
    ]);
    const [first] = narrowPlan(makePlan({ changes: saved }), now).withheld;
    expect(withheldOutcome(first!, "id")).toEqual({ status: "skipped", sku: "EVIL-1", kind: "create", reason: "tidak diterapkan: katalog tidak punya SKU EVIL-1" });
  });

  it("a create whose product differs from the row (a field, a variant) is withheld", () => {
    const row = makeDesired({ sku: "V-1", variants: [{ sku: "V-1-M", options: { Ukuran: "M" }, price: 30_000, stock: 5, weight: 250, images: [], status: "active", line: 3 }] });
    const cheap = { ...row, variants: row.variants!.map((v) => ({ ...v, price: 1 })) };
    expect(reasons([{ kind: "create", sku: "V-1", product: cheap }], fresh([{ kind: "create", sku: "V-1", product: row }]))).toEqual([
      [0, "V-1", "not applied: the catalogue no longer asks for this (variant V-1-M is not as in the catalogue)"],
    ]);
    expect(reasons([{ kind: "create", sku: "V-1", product: { ...row, weight: 1 } }], fresh([{ kind: "create", sku: "V-1", product: row }]))).toEqual([
      [0, "V-1", "not applied: the catalogue no longer asks for this (weight 1 g is not the catalogue's 250 g)"],
    ]);
  });

  it("narrows, never widens: fields and changes the saved plan lacks are not added", () => {
    const now = update("A-1", 12_000, { fields: [{ field: "price", from: 10_000, to: 12_000 }, { field: "stock", from: 1, to: 9 }] });
    const narrowed = narrowPlan(makePlan({ changes: [update("A-1", 12_000)] }), fresh([now, update("A-9", 5_000)]));
    expect(narrowed.withheld).toEqual([]);
    expect(narrowed.plan.changes).toHaveLength(1);
    expect(narrowed.plan.changes[0]).toMatchObject({ sku: "A-1", fields: [{ field: "price", to: 12_000 }] });
  });

  it("names the row's error when the SKU's row cannot be planned now", () => {
    const now = fresh([], { invalidSkus: ["A-1"], issues: [{ code: "CATEGORY_MISSING", severity: "error", file: "k.csv", line: 4, args: { sku: "A-1" } }] });
    expect(reasons([update("A-1", 12_000)], now)).toEqual([[0, "A-1", "not applied: the catalogue row of SKU A-1 has errors now (CATEGORY_MISSING, k.csv:4); see `desbumi sync --dry-run`"]]);
    // A create refused at plan time (a live listing has its name): named by its row, not by the other listing's SKU.
    const clash = fresh([], { products: [{ sku: "B-1" }, { sku: "A-1" }], issues: [{ code: "LISTING_NAME_TAKEN", severity: "error", file: "k.csv", line: 5, args: { sku: "A-1", listing: "9", row: "B-1" } }] });
    expect(reasons([{ kind: "create", sku: "B-1", product: makeDesired({ sku: "B-1" }) }, update("A-1", 12_000)], clash)).toEqual([
      [0, "B-1", "not applied: the catalogue row of SKU B-1 has errors now (LISTING_NAME_TAKEN, k.csv:5); see `desbumi sync --dry-run`"],
      [1, "A-1", "not applied: the catalogue no longer asks for this (the listing already matches the catalogue)"],
    ]);
  });
});
