// Issue 8, part 1, full size: `npm run test:chaos` (20 seeds x 300 products; not part of `npm test`).
// Prints the totals (requests, faults survived, reruns needed) that docs/reliability.md quotes.
import { afterAll, describe, expect, it } from "vitest";
import { formatTotals, runChaosSeed, type ChaosResult } from "./chaos-run.js";

const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i);
const PRODUCTS = 300;

describe("chaos sync", () => {
  const results: ChaosResult[] = [];
  afterAll(() => {
    if (results.length > 0) console.log(formatTotals(results));
  });
  it.each(SEEDS)("seed %i: 300 products converge to the catalogue under 500s, 429s, resets and commit-then-drop", async (seed) => {
    const result = await runChaosSeed({ seed, products: PRODUCTS });
    results.push(result);
    expect(result.violations).toEqual([]);
    expect(result.faults).toBeGreaterThan(0);
  }, 180_000);
});
