// Issue 13.8: per-key state has a hard cap and forgets the least recently used key first.
import { expect, test } from "vitest";
import { BoundedMap } from "./bounded-map.js";

test("never holds more than maxEntries; the least recently used goes first", () => {
  const map = new BoundedMap<string, number>(3);
  map.set("a", 1).set("b", 2).set("c", 3);
  expect(map.get("a")).toBe(1); // a is now the most recent
  map.set("d", 4);
  expect([map.peek("a"), map.peek("b"), map.peek("c"), map.peek("d")]).toEqual([1, undefined, 3, 4]);
  for (let i = 0; i < 10_000; i++) map.set(`k${i}`, i);
  expect(map.size).toBe(3);
  expect(() => new BoundedMap(0)).toThrow(RangeError);
});

test("peek does not refresh a key", () => {
  const map = new BoundedMap<string, number>(2);
  map.set("a", 1).set("b", 2);
  map.peek("a");
  map.set("c", 3);
  expect(map.peek("a")).toBeUndefined();
});
