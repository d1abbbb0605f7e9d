// Photo cells -> references (issue 12 item 3: commas separate like | and ;).
import { describe, expect, test } from "vitest";
import { imageRefProblem, splitImageCell } from "./images.js";

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
