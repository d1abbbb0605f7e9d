import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { readPlanFile, writePlanFile } from "../../src/plan/plan-file.js";
import { makeDesired, makePlan } from "../builders.js";

const plan = makePlan({
  group: "muiwo",
  changes: [
    { kind: "create", sku: "A", product: makeDesired({ sku: "A" }) },
    { kind: "update", sku: "B", listingId: "2", product: makeDesired({ sku: "B" }), fields: [{ field: "price", from: 1, to: 2 }] },
    { kind: "deactivate", sku: "C", listingId: "3", reason: "pruned", fields: [] },
  ],
  leftAlone: [{ sku: "D", listingId: "4", reason: "invalid-row" }],
  fingerprints: { "2": "a".repeat(64), "3": "b".repeat(64) },
  duplicates: [{ sku: "B", listingIds: ["2", "9"] }],
});

async function tempFile(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "desbumi-plan-")), name);
}

describe("plan files", () => {
  it("round-trips exactly", async () => {
    const file = await tempFile("plan.json");
    await writePlanFile(file, plan);
    expect(await readPlanFile(file)).toEqual(plan);
  });

  it("holds no credentials by construction", async () => {
    const file = await tempFile("plan.json");
    await writePlanFile(file, plan);
    const text = await readFile(file, "utf8");
    expect(text).not.toMatch(/secret|token|authorization|client_id|clientId|password/i);
  });

  it.each([
    ["not JSON", "{nope", /not JSON/],
    ["another document", JSON.stringify({ hello: 1 }), /not a valid desbumi plan file \(format/],
    ["a newer version", JSON.stringify({ format: "desbumi-plan", version: 2 }), /version 2; this desbumi reads version 1/],
    ["a broken change", JSON.stringify({ ...plan, format: "desbumi-plan", changes: [{ kind: "create", sku: "A" }] }), /changes\.0\.product/],
  ])("refuses %s with a UsageError", async (_name, content, message) => {
    const file = await tempFile("bad.json");
    await writeFile(file, content);
    const error = await readPlanFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });

  it("refuses a missing file", async () => {
    await expect(readPlanFile(await tempFile("missing.json"))).rejects.toThrow(/Cannot read the plan file .*ENOENT/);
  });
});

describe("plan files with variants (issue 14)", () => {
  const M = { sku: "BTK-M", options: { Ukuran: "M", Warna: "Merah" }, price: 25_000, stock: 5, weight: 250, images: [], status: "active" as const, line: 3 };
  const XL = { ...M, sku: "BTK-XL", options: { Ukuran: "XL", Warna: "Merah" }, line: 4, sheet: "Produk", cell: "A4" };
  const withVariants = makePlan({
    changes: [
      { kind: "create", sku: "BTK", product: makeDesired({ sku: "BTK", variants: [M, XL] }) },
      {
        kind: "update",
        sku: "TNN",
        listingId: "5",
        fields: [],
        product: makeDesired({ sku: "TNN", variants: [M] }),
        variants: [
          { kind: "remove", sku: "TNN-L", variantId: "51" },
          { kind: "update", sku: "BTK-M", variantId: "52", fields: [{ field: "price", from: 20_000, to: 25_000 }, { field: "options", from: { Ukuran: "M" }, to: M.options }] },
          { kind: "add", sku: "BTK-XL", variant: XL },
        ],
      },
    ],
    leftAlone: [{ sku: "KRP", listingId: "6", reason: "has-variants" }],
  });

  it("round-trips the products' variants and the variant changes exactly", async () => {
    const file = await tempFile("plan.json");
    await writePlanFile(file, withVariants);
    expect(await readPlanFile(file)).toEqual(withVariants);
  });

  it.each([
    ["a variant change of an unknown kind", { kind: "rename", sku: "X" }, /changes\.1\.variants\.0/],
    ["an update without fields", { kind: "update", sku: "X", variantId: "1", fields: [] }, /changes\.1\.variants\.0\.fields/],
    ["a field that is not a variant field", { kind: "update", sku: "X", variantId: "1", fields: [{ field: "name", from: 1, to: 2 }] }, /changes\.1\.variants\.0\.fields\.0\.field/],
    ["an added variant without price", { kind: "add", sku: "X", variant: { ...XL, price: undefined } }, /changes\.1\.variants\.0\.variant\.price/],
  ])("refuses %s", async (_name, bad, message) => {
    const doc = JSON.parse(JSON.stringify({ ...withVariants, format: "desbumi-plan" })) as { changes: { variants?: unknown[] }[] };
    doc.changes[1]!.variants = [bad];
    const file = await tempFile("bad.json");
    await writeFile(file, JSON.stringify(doc));
    const error = await readPlanFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });
});
