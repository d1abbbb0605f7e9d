// Regression, issue 13 item 6: an output path that is an input, a state file or a lock is refused
// (exit 2, plain message, nothing overwritten); the plan file is written atomically.
import { link, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvRow, tempDir, writeCsv } from "../sync/harness.js";
import { runCli } from "./helpers.js";

const catalogue = async (): Promise<{ cwd: string; before: string }> => {
  const cwd = await tempDir();
  // 600117: Jamu in the (Tokopedia & Shop) practice shop, whose names are 25 to 255 characters.
  await writeCsv(cwd, "k.csv", [csvRow("A-1", { nama: "Jamu Kunyit Asam Segar 250 ml", kategori: "600117" })]);
  return { cwd, before: await readFile(join(cwd, "k.csv"), "utf8") };
};

describe("outputs never overwrite inputs, state or locks (issue 13 item 6)", () => {
  it("sync --out k.csv (the catalogue itself) is refused and the catalogue is intact", async () => {
    const { cwd, before } = await catalogue();
    const run = await runCli(["--lang", "en", "sync", "k.csv", "--dry-run", "--out", "k.csv"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Refused: --out k.csv is a file this command reads; desbumi will not overwrite it.");
    expect(await readFile(join(cwd, "k.csv"), "utf8")).toBe(before);
  });

  it("the same file under another name (hard link, symlink) is refused too", async () => {
    const { cwd, before } = await catalogue();
    await link(join(cwd, "k.csv"), join(cwd, "hard.json"));
    await symlink(join(cwd, "k.csv"), join(cwd, "soft.json"));
    for (const out of ["hard.json", "soft.json"]) {
      const run = await runCli(["--lang", "en", "sync", "k.csv", "--dry-run", "--out", out], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("is a file this command reads");
    }
    expect(await readFile(join(cwd, "k.csv"), "utf8")).toBe(before);
  });

  it("--out into .desbumi/ (practice-shop state the run holds locked) is refused", async () => {
    const { cwd } = await catalogue();
    await mkdir(join(cwd, ".desbumi"), { recursive: true });
    const run = await runCli(["--lang", "id", "sync", "k.csv", "--dry-run", "--out", ".desbumi/practice-shop.json"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Ditolak: --out .desbumi/practice-shop.json adalah bagian dari data desbumi di .desbumi/");
  });

  it("--log-file k.csv is refused before any log line is written", async () => {
    const { cwd, before } = await catalogue();
    const run = await runCli(["--lang", "en", "--log-file", "k.csv", "--log-level", "debug", "validate", "k.csv"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Refused: --log-file k.csv is a file this command reads");
    expect(await readFile(join(cwd, "k.csv"), "utf8")).toBe(before);
  });

  it("normalize -o onto its input, or onto a lock file, is refused", async () => {
    const { cwd, before } = await catalogue();
    const same = await runCli(["--lang", "en", "normalize", "k.csv", "-o", "./k.csv"], { cwd });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("Refused: -o ./k.csv is a file this command reads");
    expect(await readFile(join(cwd, "k.csv"), "utf8")).toBe(before);
    const lock = await runCli(["--lang", "en", "normalize", "k.csv", "-o", "shop.lock"], { cwd });
    expect(lock.code).toBe(2);
    expect(lock.stderr).toContain("is a lock file");
  });

  it("a plan file is replaced atomically: no temp file is left, the old plan is whole until the new one is", async () => {
    const { cwd } = await catalogue();
    await writeFile(join(cwd, "plan.json"), "old plan");
    const run = await runCli(["--lang", "en", "sync", "k.csv", "--dry-run", "--out", "plan.json"], { cwd });
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, "plan.json"), "utf8"))).toMatchObject({ format: "desbumi-plan" });
    expect((await readdir(cwd)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
