// Issue 8, part 1 (reduced for `npm test`): a faulty marketplace never makes sync duplicate, lose
// or silently fail a listing. The full run (20 seeds x 300 products) is `npm run test:chaos`.
import { describe, expect, it } from "vitest";
import { formatTotals, runChaosSeed, type ChaosResult } from "./chaos-run.js";

const SEEDS = [1, 2, 3];
const PRODUCTS = 60;

describe("chaos sync (reduced)", () => {
  const results: ChaosResult[] = [];
  it.each(SEEDS)("seed %i: converges to the catalogue under 500s, 429s, resets and commit-then-drop", async (seed) => {
    const result = await runChaosSeed({ seed, products: PRODUCTS });
    results.push(result);
    if (results.length === SEEDS.length) console.log(formatTotals(results));
    expect(result.violations).toEqual([]);
    expect(result.faults).toBeGreaterThan(0);
  }, 60_000);
});
