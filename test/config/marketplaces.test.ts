// Issue 17: several marketplaces per group (`marketplaces` lists at the top level and per group).
import { describe, expect, it } from "vitest";
import { validateConfigData, type ValidateConfigResult } from "../../src/config/validate.js";
import { fakeAdapters } from "./fake-adapters.js";

const group = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Group ${id}`, catalog: `catalogs/${id}.csv`, ...extra });
const issuesOf = (result: ValidateConfigResult): string[] => (result.ok ? [] : result.issues.map((issue) => issue.text.en));
function valueOf(result: ValidateConfigResult) {
  if (!result.ok) throw new Error(`expected a valid config, got: ${result.issues.map((i) => i.text.en).join("; ")}`);
  return result.value;
}

describe("marketplaces (several targets per group)", () => {
  it("gives every group the top-level list, merged per adapter with the group's own blocks", () => {
    const value = valueOf(
      validateConfigData(
        {
          marketplaces: [{ adapter: "shop", fsId: "1" }, { adapter: "bulk" }],
          groups: [
            group("a", { marketplaces: [{ adapter: "shop", shopId: "10" }, { adapter: "bulk", outDir: "up" }] }),
            group("b", { marketplaces: [{ adapter: "shop", shopId: "20" }] }),
          ],
        },
        fakeAdapters,
      ),
    );
    expect(value.groups[0]?.marketplaces).toEqual([
      { adapter: "shop", fsId: "1", shopId: "10" },
      { adapter: "bulk", outDir: "up" },
    ]);
    expect(value.groups[0]?.marketplace).toEqual({ adapter: "shop", fsId: "1", shopId: "10" });
    // One target: the single block as before, no list.
    expect(value.groups[1]?.marketplace).toEqual({ adapter: "shop", fsId: "1", shopId: "20" });
    expect(value.groups[1]?.marketplaces).toBeUndefined();
  });

  it("a group without blocks of its own gets every top-level target", () => {
    const value = valueOf(validateConfigData({ marketplaces: [{ adapter: "bulk" }, { adapter: "shop", fsId: "1", shopId: "2" }], groups: [group("a")] }, fakeAdapters));
    expect(value.groups[0]?.marketplaces?.map((b) => b.adapter)).toEqual(["bulk", "shop"]);
  });

  it("names the group's key when a required option is missing in a merged block", () => {
    expect(issuesOf(validateConfigData({ marketplaces: [{ adapter: "shop", fsId: "1" }], groups: [group("a", { marketplaces: [{ adapter: "shop" }] })] }, fakeAdapters))).toEqual([
      expect.stringMatching(/^groups\[0\]\.marketplaces\[0\]\.shopId: /),
    ]);
  });

  it("refuses both marketplace and marketplaces, a duplicate adapter, and a block without adapter", () => {
    const issues = issuesOf(
      validateConfigData(
        {
          marketplace: { adapter: "bulk" },
          marketplaces: [{ adapter: "bulk" }],
          groups: [group("a", { marketplaces: [{ adapter: "bulk" }, { adapter: "bulk" }, { outDir: "x" }] })],
        },
        fakeAdapters,
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^marketplaces: use one of them/),
        expect.stringMatching(/^groups\[0\]\.marketplaces\[1\]\.adapter: adapter "bulk" is already in groups\[0\]\.marketplaces\[0\]/),
        expect.stringMatching(/^groups\[0\]\.marketplaces\[2\]\.adapter: every block in a marketplaces list needs an adapter/),
      ]),
    );
  });

  it("an unknown adapter in a list is named with its path", () => {
    expect(issuesOf(validateConfigData({ groups: [group("a", { marketplaces: [{ adapter: "shopp", fsId: "1", shopId: "2" }] })] }, fakeAdapters))).toEqual([
      expect.stringMatching(/^groups\[0\]\.marketplaces\[0\]\.adapter: unknown adapter "shopp"\. Did you mean "shop"\?/),
    ]);
  });
});
