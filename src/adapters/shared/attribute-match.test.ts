import { describe, expect, it } from "vitest";
import { allowedValues, attributeKey, matchAttributes, nearest, type AttributeInput, type CategoryAttribute } from "./attribute-match.js";

const attr = (name: string, values: string[], over: Partial<CategoryAttribute> = {}): CategoryAttribute => ({
  id: `id-${attributeKey(name)}`,
  name,
  required: false,
  customizable: false,
  values: values.map((v, i) => ({ id: `${attributeKey(name)}-${i + 1}`, name: v })),
  ...over,
});

const BAHAN = attr("Bahan Utama", ["Katun", "Sutra", "Rayon", "Primisima"], { required: true });
const MASA = attr("Masa Penyimpanan", ["1 Bulan", "3 Bulan", "6 Bulan", "12 Bulan"], { customizable: true });
const MOTIF = attr("Motif", [], { customizable: true });
const PIRT = attr("No. Izin PIRT", [], { customizable: true });
const BPOM = attr("Nomor BPOM", [], { customizable: true });
const HALAL_YES_NO = attr("Sertifikasi Halal", ["Ya", "Tidak"]);
const MEREK = attr("Merek", ["Tanpa Merek", "Desa Wisata"]);
const CATEGORY = [BAHAN, MASA, MOTIF, PIRT, BPOM, HALAL_YES_NO, MEREK];

/** [what, product, matched as name=value or name=custom:value, problems as kind:name(:suggestion), unknown names] */
const cases: [string, AttributeInput, string[], string[], string[]][] = [
  ["names ignore case, spacing and punctuation", { attributes: { "bahan-utama": "katun", "MASA  penyimpanan": "3 bulan" } }, ["Bahan Utama=Katun", "Masa Penyimpanan=3 Bulan"], [], []],
  ["values ignore case and spacing", { attributes: { "Bahan Utama": " SUTRA ", "Masa Penyimpanan": "12bulan" } }, ["Bahan Utama=Sutra", "Masa Penyimpanan=12 Bulan"], [], []],
  ["a near miss on a fixed list is invalid with did-you-mean", { attributes: { "Bahan Utama": "Katn" } }, [], ["invalid:Bahan Utama:Katun"], []],
  ["a far value on a fixed list is invalid without a suggestion", { attributes: { "Bahan Utama": "Kulit Sapi" } }, [], ["invalid:Bahan Utama"], []],
  ["a customizable attribute sends a value off the list as custom", { attributes: { "Bahan Utama": "Katun", Motif: "Parang Rusak" } }, ["Bahan Utama=Katun", "Motif=custom:Parang Rusak"], [], []],
  ["a customizable value holding a listed one is a value of its own (no flag)", { attributes: { "Bahan Utama": "Katun", "Masa Penyimpanan": "6 Bulan Lebih" } }, ["Bahan Utama=Katun", "Masa Penyimpanan=custom:6 Bulan Lebih"], [], []],
  ["a fixed-list value holding a listed one suggests it", { attributes: { "Bahan Utama": "Katun Jepang" } }, [], ["invalid:Bahan Utama:Katun"], []],
  ["a customizable near miss is sent, and flagged", { attributes: { "Bahan Utama": "Rayon", "Masa Penyimpanan": "6 Bulam" } }, ["Bahan Utama=Rayon", "Masa Penyimpanan=custom:6 Bulam"], ["unlisted:Masa Penyimpanan:6 Bulan"], []],
  ["a required attribute missing", { attributes: { Motif: "Kawung" } }, ["Motif=custom:Kawung"], ["missing:Bahan Utama"], []],
  ["an attribute the category lacks is unknown (with the near name)", { attributes: { "Bahan Utama": "Katun", Warna: "Merah", "Bahan Utam": "x" } }, ["Bahan Utama=Katun"], [], ["Warna", "Bahan Utam:Bahan Utama"]],
  ["certificate numbers fill free-text attributes that ask for them", { attributes: { "Bahan Utama": "Katun" }, certificates: { pirt: "P-IRT 2063305010020-25", bpom: "MD 224510107115", halal: "ID35110000123450123" } }, ["Bahan Utama=Katun", "No. Izin PIRT=custom:P-IRT 2063305010020-25", "Nomor BPOM=custom:MD 224510107115"], [], []],
  ["POM TR fills a BPOM attribute when there is no BPOM number", { attributes: { "Bahan Utama": "Katun" }, certificates: { pomTr: "POM TR 182614921" } }, ["Bahan Utama=Katun", "Nomor BPOM=custom:POM TR 182614921"], [], []],
  ["an Atribut column wins over the certificate", { attributes: { "Bahan Utama": "Katun", "no izin pirt": "lain" }, certificates: { pirt: "P-IRT 1" } }, ["Bahan Utama=Katun", "No. Izin PIRT=custom:lain"], [], []],
  ["brand fills Merek; no brand is the listed no-brand value", { attributes: { "Bahan Utama": "Katun" }, brand: "" }, ["Bahan Utama=Katun", "Merek=Tanpa Merek"], [], []],
  ["a brand off a fixed Merek list is invalid", { attributes: { "Bahan Utama": "Katun" }, brand: "Desa Wisat" }, ["Bahan Utama=Katun"], ["invalid:Merek:Desa Wisata"], []],
  ["empty values count as not given", { attributes: { "Bahan Utama": "  ", Motif: "" } }, [], ["missing:Bahan Utama"], []],
];

