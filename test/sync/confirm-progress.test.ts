// Regression tests for issue 12.16: after a long plan the confirmation did not say where the
// changes go or how many there are, and the progress bar showed no rate or time left.
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/plan/types.js";
import { confirmQuestion, type ConfirmPlan } from "../../src/sync/confirm.js";
import { duration, pace, startProgress } from "../../src/sync/progress.js";
import { capture } from "./harness.js";

const changes = (kind: Change["kind"], n: number): Change[] => Array.from({ length: n }, (_, i) => ({ kind, sku: `S${i}` }) as unknown as Change);

describe("the confirmation repeats target and counts (issue 12.16)", () => {
  it("practice shop, 1,000 creates", () => {
    const plan: ConfirmPlan = { changes: changes("create", 1000), target: "practice shop / toko latihan (...)", practiceShop: true };
    expect(confirmQuestion(plan)).toEqual({
      en: "Apply 1,000 changes to practice shop? [y/N] ",
      id: "Terapkan 1.000 perubahan ke toko latihan? [y/N] ",
    });
  });

  it("a real shop by its label, a breakdown when the kinds differ, singular for one", () => {
    const plan: ConfirmPlan = { changes: [...changes("create", 998), ...changes("update", 2)], target: "Tokopedia shop 480829 (fs.tokopedia.net)" };
    expect(confirmQuestion(plan).en).toBe("Apply 1,000 changes (998 to create, 2 to update) to Tokopedia shop 480829 (fs.tokopedia.net)? [y/N] ");
    expect(confirmQuestion(plan).id).toBe("Terapkan 1.000 perubahan (998 dibuat, 2 diubah) ke Tokopedia shop 480829 (fs.tokopedia.net)? [y/N] ");
    expect(confirmQuestion({ changes: changes("deactivate", 1), target: "x", practiceShop: true, group: "muiwo" }).en).toBe(
      "Apply 1 change to practice shop (muiwo)? [y/N] ",
    );
  });
});

describe("the progress bar shows rate and time left (issue 12.16)", () => {
  it("on a terminal, redrawn with the rate so far and the time left at that rate", () => {
    const out = capture(true);
    let t = 0;
    const progress = startProgress({ out, total: 10, lang: "en", now: () => t });
    t = 1000;
    progress.tick(false);
    progress.tick(false);
    expect(out.text.split("\r").at(-1)).toBe("[#####-------------------] 2/10 done, 2.0/s, about 4 s left");
    t = 5000;
    for (let i = 0; i < 8; i++) progress.tick(i === 0);
    progress.stop();
    expect(out.text.split("\r").at(-1)).toMatch(/^\[#{24}\] 10\/10 done, 1 failed, 2\.0\/s\s*\n$/);
  });

  it("in Indonesian, and in minutes and hours", () => {
    expect(pace(120, 1000, 60_000, "id")).toBe(", 2,0/dtk, sisa sekitar 7 mnt 20 dtk");
    expect(pace(120, 1000, 60_000, "en")).toBe(", 2.0/s, about 7 min 20 s left");
    expect(pace(0, 1000, 60_000, "en")).toBe("");
    expect(pace(5, 1000, 100, "en")).toBe("");
    expect(duration(3_900_000, "en")).toBe("1 h 5 min");
    expect(duration(3_600_000, "id")).toBe("1 jam");
    expect(duration(200, "en")).toBe("1 s");
  });
});
