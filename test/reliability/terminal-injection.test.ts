// Issue 13 item 7: file names, header cells and what a marketplace returns are printed with their
// control characters escaped. No raw control character reaches the terminal (an ESC sequence would
// clear the screen or set the title) and no value can start a line with `::` (GitHub Actions reads
// that as a workflow command, so a file name with a newline could forge an annotation).
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG_HEADER, runCli, seedProduct, startShop, tempDir, writeText, type Shop } from "./harness.js";

// Allowed in output: tab, newline, and the SGR colour codes desbumi writes itself (none here: not a TTY).
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ROW = "A-1,Keripik Tempe,Renyah,15000,10,250 gr,3053,baru,aktif,https://img.desbumi.example/a.jpg";

/** Lines GitHub would read as workflow commands. */
const commandLines = (text: string): string[] => text.split("\n").filter((l) => l.startsWith("::"));

let dir: string;
let shop: Shop;
const HOSTILE_SKU = "EVIL-\u001b[2J\u001b]0;pwned\u0007-1";
const HOSTILE_NAME = "Nama\n::error::forged by the shop\u202e";

beforeAll(async () => {
  dir = await tempDir("desbumi-inject-");
  const seedFile = await writeText(dir, "seed.json", JSON.stringify([seedProduct({ sku: HOSTILE_SKU, name: HOSTILE_NAME, price: 10_000 })]));
  shop = await startShop({ seedFile });
});
afterAll(async () => {
  await shop.close();
  await rm(dir, { recursive: true, force: true });
});

describe("terminal and CI injection (issue 13 item 7)", () => {
  it("a catalogue named with a newline and ::error forges no annotation, in github and pretty output", async () => {
    const name = "k\n::error file=x::forged\u001b[2J.csv";
    // One bad price, so there is a real annotation to compare with.
    await writeText(dir, name, `${CATALOG_HEADER}\n${ROW.replace("15000", "lima ribu")}\n`);
    for (const format of ["github", "pretty"]) {
      const run = await runCli(["validate", name, "--format", format], { cwd: dir, env: { ...shop.env, GITHUB_ACTIONS: "true" } });
      const all = `${run.stdout}${run.stderr}`;
      expect(run.code, all).toBe(1);
      expect(all).not.toMatch(RAW_CONTROL);
      expect(all).not.toContain("forged\u001b");
      const commands = commandLines(run.stdout).concat(commandLines(run.stderr));
      if (format === "pretty") expect(commands).toEqual([]);
      else {
        // Exactly the one real annotation, its file property with the newline encoded.
        expect(commands).toHaveLength(1);
        expect(commands[0]).toMatch(/^::error file=k%0A%3A%3Aerror file=x%3A%3Aforged\\u001b\[2J\.csv,line=2,title=/);
      }
      // The name is still recognisable, shown with a visible \n.
      expect(run.stdout).toContain("k\\n::error file=x::forged\\u001b[2J.csv");
    }
  });

  it("a missing file with a hostile name: the refusal forges no line either", async () => {
    const run = await runCli(["validate", "gone\n::error::forged\u001b]0;t\u0007.csv"], { cwd: dir, env: shop.env });
    expect(run.code).toBe(2);
    const all = `${run.stdout}${run.stderr}`;
    expect(all).not.toMatch(RAW_CONTROL);
    expect(commandLines(all)).toEqual([]);
  });

  it("a header cell with ESC]0;title BEL is shown escaped", async () => {
    const header = `${CATALOG_HEADER},"\u001b]0;pwned\u0007warna"`;
    await writeText(dir, "header.csv", `${header}\n${ROW},merah\n`);
    for (const format of ["pretty", "github"]) {
      const run = await runCli(["validate", "header.csv", "--format", format], { cwd: dir, env: shop.env });
      const all = `${run.stdout}${run.stderr}`;
      expect(all).not.toMatch(RAW_CONTROL);
      expect(all).toContain("\\u001b]0;pwned\\u0007warna");
    }
  });

  it("a listing from the marketplace with ESC[2J in its SKU and a newline in its name: plan, summary and shop table stay inert", async () => {
    await writeText(dir, "k.csv", `${CATALOG_HEADER}\n${ROW}\n`);
    const runs = [
      await runCli(["sync", "k.csv", "--dry-run", "--prune", ...shop.flags], { cwd: dir, env: shop.env }),
      await runCli(["sync", "k.csv", "--dry-run", ...shop.flags], { cwd: dir, env: shop.env }),
      await runCli(["shop", ...shop.flags], { cwd: dir, env: shop.env }),
    ];
    for (const run of runs) {
      const all = `${run.stdout}${run.stderr}`;
      expect(run.code, all).not.toBe(2);
      expect(all).not.toMatch(RAW_CONTROL);
      expect(commandLines(all)).toEqual([]);
      expect(all).toContain("EVIL-\\u001b[2J\\u001b]0;pwned\\u0007-1");
    }
    // The shop table shows the name on its row, the newline made visible.
    expect(runs[2]?.stdout).toContain("Nama\\n::error::forged by the shop\\u202e");
  });
});
