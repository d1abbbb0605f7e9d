// Issue 14, per-marketplace titles and prices: `validate --marketplace X` checks each product as X
// would get it: its own columns (`Nama Produk (TikTok Shop)`, `Harga (Shopee)`), else the group's
// pricing rule (markup, rounding), variant prices included. A title outside X's lengths is an error
// at the cell it came from, with a suggested fix; it is never shortened or padded.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "./helpers.js";

const ENV = { LANG: "en_US.UTF-8", NO_COLOR: "1" };
const IMG = "https://img.desbumi.example";
const D = "Keripik singkong renyah tanpa pengawet buatan ibu-ibu Desa Sukorambi Jember.";
const LONG = "Keripik Singkong Balado Asli Lereng Kawi Malang Jawa Timur Renyah Gurih Tanpa Pengawet 250 gr"; // 93
const HEADER = "SKU,Nama Produk,Nama Produk (TikTok Shop),Nama Produk (Tokopedia),Deskripsi,Harga,Harga (Shopee),Stok,Berat,Foto";
const ROWS = [
  `K-1,Keripik Singkong Pedas Lereng Kawi 200 gr,Keripik Pedas Mantap,${LONG.replace("Balado", "Pedas")},${D},15000,16000,10,200,${IMG}/k.jpg`,
  `K-2,Kopi Bubuk,,,${D},25000,,10,250,${IMG}/c.jpg`,
  `K-3,${LONG},Keripik Singkong Balado Lereng Kawi 250 gr,Keripik Singkong Balado Lereng Kawi 250 gr,${D},15000,,10,250,${IMG}/b.jpg`,
  `K-4,${LONG.replace("Balado", "Bawang")},,,${D},15000,50,10,250,${IMG}/d.jpg`,
];

type Doc = { files: { issues: { code: string; line: number; column?: string; value?: string; hint?: string }[] }[] };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-validate-mp-"));
  await writeFile(join(dir, "k.csv"), `${[HEADER, ...ROWS].join("\n")}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errorsFor = async (marketplace: string, cwd = dir, file = "k.csv") => {
  const run = await runCli(["validate", file, "--marketplace", marketplace, "--format", "json"], { cwd, env: ENV });
  const doc = JSON.parse(run.stdout) as Doc;
  return { code: run.code, issues: doc.files[0]!.issues.filter((i) => !["UNKNOWN_COLUMN"].includes(i.code)) };
};

describe.each<[string, (string | number)[][]]>([
  // TikTok Shop ID: titles 25..255. Its own column's title and the catalogue's, each at its cell.
  ["tiktok-shop", [["NAME_TOO_SHORT", 2, "Nama Produk (TikTok Shop)"], ["NAME_TOO_SHORT", 3, "Nama Produk"]]],
  // Legacy Tokopedia: at most 70. Row 4 gives Tokopedia a title of its own: its long catalogue title is fine there.
  ["tokopedia", [["NAME_TOO_LONG", 2, "Nama Produk (Tokopedia)"], ["NAME_TOO_LONG", 5, "Nama Produk"]]],
  // Shopee (reference: item name up to 255; price from Rp 100): its own price of Rp 50 is out of range.
  ["shopee", [["PRICE_OUT_OF_RANGE", 5, "Harga (Shopee)"]]],
])("%s", (marketplace, expected) => {
  test("each product as the marketplace gets it: located errors", async () => {
    const { code, issues } = await errorsFor(marketplace);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual(expected);
    expect(code).toBe(1);
  });
});

test("a title too long: the suggested fix is a cut at a word within the limit, never applied; the catalogue's title is offered its own column", async () => {
  const { issues } = await errorsFor("tokopedia");
  const base = issues.find((i) => i.line === 5)!;
  expect(base.hint).toContain('e.g. "Keripik Singkong Bawang Asli Lereng Kawi Malang Jawa Timur Renyah"; or give this marketplace a title of its own in a "Nama Produk (Tokopedia)" column');
});

test("the group's pricing rule (markup, rounding to Rp 500) is applied to every variant's price before it is checked", async () => {
  const group = await mkdtemp(join(tmpdir(), "desbumi-validate-pricing-"));
  try {
    await writeFile(
      join(group, "k.csv"),
      [
        "Kode Induk,SKU,Nama Produk,Deskripsi,Rasa,Harga,Harga (Shopee),Stok,Berat,Foto",
        `K,K-ORI,Keripik Singkong Lereng Kawi 200 gr,${D},Original,15000,,4,200,${IMG}/k.jpg`,
        `K,K-PDS,,,Pedas,140000000,,2,200,`,
        `K,K-BLD,,,Balado,15000,16000,2,200,`,
      ].join("\n"),
    );
    const config = (markupPercent: number) => ({ pricing: { shopee: { markupPercent, roundTo: 500 } }, groups: [{ id: "krp", name: "Keripik", catalog: "k.csv", marketplace: { adapter: "shopee" } }] });
    // Rp 140.000.000 + 10% is above Shopee's maximum: an error at that variant's price; without the markup it is not.
    await writeFile(join(group, "desbumi.config.json"), JSON.stringify(config(10)));
    const marked = await runCli(["validate", "--format", "json"], { cwd: group, env: ENV });
    const issues = (JSON.parse(marked.stdout) as Doc).files[0]!.issues.filter((i) => i.code === "PRICE_OUT_OF_RANGE");
    expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([[3, "Harga", "154000000"]]);
    await writeFile(join(group, "desbumi.config.json"), JSON.stringify(config(0)));
    const plain = await runCli(["validate", "--format", "json"], { cwd: group, env: ENV });
    expect((JSON.parse(plain.stdout) as Doc).files[0]!.issues.filter((i) => i.code === "PRICE_OUT_OF_RANGE")).toEqual([]);
  } finally {
    await rm(group, { recursive: true, force: true });
  }
});
