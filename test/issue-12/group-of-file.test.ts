// Issue 12.5: `desbumi sync catalogs/<group>.csv` syncs as the group the config says owns that
// file (its marketplace, its practice shop); a config error names the key and says what to put
// there in plain words.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { practiceShop } from "../../src/target/practice-shop.js";
import { csvRow, makeIo, tempDir, writeCsv } from "../sync/harness.js";

async function setUp(config: object): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, "catalogs"));
  await writeFile(join(cwd, "desbumi.config.json"), JSON.stringify(config));
  await writeCsv(join(cwd, "catalogs"), "alpha.csv", [csvRow("AL-1", { nama: "Jamu Alpha Kunyit Asam Segar 250 ml", kategori: "Jamu" })]);
  await writeCsv(join(cwd, "catalogs"), "beta.csv", [csvRow("BE-1", { nama: "Jamu Beta Beras Kencur Segar 250 ml", kategori: "Jamu" })]);
  return cwd;
}

describe("issue 12.5: a file owned by a group syncs as that group", () => {
  it("plans against that group's practice shop, not the default one", async () => {
    const cwd = await setUp({
      groups: [
        { id: "alpha", name: "Kelompok Alpha", catalog: "catalogs/alpha.csv" },
        { id: "beta", name: "Kelompok Beta", catalog: "catalogs/beta.csv" },
      ],
    });
    const io = makeIo({ cwd });
    const code = await main(["--lang", "en", "--log-level", "silent", "sync", "catalogs/beta.csv", "--yes"], io);
    expect(io.stdout.text + io.stderr.text).toContain("1 created");
    expect(code).toBe(0);
    expect(io.stdout.text).toContain(".desbumi/practice-shop-beta.json");
    const files = (await readdir(join(cwd, ".desbumi"))).filter((f) => f.endsWith(".json"));
    expect(files.filter((f) => f.startsWith("practice-shop"))).toEqual(["practice-shop-beta.json"]);
    // The practice shop's own caches (uploaded photos, product details) are those of beta's shop only.
    const beta = practiceShop("beta").id;
    expect(beta).not.toBe(practiceShop("alpha").id);
    expect(files.filter((f) => !f.startsWith("practice-shop")).sort()).toEqual([`photo-uploads-tiktok-shop-${beta}.json`, `tiktok-shop-products-${beta}.json`]);
  });

  it("a placeholder shopId names the key and says what to put there, in both languages", async () => {
    const cwd = await setUp({
      marketplace: { adapter: "tokopedia", fsId: 13004 },
      groups: [{ id: "alpha", name: "Kelompok Alpha", catalog: "catalogs/alpha.csv", marketplace: { shopId: "GANTI-DENGAN-SHOP-ID" } }],
    });
    for (const lang of ["en", "id"] as const) {
      const io = makeIo({ cwd });
      expect(await main(["--lang", lang, "--log-level", "silent", "sync", "catalogs/alpha.csv"], io)).toBe(2);
      const said = io.stderr.text + io.stdout.text;
      expect(said).not.toContain("Invalid input");
      expect(said).toContain("shopId");
      expect(said).toContain(lang === "en" ? "placeholder" : "contoh");
      expect(said).toMatch(lang === "en" ? /shop's id \(shop_id\) there: a number such as 480829/ : /nomor toko Anda \(shop_id\): angka seperti 480829/);
    }
  });
});
