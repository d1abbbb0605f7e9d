// Issue 16 chaos, long: 10 seeds x 150 products (10% with variants) against the Shopee mock.
import { expect, it } from "vitest";
import { runShopeeChaos } from "./shopee-chaos-run.js";

it.each(Array.from({ length: 10 }, (_, i) => i + 11))("shopee seed %i: converges, no duplicate, no lost update", async (seed) => {
  const result = await runShopeeChaos({ seed, products: 150, maxRounds: 20 });
  expect(result.violations).toEqual([]);
  expect(result.faults).toBeGreaterThan(0);
}, 180_000);
