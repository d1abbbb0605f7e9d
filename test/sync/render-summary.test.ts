import { describe, expect, it } from "vitest";
import { countOutcomes } from "../../src/sync/apply-run.js";
import { renderApplySummary } from "../../src/sync/render-summary.js";
import type { ChangeOutcome } from "../../src/plan/types.js";

const outcomes: ChangeOutcome[] = [
  { status: "applied", sku: "A", kind: "create", listingId: "1" },
  { status: "applied", sku: "B", kind: "update", listingId: "2" },
  { status: "failed", sku: "C", kind: "update", listingId: "3", error: { code: "PRD_PRICE", message: "price below minimum", retryable: false } },
  { status: "skipped", sku: "D", kind: "deactivate", reason: "interrupted before it was sent" },
];
const report = (list: ChangeOutcome[], interrupted: boolean, total = list.length) => ({
  total,
  outcomes: list,
  summary: countOutcomes(list),
  interrupted,
});

describe("renderApplySummary", () => {
  it("names each failure with its reason", () => {
    expect(renderApplySummary(report(outcomes.slice(0, 3), false), "en")).toMatchInlineSnapshot(`
      "Applied: 1 created, 1 updated, 0 deactivated, 0 reactivated. 1 failed: SKU C (price below minimum; PRD_PRICE)
      "
    `);
  });

  it("says how far an interrupted run got, in Indonesian", () => {
    expect(renderApplySummary(report(outcomes, true), "id")).toMatchInlineSnapshot(`
      "Diterapkan: 1 dibuat, 1 diubah, 0 dinonaktifkan, 0 diaktifkan lagi. 1 gagal: SKU C (price below minimum; PRD_PRICE)
      Dihentikan: 3 selesai, 1 belum dimulai — jalankan sync lagi untuk menyelesaikan.
      "
    `);
  });

  it("counts items never reported (a run stopped by an error) as not started", () => {
    expect(renderApplySummary(report(outcomes.slice(0, 1), true, 5), "en")).toContain("Stopped: 1 done, 4 not started");
  });

  it("suggests a rerun for temporary failures", () => {
    const temporary: ChangeOutcome[] = [
      { status: "failed", sku: "A", kind: "create", error: { code: "HTTP_503", message: "server busy", retryable: true } },
      { status: "failed", sku: "B", kind: "create", error: { code: "HTTP_503", message: "server busy", retryable: true } },
    ];
    expect(renderApplySummary(report(temporary, false), "en")).toMatchInlineSnapshot(`
      "Applied: 0 created, 0 updated, 0 deactivated, 0 reactivated. 2 failed:
        - SKU A (server busy; HTTP_503)
        - SKU B (server busy; HTTP_503)
      Some failures were temporary (network/server): run sync again to retry them.
      "
    `);
  });
});
