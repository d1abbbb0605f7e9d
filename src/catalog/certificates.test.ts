// Certificate number forms (sources in certificates.ts): one line per case.
import { describe, expect, test } from "vitest";
import { checkCertificate, needsFoodPermit, type CertificateKind } from "./certificates.js";

const CASES: [CertificateKind, string, "ok" | "digits" | "prefix" | "characters", CertificateKind?][] = [
  ["pirt", "206330501002025", "ok"],
  ["pirt", "P-IRT No. 2063305010020-25", "ok"],
  ["pirt", "SPP-IRT 2063 3050 1002 025", "ok"],
  ["pirt", "No. PIRT: 206.3305.01.0020-25", "ok"],
  ["pirt", "20633050100", "digits"],
  ["pirt", "2063305010020251234", "digits"],
  ["pirt", "MD 224510107115", "characters"],
  ["bpom", "BPOM RI MD 224510107115", "ok"],
  ["bpom", "ML 224510107115", "ok"],
  ["bpom", "MD240935001200027", "ok"],
  ["bpom", "224510107115", "ok"],
  ["bpom", "BPOM RI MD 2245101071", "digits"],
  ["bpom", "POM TR 182614921", "ok", "pomTr"],
  ["bpom", "NA18171234567", "prefix"],
  ["pomTr", "POM TR 182614921", "ok"],
  ["pomTr", "TR172302151E", "ok"],
  ["pomTr", "POM TI 072224589", "ok"],
  ["pomTr", "TR 18261492", "digits"],
  ["pomTr", "MD 224510107115", "prefix"],
  ["halal", "ID35110000123450123", "ok"],
  ["halal", "ID 3511 0000 1234 5012", "ok"],
  ["halal", "35110000123450123", "prefix"],
  ["halal", "ID123", "digits"],
  ["sni", "SNI 3542:2018", "ok"],
  ["sni", "SNI 01-3542-2004", "ok"],
  ["sni", "ada", "digits"],
  ["sni", "SNI 3542 (2018)", "characters"],
];

describe("certificate numbers", () => {
  test.each(CASES)("%s %j -> %s", (kind, text, expected, keptAs) => {
    const r = checkCertificate(kind, text);
    if (expected === "ok") {
      expect(r).toEqual({ ok: true, value: text, kind: keptAs ?? kind });
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toBe(expected);
    }
  });

  test.each([
    ["Makanan & Minuman > Camilan > Keripik", true],
    ["Jamu", true],
    ["Minuman", true],
    ["Fashion Pria > Kemeja Batik", false],
    ["1760", false],
    ["", false],
  ] as const)("category %j needs a food permit: %s", (category, needs) => {
    expect(needsFoodPermit(category)).toBe(needs);
  });
});
