import { describe, expect, test } from "vitest";
import { fitTitle } from "./title-fit.js";

describe("fitTitle (issue 14: the suggested fix of a title too long, never applied)", () => {
  test.each<[string, number, string | undefined]>([
    ["Keripik Singkong Balado Asli Lereng Kawi Malang Jawa Timur Renyah Gurih Tanpa Pengawet 250 gr", 70, "Keripik Singkong Balado Asli Lereng Kawi Malang Jawa Timur Renyah"],
    ["Kopi Robusta Bubuk dan Biji", 23, "Kopi Robusta Bubuk"],
    ["Kemeja Batik - Lengan Panjang", 14, "Kemeja Batik"],
    ["Kopi", 70, "Kopi"],
    ["Superkalifragilistik", 10, undefined],
  ])("%j within %d -> %j", (title, max, expected) => {
    const fit = fitTitle(title, max);
    expect(fit).toBe(expected);
    if (fit !== undefined) expect([...fit].length).toBeLessThanOrEqual(max);
  });
});
