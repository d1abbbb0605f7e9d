// Issue 14, "Done when": three groups' catalogues written the way people write them (a batik group's
// sizes x colours exported by LibreOffice Calc as .xlsx; a keripik group's flavours saved by Excel
// on an Indonesian Windows as a semicolon, Windows-1252 CSV; a jamu group's PIRT and POM TR numbers
// with bare photo file names found in foto/) validate, sync to the practice shop, and a rerun does
// nothing. The fixtures are in fixtures/groups-v2/, their photos real JPEG files.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../cli/helpers.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/groups-v2");
const ENV = { LANG: "en_US.UTF-8", NO_COLOR: "1" };

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "desbumi-groups-v2-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// The jamu group's category (Jamu & Herbal) requires its POM TR certification: the practice shop
// refuses a create without it (12052105), so its sync passing means the `Foto Sertifikat` photos
// were uploaded (CERTIFICATION_IMAGE) and sent with the product.
const GROUPS: [string, string, { products: number; variants: number; sync: boolean }][] = [
  ["batik-banyuwangi", "katalog.xlsx", { products: 2, variants: 6, sync: true }],
  ["keripik-jember", "katalog.csv", { products: 2, variants: 3, sync: true }],
  ["jamu-wonosobo", "katalog.csv", { products: 3, variants: 3, sync: true }],
];

describe.each(GROUPS)("%s", (group, file, expected) => {
  test("validates, syncs to the practice shop with its photos, and a rerun does nothing", async () => {
    const cwd = join(root, group);
    await cp(join(FIXTURES, group), cwd, { recursive: true });

    const validate = await runCli(["validate", file, "--marketplace", "tiktok-shop", "--format", "json"], { cwd, env: ENV });
    const doc = JSON.parse(validate.stdout) as { files: { valid: boolean; issues: { code: string; severity: string; line?: number }[]; products: { sku: string; variants: unknown[] }[] }[] };
    const [report] = doc.files;
    expect(report!.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(validate.code).toBe(0);
    expect(report!.products).toHaveLength(expected.products);
    expect(report!.products.reduce((n, p) => n + p.variants.length, 0)).toBe(expected.variants);
    if (!expected.sync) return;

    const first = await runCli(["sync", file, "--yes"], { cwd, env: ENV });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);

    const again = await runCli(["sync", file, "--dry-run", "--detailed-exitcode"], { cwd, env: ENV });
    expect(again.stdout).not.toMatch(/^\s*[+~-] /m);
    expect(again.code).toBe(0);
  }, 120_000);
});
