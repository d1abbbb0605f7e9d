// `npm run test:chaos`: the tiktok-shop adapter under faults, 8 seeds x 200 products.
import { describe, expect, it } from "vitest";
import { runTikTokChaos } from "./tiktok-chaos-run.js";

describe("tiktok-shop chaos", () => {
  it.each([11, 12, 13, 14, 15, 16, 17, 18])("seed %i: 200 products converge with zero duplicates and zero lost updates", async (seed) => {
    const result = await runTikTokChaos({ seed, products: 200 });
    expect(result.violations).toEqual([]);
    expect(result.faults).toBeGreaterThan(0);
  }, 180_000);
});
