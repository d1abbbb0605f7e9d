// The legacy Tokopedia API and the Seller Center workbook have no place for certificate photos or
// category attributes: a sync says so once per kind (a warning at the first row, with the row
// count), never drops them silently, and still goes on (issue 14: "never silently drop ... a photo").
import { describe, expect, it } from "vitest";
import { notSentNotes } from "../../src/adapters/shared/not-sent.js";
import { formatIssue } from "../../src/report/messages.js";
import type { DesiredProduct } from "../../src/plan/types.js";

const product = (line: number, extra: Partial<DesiredProduct> = {}): DesiredProduct =>
  ({ sku: `K-${line}`, name: "Keripik Singkong Pedas", description: "", price: 15000, stock: 5, weight: 250, category: "Makanan", categoryId: "1", images: [], etalase: "", min_order: 1, condition: "NEW", status: "active", line, ...extra }) as DesiredProduct;

describe("notSentNotes", () => {
  const at = { file: "k.csv", extraColumns: { certificateFiles: { header: "Foto Sertifikat" }, attributes: { Bahan: { header: "Atribut: Bahan" } } } };

  it("one warning per kind, at the first row that fills it, counting the rows", () => {
    const issues = notSentNotes(
      [
        product(2),
        product(3, { certificates: { files: ["pirt.jpg"] }, attributes: { Bahan: "Singkong" } }),
        product(4, { certificates: { files: ["pirt-2.jpg"] } }),
        product(5, { attributes: { Bahan: "Ubi" } }),
      ],
      at,
      { target: "Tokopedia" },
    );
    expect(issues.map((i) => [i.code, i.severity, i.line, i.column, i.args?.rows])).toEqual([
      ["CERTIFICATES_NOT_SENT", "warning", 3, "Foto Sertifikat", 2],
      ["ATTRIBUTES_NOT_SENT", "warning", 3, "Atribut: Bahan", 2],
    ]);
    expect(formatIssue(issues[0]!, "en").message).toBe('Tokopedia has no place for certificate photos: the certificate photos ("pirt.jpg" and 1 more rows) are not sent');
    expect(formatIssue(issues[1]!, "id").message).toBe('Tokopedia tidak punya atribut kategori: kolom Atribut: Bahan ("Singkong" dan 1 baris lain) tidak dikirim');
  });

  it("says nothing when no row has certificate photos or attributes", () => {
    expect(notSentNotes([product(2), product(3)], at, { target: "Tokopedia" })).toEqual([]);
  });
});
