// A short seeded chaos run in `npm test` (issue 15 item 5); the long one is tiktok.chaos.test.ts.
import { expect, it } from "vitest";
import { runTikTokChaos } from "./tiktok-chaos-run.js";

it("tiktok-shop: 25 products converge under seeded 500/429/resets/commit-then-drop with zero duplicates and zero lost updates", async () => {
  const result = await runTikTokChaos({ seed: 7, products: 25 });
  expect(result.violations).toEqual([]);
  expect(result.faults).toBeGreaterThan(5);
}, 120_000);
