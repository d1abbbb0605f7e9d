import { describe, expect, it } from "vitest";
import type { Change } from "../../src/plan/types.js";
import { checkMassDeactivate } from "../../src/sync/guards.js";
import { makeListing } from "../builders.js";

const listings = (n: number) => Array.from({ length: n }, (_, i) => makeListing({ sku: `S${i}`, id: String(i) }));
const deactivations = (n: number, reason: "pruned" | "catalog-inactive" = "pruned"): Change[] =>
  Array.from({ length: n }, (_, i) => ({ kind: "deactivate", sku: `S${i}`, listingId: String(i), reason, fields: [] }));

describe("checkMassDeactivate", () => {
  it.each([
    [10, 2, undefined, false],
    [10, 3, undefined, true],
    [3, 1, undefined, false],
    [3, 2, undefined, true],
    [10, 5, 50, false],
    [10, 6, 50, true],
  ])("%i active, %i deactivated, limit %s%% -> refused %s", (active, count, maxPercent, refused) => {
    const result = checkMassDeactivate({
      plan: { changes: deactivations(count, "catalog-inactive") },
      listings: listings(active),
      catalogProducts: 5,
      ...(maxPercent !== undefined ? { maxPercent } : {}),
    });
    expect(result !== undefined).toBe(refused);
  });

  it("always refuses pruning from an empty catalogue", () => {
    const refusal = checkMassDeactivate({ plan: { changes: deactivations(1) }, listings: listings(1), catalogProducts: 0 });
    expect(refusal?.en).toMatch(/^Refused: the catalogue is empty/);
    expect(refusal?.id).toMatch(/^Ditolak: katalog kosong/);
  });

  it("lets plans without deactivations through", () => {
    expect(checkMassDeactivate({ plan: { changes: [] }, listings: [], catalogProducts: 0 })).toBeUndefined();
  });
});
