// Photo cells -> references (issue 12 item 3: commas separate like | and ;).
import { describe, expect, test } from "vitest";
import { imageRefProblem, isImageUrl, splitImageCell } from "./images.js";

const A = "https://img.example/a.jpg";
const B = "https://img.example/b.jpg";

describe("splitImageCell", () => {
  test.each<[string, string[]]>([
    [`${A},${B}`, [A, B]],
    [`${A}, ${B}`, [A, B]],
    [`${A} ,${B}`, [A, B]],
    [`${A},`, [A]],
    [`${A} | ${B};${A}`, [A, B, A]],
    [`${A}\n${B}`, [A, B]],
    [`${A} ${B}`, [A, B]],
    ["kopi-1.jpg,kopi-2.jpg", ["kopi-1.jpg", "kopi-2.jpg"]],
    ["kopi-1.jpg, foto/kopi 2.jpg", ["kopi-1.jpg", "foto/kopi 2.jpg"]],
    // a CDN transformation keeps its comma
    ["https://res.example/upload/w_800,h_800/kopi.jpg", ["https://res.example/upload/w_800,h_800/kopi.jpg"]],
    // a file name with spaces stays one reference
    ["WhatsApp Image 2024-05-01 at 10.22.33.jpeg", ["WhatsApp Image 2024-05-01 at 10.22.33.jpeg"]],
  ])("%j", (cell, refs) => {
    expect(splitImageCell(cell)).toEqual(refs);
  });
});

describe("imageRefProblem", () => {
  test.each<[string, string | undefined]>([
    [A, undefined],
    [`${A}.`, "PHOTO_URL_PUNCTUATION"],
    [`(${A})`, "INVALID_IMAGE_URL"],
    [`${A})`, "PHOTO_URL_PUNCTUATION"],
    [`${A}!`, "PHOTO_URL_PUNCTUATION"],
    ["ftp://img.example/a.jpg", "INVALID_IMAGE_URL"],
    ["javascript:alert(1)", "INVALID_IMAGE_URL"],
    ["www.img.example/a.jpg", "INVALID_IMAGE_URL"],
    ["https://", "INVALID_IMAGE_URL"],
    // local files: checked by src/photos
    ["kopi-1.jpg", undefined],
    ["foto/kopi 1.jpg", undefined],
    ["C:\\foto\\kopi.jpg", undefined],
  ])("%j", (ref, code) => {
    expect(imageRefProblem(ref)).toBe(code);
  });
});

describe("isImageUrl", () => {
  // The plain-link shortcut must agree with the URL parser, including where the parser refuses.
  const byParser = (token: string): boolean => {
    try {
      const url = new URL(token);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  };
  test.each([
    A,
    "HTTPS://IMG.EXAMPLE/A.JPG",
    "https://img.example",
    "https://img.example?x=1#y",
    "https://img.example/%zz/a\\b.jpg",
    "http://xn--a.example/a.jpg",
    "http://img.xn--zz/a.jpg",
    "http://XN--a.example/",
    "http://999.1.1.1/a.jpg",
    "http://1.2.3/a.jpg",
    "http://img.example:99999/a.jpg",
    "http://user@img.example/a.jpg",
    "http://img..example/a.jpg",
    "http://-img-.example-/a.jpg",
    `https://${"a".repeat(300)}.example/a.jpg`,
    "https://",
    "https:///a.jpg",
    "https://img example/a.jpg",
  ])("%s as the URL parser says", (token) => {
    expect(isImageUrl(token)).toBe(byParser(token));
  });
});
