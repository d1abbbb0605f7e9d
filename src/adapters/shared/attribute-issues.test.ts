import { describe, expect, it } from "vitest";
import { collectAttributeIssues, type AttributeCheckAt } from "./attribute-issues.js";
import { matchAttributes, type AttributeInput, type CategoryAttribute } from "./attribute-match.js";

const BAHAN: CategoryAttribute = { id: "1", name: "Bahan", required: true, customizable: false, values: [{ id: "11", name: "Katun" }, { id: "12", name: "Sutra" }] };
const PIRT: CategoryAttribute = { id: "2", name: "No. Izin PIRT", required: true, customizable: true, values: [] };
const MASA: CategoryAttribute = { id: "3", name: "Masa Penyimpanan", required: false, customizable: true, values: [{ id: "31", name: "6 Bulan" }] };

const AT: AttributeCheckAt = {
  file: "katalog.csv",
  columns: { category: { header: "Kategori" } },
  extraColumns: { attributes: { bahan: { header: "Atribut: bahan" }, Motif: { header: "Atribut: Motif" } }, attributeCell: { header: "Atribut" }, certificates: { pirt: { header: "No. PIRT" } } },
};

function run(rows: AttributeInput[], at: AttributeCheckAt = AT) {
  const collector = collectAttributeIssues(at, { marketplace: "Shopee", missingCode: "ATTRIBUTE_MISSING" });
  const issues = rows.flatMap((p, i) => collector.add({ sku: `S-${i}`, line: i + 2, category: "Kain Batik" }, matchAttributes(p, [BAHAN, PIRT, MASA]), "Pakaian > Kain Batik"));
  collector.finish();
  return issues.map((i) => [i.code, i.severity, i.line, i.column, i.value, i.args?.suggestion ?? i.args?.rows]);
}

describe("collectAttributeIssues", () => {
  it("locates each issue at the column that holds (or would hold) the value", () => {
    expect(
      run([
        { attributes: { bahan: "Katn" }, certificates: {} },
        { attributes: { bahan: "Sutra", "masa penyimpanan": "6 bulam" }, certificates: { pirt: "P-IRT 1" } },
      ]),
    ).toEqual([
      ["ATTRIBUTE_VALUE_INVALID", "error", 2, "Atribut: bahan", "Katn", "Katun"],
      // A required certificate-like attribute points at the certificate column (its cell is empty).
      ["ATTRIBUTE_MISSING", "error", 2, "No. PIRT", undefined, undefined],
      // From the `Atribut` cell (no column of its own): located at that cell.
      ["ATTRIBUTE_VALUE_UNLISTED", "warning", 3, "Atribut", "6 bulam", "6 Bulan"],
    ]);
  });

  it("a required attribute with no column points at the category cell", () => {
    expect(run([{ attributes: { bahan: "Katun" } }], { file: "k.csv", columns: { category: { header: "Kategori" } } })).toEqual([["ATTRIBUTE_MISSING", "error", 2, "Kategori", "Kain Batik", undefined]]);
  });

  it("an attribute the category lacks is one warning at the first row that fills it, counting the rows", () => {
    const rows: AttributeInput[] = [{ attributes: { bahan: "Katun" } }, { attributes: { bahan: "Katun", Motif: "Parang" } }, { attributes: { bahan: "Katun", motif: "Kawung" } }, { attributes: { bahan: "Sutra", MOTIF: "Lereng" } }];
    const issues = run(rows.map((r) => ({ ...r, certificates: { pirt: "P-IRT 1" } })));
    expect(issues).toEqual([["ATTRIBUTE_NOT_IN_CATEGORY", "warning", 3, "Atribut: Motif", "Parang", 3]]);
  });
});