describe("matchAttributes", () => {
  it.each(cases)("%s", (_, product, matched, problems, unknown) => {
    const m = matchAttributes(product, CATEGORY);
    expect(m.matched.map((x) => `${x.attribute.name}=${"custom" in x.value ? `custom:${x.value.custom}` : x.value.name}`)).toEqual(matched);
    expect(m.problems.map((p) => [p.kind, p.attribute.name, ...("suggestion" in p && p.suggestion ? [p.suggestion] : [])].join(":"))).toEqual(problems);
    expect(m.unknown.map((u) => [u.name, ...(u.suggestion ? [u.suggestion] : [])].join(":"))).toEqual(unknown);
  });

  it("a listed value keeps its id, a custom one its text", () => {
    const m = matchAttributes({ attributes: { "Bahan Utama": "primisima", Motif: "Truntum" } }, CATEGORY);
    expect(m.matched.map((x) => x.value)).toEqual([{ id: "bahanutama-4", name: "Primisima" }, { custom: "Truntum" }]);
    expect(m.matched.map((x) => x.source)).toEqual([{ kind: "attribute", name: "Bahan Utama" }, { kind: "attribute", name: "Motif" }]);
  });

  it("a certificate does not fill an attribute with a fixed list (a number is not Ya/Tidak)", () => {
    const m = matchAttributes({ attributes: { "Bahan Utama": "Katun" }, certificates: { halal: "ID35110000123450123" } }, [BAHAN, HALAL_YES_NO]);
    expect(m.matched.map((x) => x.attribute.name)).toEqual(["Bahan Utama"]);
    expect(m.problems).toEqual([]);
  });
});

describe("nearest and allowedValues", () => {
  it.each([
    ["Katn", "Katun"],
    ["sutera", "Sutra"],
    ["Kat", undefined],
    ["Batik", undefined],
    ["Katun Jepang", "Katun"],
    ["sutra / rayon", undefined],
  ])("%s -> %s", (given, expected) => expect(nearest(given, ["Katun", "Sutra", "Rayon"])).toBe(expected));

  it("a value that is part of a longer listed one (or holds one) is suggested when only one fits", () => {
    expect(nearest("Sekar", ["Parang", "Sekar Jagad", "Kawung"])).toBe("Sekar Jagad");
    expect(nearest("Tulis Tangan", ["Tulis", "Cap", "Kombinasi"])).toBe("Tulis");
    expect(nearest("Bahan Kain", ["Bahan", "Motif"], attributeKey)).toBe("Bahan");
  });

  it("caps the list and counts the rest", () => {
    const many = attr("Asal", Array.from({ length: 14 }, (_, i) => `Daerah ${i + 1}`));
    expect(allowedValues(many)).toEqual({ options: Array.from({ length: 10 }, (_, i) => `Daerah ${i + 1}`).join(", "), more: 4 });
    expect(allowedValues(BAHAN)).toEqual({ options: "Katun, Sutra, Rayon, Primisima", more: 0 });
  });
});
