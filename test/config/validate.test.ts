import { describe, expect, it } from "vitest";
import { validateConfigData, type ValidateConfigResult } from "../../src/config/validate.js";
import { fakeAdapters } from "./fake-adapters.js";

const group = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Group ${id}`, catalog: `catalogs/${id}.csv`, ...extra });

function issuesOf(result: ValidateConfigResult): string[] {
  if (result.ok) throw new Error("expected issues, config was valid");
  return result.issues.map((issue) => issue.text.en);
}

function valueOf(result: ValidateConfigResult) {
  if (!result.ok) throw new Error(`expected a valid config, got: ${result.issues.map((i) => i.text.en).join("; ")}`);
  return result.value;
}

describe("validateConfigData", () => {
  it("accepts a minimal config (practice shop: no marketplace)", () => {
    const value = valueOf(validateConfigData({ groups: [group("muiwo")] }, fakeAdapters));
    expect(value.groups).toEqual([{ id: "muiwo", name: "Group muiwo", catalog: "catalogs/muiwo.csv" }]);
    expect(value.marketplace).toBeUndefined();
  });

  it("rejects an unknown top-level key with a did-you-mean", () => {
    expect(issuesOf(validateConfigData({ group: [], groups: [group("a")] }, fakeAdapters))).toEqual([
      'group: unknown key "group". Did you mean "groups"?',
    ]);
  });

  it("names the key path of an unknown group key and suggests the allowed one", () => {
    expect(issuesOf(validateConfigData({ groups: [group("a"), { id: "b", name: "B", catalogue: "b.csv" }] }, fakeAdapters))).toEqual([
      // one typo, one message: no separate "catalog is required"
      'groups[1].catalogue: unknown key "catalogue". Did you mean "catalog"?',
    ]);
  });

  it("lists the allowed keys when nothing is close", () => {
    const [message] = issuesOf(validateConfigData({ groups: [group("a", { colour: "red" })] }, fakeAdapters));
    expect(message).toBe(
      'groups[0].colour: unknown key "colour". Allowed keys: "id", "name", "catalog", "marketplace", "marketplaces", "defaultCategory", "sheet", "photos", "pricing".',
    );
  });

  it("gives exactly one message per mistake (three mistakes -> three issues)", () => {
    const config = {
      defaultCatgory: "Jamu", // typo
      groups: [
        { id: "MUIWO Lipursari", name: "MUIWO", catalog: "a.csv" }, // not a slug
        { id: "b", name: "", catalog: "b.csv" }, // empty name
      ],
    };
    const issues = issuesOf(validateConfigData(config, fakeAdapters));
    expect(issues).toEqual([
      'defaultCatgory: unknown key "defaultCatgory". Did you mean "defaultCategory"?',
      'groups[0].id: use only lowercase letters, digits and - (no spaces), e.g. "muiwo" or "bumi-adikusuma".',
      "groups[1].name: must not be empty.",
    ]);
  });

  it("reports wrong types and a missing groups list plainly", () => {
    expect(issuesOf(validateConfigData({}, fakeAdapters))).toEqual([
      'groups: add at least one group: {"id": "muiwo", "name": "MUIWO Lipursari", "catalog": "catalogs/muiwo.csv"}.',
    ]);
    expect(issuesOf(validateConfigData({ groups: [group("a", { sheet: 3 })] }, fakeAdapters))).toEqual([
      "groups[0].sheet: must be text in quotes, not a number.",
    ]);
    expect(issuesOf(validateConfigData([], fakeAdapters))).toEqual(["(top level): must be an object {...}, not a list [...]."]);
  });

  it("reports a duplicate group id once, naming the first", () => {
    expect(issuesOf(validateConfigData({ groups: [group("a"), group("b"), group("a")] }, fakeAdapters))).toEqual([
      'groups[2].id: id "a" is already used by groups[0]; each group needs its own id.',
    ]);
  });

  it("refuses secrets in any marketplace block or group, with the env-variable advice", () => {
    const issues = issuesOf(
      validateConfigData(
        {
          marketplace: { adapter: "shop", fsId: "1", shopId: "2", clientSecret: "s3cr3t-value" },
          groups: [group("a", { marketplace: { access_token: "tok-value" } }), group("b", { password: "pw" })],
        },
        fakeAdapters,
      ),
    );
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^marketplace\.clientSecret: secrets never go in the config file\. Put the secret in an environment variable or \.env; name the variable in clientSecretEnv/);
    expect(issues[1]).toMatch(/^groups\[0\]\.marketplace\.access_token: secrets never go/);
    expect(issues[2]).toMatch(/^groups\[1\]\.password: secrets never go/);
    expect(issues.join("\n")).not.toMatch(/s3cr3t-value|tok-value/);
  });

  it("allows clientIdEnv / clientSecretEnv and tokenUrl-like keys (names, not secrets)", () => {
    const value = valueOf(
      validateConfigData(
        { marketplace: { adapter: "shop", fsId: "1", clientIdEnv: "MUIWO_ID", clientSecretEnv: "MUIWO_SECRET" }, groups: [group("a", { marketplace: { shopId: "9" } })] },
        fakeAdapters,
      ),
    );
    expect(value.groups[0]?.marketplace).toEqual({ adapter: "shop", fsId: "1", clientIdEnv: "MUIWO_ID", clientSecretEnv: "MUIWO_SECRET", shopId: "9" });
  });

  it("merges a group's marketplace over the default, the group's keys winning", () => {
    const value = valueOf(
      validateConfigData(
        {
          marketplace: { adapter: "shop", fsId: "1", shopId: "100", concurrency: 2 },
          groups: [group("a"), group("b", { marketplace: { shopId: "200", concurrency: 8 } })],
        },
        fakeAdapters,
      ),
    );
    expect(value.marketplace).toEqual({ adapter: "shop", fsId: "1", shopId: "100", concurrency: 2 });
    expect(value.groups.map((g) => g.marketplace)).toEqual([
      { adapter: "shop", fsId: "1", shopId: "100", concurrency: 2 },
      { adapter: "shop", fsId: "1", shopId: "200", concurrency: 8 },
    ]);
  });

  it("does not merge the default's options into a group that names another adapter", () => {
    const value = valueOf(
      validateConfigData(
        { marketplace: { adapter: "shop", fsId: "1", shopId: "100" }, groups: [group("a", { marketplace: { adapter: "bulk", outDir: "out" } })] },
        fakeAdapters,
      ),
    );
    expect(value.groups[0]?.marketplace).toEqual({ adapter: "bulk", outDir: "out" });
  });

  it("checks adapter options after merging and names where the bad key was written", () => {
    const issues = issuesOf(
      validateConfigData(
        {
          marketplace: { adapter: "shop", fsId: "abc" },
          groups: [group("a", { marketplace: { shopId: "1" } }), group("b", { marketplace: { shopId: "x", shopID: "2" } }), group("c")],
        },
        fakeAdapters,
      ),
    );
    expect(issues).toEqual([
      // the default's bad fsId is inherited by all three groups, but it is one mistake
      "marketplace.fsId: invalid value (digits only).",
      'groups[1].marketplace.shopID: unknown key "shopID". Did you mean "shopId"?',
      "groups[1].marketplace.shopId: invalid value (digits only).",
      "groups[2].marketplace.shopId: is required (text in quotes).",
    ]);
  });

  it("reports a missing required key when nothing misspelt points at it", () => {
    expect(issuesOf(validateConfigData({ groups: [{ id: "b", name: "B" }] }, fakeAdapters))).toEqual([
      "groups[0].catalog: is required (text in quotes).",
    ]);
    expect(
      issuesOf(validateConfigData({ marketplace: { adapter: "shop", fsId: "1" }, groups: [group("a", { marketplace: { shop_id: "1" } })] }, fakeAdapters)),
    ).toEqual(['groups[0].marketplace.shop_id: unknown key "shop_id". Did you mean "shopId"?']);
  });

  it("reports a top-level block without an adapter once, not once per group", () => {
    expect(issuesOf(validateConfigData({ marketplace: { fsId: "1" }, groups: [group("a"), group("b", { marketplace: { shopId: "2" } })] }, fakeAdapters))).toEqual([
      "marketplace.adapter: is required (text in quotes).",
    ]);
  });

  it("rejects an unknown adapter with a did-you-mean, and a group block without any adapter", () => {
    expect(issuesOf(validateConfigData({ marketplace: { adapter: "shopp" }, groups: [group("a")] }, fakeAdapters))).toEqual([
      'marketplace.adapter: unknown adapter "shopp". Did you mean "shop"? Available adapters: "shop", "bulk".',
    ]);
    expect(issuesOf(validateConfigData({ groups: [group("a", { marketplace: { shopId: "1" } })] }, fakeAdapters))).toEqual([
      'groups[0].marketplace.adapter: name the adapter here or in the top-level "marketplace" block, e.g. "adapter": "tokopedia".',
    ]);
  });

  it("has the Indonesian wording too", () => {
    const result = validateConfigData({ groups: [group("a", { catalogg: "x" })] }, fakeAdapters);
    expect(result.ok ? [] : result.issues.map((i) => i.text.id)).toEqual(['groups[0].catalogg: kunci "catalogg" tidak dikenal. Mungkin maksudnya "catalog"?']);
  });
});
