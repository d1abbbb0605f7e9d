// The tiktok-shop mock takes a product attribute's value as the reference says (§4.2
// `values:[{id}|{name}]`, §6 `is_customizable`): a listed id, or a custom name only where the
// property is customizable; anything else is refused (12052910, the generic invalid input).
import { describe, expect, it } from "vitest";
import { checkCategoryRequirements } from "../../src/mock-server/tiktok-shop/validate.js";

const batik = (attributes: unknown[]) => checkCategoryRequirements({ category_id: "600301", product_attributes: [{ id: "200301", values: [{ id: "20030101" }] }, ...attributes] });

describe("tiktok-shop mock: product attribute values", () => {
  it.each([
    ["a listed value id", [{ id: "200302", values: [{ id: "20030201" }] }], undefined],
    ["a custom name on a customizable property (Motif)", [{ id: "200303", values: [{ name: "Mega Mendung" }] }], undefined],
    ["a custom name on a fixed list (Teknik)", [{ id: "200302", values: [{ name: "Printing" }] }], /Teknik\] takes only its listed values/],
    ["a value id of another property", [{ id: "200302", values: [{ id: "20030101" }] }], /not a value of the property \[Teknik\]/],
    ["an empty value", [{ id: "200303", values: [{ name: " " }] }], /needs an id or a name/],
  ])("%s", (_, attributes, refused) => {
    const problem = batik(attributes);
    if (refused === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatchObject({ code: 12052910, message: expect.stringMatching(refused) });
  });

  it("a required property is still checked after its values", () => {
    expect(checkCategoryRequirements({ category_id: "600301", product_attributes: [] })).toMatchObject({ code: 12052104 });
  });
});
