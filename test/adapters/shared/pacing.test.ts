// Shared pacing (issue 15 item 1): even spacing per endpoint, pause after 429/503, jittered backoff.
import { describe, expect, it } from "vitest";
import { Pacer, backoffMs, retryAfterMs } from "../../../src/adapters/shared/pacing.js";

describe("Pacer", () => {
  it("spaces one endpoint's requests at the rate and keeps endpoints apart", async () => {
    const pacer = new Pacer({ ratePerSecond: 50, safety: 1 });
    const t = performance.now();
    const doneAt: number[] = [];
    const four = [1, 2, 3, 4].map(() => pacer.acquire("a").then(() => doneAt.push(performance.now() - t)));
    await pacer.acquire("b");
    const otherEndpoint = performance.now() - t;
    await Promise.all(four);
    expect(otherEndpoint).toBeLessThan(15);
    // slots at 0, 20, 40, 60 ms
    expect(Math.max(...doneAt)).toBeGreaterThanOrEqual(55);
  });

  it("pause() holds an endpoint back", async () => {
    const pacer = new Pacer({ ratePerSecond: 1000 });
    pacer.pause("x", 60);
    const t = performance.now();
    await pacer.acquire("x");
    expect(performance.now() - t).toBeGreaterThanOrEqual(50);
  });

  it("an aborted signal returns at once", async () => {
    const pacer = new Pacer({ ratePerSecond: 1 });
    await pacer.acquire("x");
    const c = new AbortController();
    c.abort();
    const t = performance.now();
    await pacer.acquire("x", c.signal);
    expect(performance.now() - t).toBeLessThan(50);
  });
});

describe("backoffMs / retryAfterMs", () => {
  it("full jitter under a doubling ceiling, capped", () => {
    expect(backoffMs(0, { baseMs: 100 }, () => 0.999)).toBe(99);
    expect(backoffMs(3, { baseMs: 100 }, () => 0.5)).toBe(400);
    expect(backoffMs(20, { baseMs: 100, capMs: 5000 }, () => 0.5)).toBe(2500);
    expect(backoffMs(2, { baseMs: 100 }, () => 0)).toBe(0);
  });
  it("reads seconds and dates, ignores junk", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 9_000)).toBe(1000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
