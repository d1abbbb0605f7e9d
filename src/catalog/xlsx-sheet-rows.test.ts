// The streamed sheet scan gives the same rows however the XML is cut into chunks (a tag, an
// entity, a quoted `>` or a CDATA section split across two inflated chunks), and reads cells as
// read-excel-file did.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawRow } from "./source.js";
import { createSheetHandler, type SheetContext } from "./xlsx-sheet-rows.js";
import { createXmlScanner } from "./xlsx-xml-scan.js";

const ctx: SheetContext = { sharedStrings: ["  Kopi  ", "Teh & Gula"], dateStyles: [false, true], epoch1904: false };

const SHEET =
  '<?xml version="1.0"?><x:worksheet xmlns:x="main"><!-- a comment with <c> inside --><x:sheetData>' +
  '<x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>Rich </x:t></x:r><x:r><x:t xml:space="preserve">text &amp; more</x:t></x:r><x:rPh><x:t>ルビ</x:t></x:rPh></x:is></x:c>' +
  '<x:c r="C1" s="1"><x:v>44425</x:v></x:c><x:c r="D1" t="b"><x:v>1</x:v></x:c></x:row>' +
  '<x:row r="3" hidden="1"><x:c r="B3" t="str" title="a > b"><x:f>"x"&amp;"y"</x:f><x:v>xy_x0041_</x:v></x:c><x:c r="C3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>' +
  '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t><![CDATA[a <b> & c]]></x:t></x:is></x:c><x:c r="F4"><x:f>HYPERLINK("http://127.0.0.1/k.jpg","Lihat")</x:f><x:v>0</x:v></x:c></x:row>' +
  '<x:row r="9" s="2" customFormat="1"><x:c r="A9" s="3"/></x:row>' +
  "</x:sheetData><x:hyperlinks/></x:worksheet>";

function scan(chunks: string[]): RawRow[] {
  const handler = createSheetHandler(ctx, "sheet");
  const scanner = createXmlScanner(handler, "sheet");
  for (const c of chunks) scanner.push(c);
  expect(scanner.end()).toBe(true);
  return handler.queue.filter((q): q is RawRow => "cells" in q);
}

/** Rows as text, maps included (JSON.stringify drops a Map's entries). */
const text = (rows: RawRow[]): string => JSON.stringify(rows, (_, v: unknown) => (v instanceof Map ? [...v] : v));

describe("createSheetHandler", () => {
  it("reads values as read-excel-file did, with hidden rows, error cells and HYPERLINK targets", () => {
    const rows = scan([SHEET]);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(rows[0]!.cells.slice(0, 2)).toEqual(["Kopi", "Rich text & more"]);
    expect((rows[0]!.cells[2] as Date).toISOString()).toBe("2021-08-17T00:00:00.000Z");
    expect(rows[0]!.cells[3]).toBe(true);
    expect(rows[1]).toMatchObject({ hidden: true, cells: [null, "xyA"], errorCells: new Map([[2, "#DIV/0!"]]) });
    expect(rows[2]!.cells[0]).toBe("a <b> & c");
    expect(rows[2]!.links).toEqual(new Map([[5, "http://127.0.0.1/k.jpg"]]));
  });

  it("gives the same rows for any cut of the XML into chunks", () => {
    const whole = text(scan([SHEET]));
    expect(whole).toContain('[[2,"#DIV/0!"]]');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: SHEET.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), SHEET.length];
        const chunks = at.slice(1).map((end, i) => SHEET.slice(at[i], end));
        expect(text(scan(chunks))).toBe(whole);
      }),
      { seed: 20261305, numRuns: 300 },
    );
  });
});
