import { describe, expect, it } from "vitest";
import { Pacer, parseRateLimitHeaders } from "../../src/adapters/tokopedia/pacing.js";

describe("parseRateLimitHeaders", () => {
  it.each([
    [{ "x-ratelimit-limit": "5 req/s (burst 5)", "x-ratelimit-remaining": "3" }, { rate: 5, burst: 5, remaining: 3 }],
    [{ "x-ratelimit-limit": "20" }, { rate: 20, burst: 20 }],
    [{ "x-ratelimit-limit": "120 req/min (burst 10)" }, { rate: 2, burst: 10 }],
    [
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": "0.200000", "x-ratelimit-full-reset-after": "1.000000" },
      { remaining: 0, resetAfter: 0.2, fullResetAfter: 1 },
    ],
    [{ "x-ratelimit-limit": "5", "x-ratelimit-reset-after": "-0.000000" }, { rate: 5, burst: 5, resetAfter: -0 }],
  ])("%j", (headers, expected) => {
    expect(parseRateLimitHeaders(headers)).toEqual(expected);
  });

  it("is undefined when the server sends no rate-limit headers", () => {
    expect(parseRateLimitHeaders({ "content-type": "application/json" })).toBeUndefined();
  });
});

describe("Pacer", () => {
  it("probes an unknown endpoint with one item, then grants batches up to the learned burst", async () => {
    let now = 0;
    const pacer = new Pacer(() => now);
    expect(await pacer.acquire("POST create", 25)).toBe(1);
    pacer.observe("POST create", { "x-ratelimit-limit": "10 req/s (burst 10)", "x-ratelimit-remaining": "9" }, 1);
    expect(pacer.delayMs("POST create", 25)).toBeGreaterThan(0); // 9 left, a batch waits for the full burst
    expect(await pacer.acquire("POST create", 9)).toBe(9);
    now += 2000; // refilled to the burst
    expect(pacer.delayMs("POST create", 25)).toBe(0);
    expect(await pacer.acquire("POST create", 25)).toBe(10);
  });

  it("never trusts the server's Remaining more than its own count of requests still in flight", async () => {
    let now = 0;
    const pacer = new Pacer(() => now);
    await pacer.acquire("e", 1);
    pacer.observe("e", { "x-ratelimit-limit": "10 req/s (burst 10)", "x-ratelimit-remaining": "10" }, 1);
    expect(await pacer.acquire("e", 4)).toBe(4); // in flight: 4
    // An answer to an earlier request says 8 remain: minus the 4 still in flight -> at most 4.
    pacer.observe("e", { "x-ratelimit-limit": "10 req/s (burst 10)", "x-ratelimit-remaining": "8" }, 0);
    expect(await pacer.acquire("e", 4)).toBe(4);
    expect(pacer.delayMs("e", 1)).toBeGreaterThan(0);
  });

  it("after a 429 waits what the server says before granting again", async () => {
    let now = 0;
    const pacer = new Pacer(() => now);
    await pacer.acquire("e", 1);
    pacer.observe("e", { "x-ratelimit-limit": "100 req/s (burst 100)", "x-ratelimit-remaining": "100" }, 1);
    pacer.penalize("e", { "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": "0.5" }, 0);
    expect(pacer.delayMs("e", 1)).toBeGreaterThanOrEqual(500);
    now += 600;
    expect(pacer.delayMs("e", 1)).toBe(0);
    expect(await pacer.acquire("e", 1)).toBe(1);
  });
});
