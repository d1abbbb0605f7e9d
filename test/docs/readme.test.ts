// Regression test for issue 12.18: README statements that had drifted from the code. Each check
// reads the README and compares it with what the code really does.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { adapterNames } from "../../src/adapters/index.js";
import { parseCondition } from "../../src/catalog/enums.js";
import { EXIT_CANNOT_RUN, EXIT_CHANGES_PENDING, EXIT_FAILED, EXIT_OK } from "../../src/exit-codes.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const README = readFileSync(`${ROOT}README.md`, "utf8");

const section = (title: string): string => {
  const start = README.indexOf(`\n## ${title}`);
  expect(start, title).toBeGreaterThan(0);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
};

describe("README says what the code does (issue 12.18)", () => {
  it("every issue code is listed in the README (or docs/catalog-v2.md), with its wording (issue 14)", async () => {
    const { ISSUE_CODES } = await import("../../src/issues.js");
    const docs = README + readFileSync(`${ROOT}docs/catalog-v2.md`, "utf8");
    expect(ISSUE_CODES.filter((code) => !docs.includes(`| \`${code}\` |`))).toEqual([]);
  });

  it("the INVALID_CONDITION example is a condition desbumi really rejects", () => {
    const row = README.split("\n").find((line) => line.startsWith("| `INVALID_CONDITION`"));
    const value = /Condition "([^"]+)" is not understood/.exec(row ?? "")?.[1];
    expect(value).toBeDefined();
    expect(parseCondition(value!)).toBeUndefined();
    // and the words it does accept for USED are listed
    for (const word of ["second", "seken", "preloved"]) expect(parseCondition(word)).toBe("USED");
    expect(README).toContain("`bekas`/`used`/`second`/`seken`/`preloved` → USED");
  });

  it("the exit codes live where the README says, with the numbers it gives", () => {
    const text = section("Exit codes");
    const files = [...text.matchAll(/`(src\/[^`]+\.ts)`/g)].map((m) => m[1]!);
    expect(files).toContain("src/exit-codes.ts");
    for (const file of files) expect(existsSync(`${ROOT}${file}`), file).toBe(true);
    expect(readFileSync(`${ROOT}src/exit-codes.ts`, "utf8")).toContain("export const EXIT_OK = 0;");
    for (const code of [EXIT_OK, EXIT_FAILED, EXIT_CANNOT_RUN, EXIT_CHANGES_PENDING]) expect(text).toContain(`| ${code} |`);
  });

  it("--previous is named one way everywhere: a path (one workbook or a folder), as the adapter reads it", () => {
    const uses = [...README.matchAll(/`--previous ([A-Z]+)`/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(0);
    expect(new Set(uses)).toEqual(new Set(["PATH"]));
    const definition = readFileSync(`${ROOT}src/adapters/tokopedia-bulk/definition.ts`, "utf8");
    expect(definition).toMatch(/workbook or folder of workbooks/);
  });

  it("the adapter list leads with the practice shop and does not offer the test adapter as a shop", () => {
    const text = section("Adapters");
    const table = text.split("\n").filter((line) => line.startsWith("|"));
    expect(table[2]).toMatch(/practice shop/);
    const listed = table.slice(2).map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1]).filter(Boolean);
    expect(listed).not.toContain("memory");
    for (const name of listed) expect(adapterNames()).toContain(name);
    expect(text).toMatch(/`memory` is also registered: .*tests/s);
  });
});
