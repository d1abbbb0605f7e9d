// Regression tests for issue 12.13: `validate --format json` printed nothing on stdout when it could
// not run (a glob matched nothing, no config, a bad flag). Now stdout always holds exactly one JSON
// document, with the error; and `--sheet` on a CSV is a warning instead of silence.
import { mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JSON_REPORT_VERSION } from "../../src/report/json.js";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "desbumi-json-failure-")));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface FailureDoc {
  version: number;
  valid: boolean;
  files: unknown[];
  error: { kind: string; message: string; details?: string[] };
}

const GOOD = "sku,name,price,stock,weight,images\nA1,Kopi Robusta,25000,5,250,https://images.desbumi.example/test/a.jpg\n";

describe("validate --format json when it cannot run (issue 12.13)", () => {
  it("a glob that matches nothing: one JSON document with the error, exit 2", async () => {
    const run = await runCli(["validate", "katalog/*.csv", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as FailureDoc;
    // the same document version as a report that ran
    expect(doc).toMatchObject({ version: JSON_REPORT_VERSION, valid: false, files: [], error: { kind: "usage" } });
    expect(doc.error.message).toContain("katalog/*.csv");
    // stderr still says it for a person
    expect(run.stderr).toContain("katalog/*.csv");
  });

  it("no file and no config", async () => {
    const run = await runCli(["validate", "--format=json"], { cwd: dir });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as FailureDoc;
    expect(doc.valid).toBe(false);
    expect(doc.error.message).toMatch(/desbumi\.config\.json/);
  });

  it("a broken config: the message and one detail per mistake", async () => {
    await writeFile(path.join(dir, "desbumi.config.json"), JSON.stringify({ groups: [{ id: "a", catalogue: "a.csv" }] }));
    const run = await runCli(["validate", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as FailureDoc;
    expect(doc.error.kind).toBe("config");
    expect(doc.error.details?.join("\n")).toContain("catalogue");
  });

  it("a bad flag", async () => {
    const run = await runCli(["validate", "a.csv", "--format", "json", "--bogus"], { cwd: dir });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as FailureDoc;
    expect(doc.error).toMatchObject({ kind: "usage" });
    expect(doc.error.message).toContain("--bogus");
  });

  it("in the run's language", async () => {
    const run = await runCli(["--lang", "id", "validate", "nope/*.csv", "--format", "json"], { cwd: dir });
    expect((JSON.parse(run.stdout) as FailureDoc).error.message).not.toMatch(/^No file/);
  });

  it("a run that did report prints only its own document", async () => {
    await writeFile(path.join(dir, "a.csv"), GOOD);
    const run = await runCli(["validate", "a.csv", "missing.csv", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { files: { file: string }[] };
    expect(doc.files.map((f) => f.file)).toEqual(["a.csv", "missing.csv"]);
  });
});

describe("--sheet on a CSV (issue 12.13)", () => {
  it("is a warning SHEET_IGNORED, not silence", async () => {
    await writeFile(path.join(dir, "a.csv"), GOOD);
    const run = await runCli(["validate", "a.csv", "--sheet", "Katalog", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { files: { issues: { code: string; severity: string; message: string }[] }[] };
    expect(doc.files[0]!.issues).toEqual([expect.objectContaining({ code: "SHEET_IGNORED", severity: "warning" })]);
    expect(doc.files[0]!.issues[0]!.message).toContain('"Katalog"');
    const pretty = await runCli(["validate", "a.csv", "--sheet", "Katalog"], { cwd: dir });
    expect(pretty.stdout).toContain("--sheet");
  });
});
