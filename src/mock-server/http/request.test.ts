// Issue 13.1 and 13.17: reading the request target and numbers never throws and never guesses.
import { expect, test } from "vitest";
import { isJsonContentType, parseIntStrict, parseRequestUrl } from "./request.js";

test("parseRequestUrl: origin-form targets only; the shapes that crashed the mock are undefined", () => {
  expect(parseRequestUrl("/v3/products/fs/13004/create?shop_id=1")?.pathname).toBe("/v3/products/fs/13004/create");
  expect(parseRequestUrl("/a?x=%20")?.searchParams.get("x")).toBe(" ");
  expect(parseRequestUrl(undefined)?.pathname).toBe("/");
  for (const bad of ["//[", "//[::1", "http://[", "*", "", "x", "/a%zz", "/a%", "/a b", "/a\u0000", "//evil.example/x"]) {
    expect(parseRequestUrl(bad), JSON.stringify(bad)).toBeUndefined();
  }
});

test("isJsonContentType: application/json with an optional utf-8 charset, nothing else", () => {
  expect(isJsonContentType("application/json")).toBe(true);
  expect(isJsonContentType("Application/JSON; charset=UTF-8")).toBe(true);
  for (const bad of [undefined, "", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx"]) {
    expect(isJsonContentType(bad), String(bad)).toBe(false);
  }
});

test("parseIntStrict: decimal digits with an optional sign, as Go's strconv.Atoi", () => {
  expect([parseIntStrict("13004"), parseIntStrict("0013004"), parseIntStrict("-5"), parseIntStrict("+7")]).toEqual([13004, 13004, -5, 7]);
  for (const bad of ["0x7fffffff", "1e3", "12.0", " 5", "5 ", "", "9007199254740993", "99999999999999999"]) {
    expect(parseIntStrict(bad), bad).toBeUndefined();
  }
});
