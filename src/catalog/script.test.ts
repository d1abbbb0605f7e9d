import { describe, expect, test } from "vitest";
import { hasHtml, scriptMarker } from "./text.js";

describe("scriptMarker", () => {
  test.each<[string, string]>([
    ["<b>Renyah</b> <script>alert(1)</script>", "<script"],
    ["< SCRIPT src=//x.example/a.js>", "<script"],
    ["<iframe src=https://x.example>", "<iframe"],
    ['<a href="javascript:alert(1)">promo</a>', "javascript:"],
    ["JavaScript :alert(1)", "javascript:"],
    ["vbscript:msgbox", "vbscript:"],
    ["<img src=x onerror=alert(1)>", "onerror="],
    ['<p onclick = "x()">Kopi</p>', "onclick="],
  ])("%j carries a script (%s)", (text, found) => {
    expect(scriptMarker(text)).toBe(found);
  });

  test.each(["<p>Kopi <b>enak</b></p>", "Belanja online = hemat", "Jam buka: 08:00", "Kopi Java: robusta", "Kopi <3", "scripture", "<b>on sale</b>"])(
    "%j has no script",
    (text) => {
      expect(scriptMarker(text)).toBeUndefined();
    },
  );

  test("plain HTML without a script is still only HTML", () => {
    expect(hasHtml("<p>Kopi <b>enak</b></p>")).toBe(true);
    expect(scriptMarker("<p>Kopi <b>enak</b></p>")).toBeUndefined();
  });
});
