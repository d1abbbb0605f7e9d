// The workbook's shared strings (xl/sharedStrings.xml), streamed: each <si> becomes one string,
// rich-text runs (<r><t>) joined, phonetic runs (<rPh>) left out, as read-excel-file reads them.
import { MAX_SHARED_STRINGS, MAX_SHARED_STRING_CHARS, MAX_TOKEN_CHARS, XlsxTooLarge } from "./xlsx-limits.js";
import { createXmlScanner, unescapeXlsxString, unescapeXml, type XmlHandler } from "./xlsx-xml-scan.js";
import { readEntry, type ZipArchive } from "./xlsx-zip.js";

/** The strings in table order; [] when the workbook has none. */
export async function readSharedStrings(zip: ZipArchive, path: string): Promise<string[]> {
  const entry = zip.find(path);
  if (!entry) return [];
  const strings: string[] = [];
  let chars = 0;
  let inSi = false;
  let inT = false;
  let inRun = false;
  let inPhonetic = false;
  let current = "";
  let t = "";
  const handler: XmlHandler = {
    get wantsText() {
      return inT && !inPhonetic;
    },
    open(name) {
      if (name === "si") {
        inSi = true;
        current = "";
      } else if (!inSi) return;
      else if (name === "t") {
        inT = true;
        t = "";
      } else if (name === "r") inRun = true;
      else if (name === "rPh") inPhonetic = true;
    },
    close(name) {
      if (name === "si") {
        inSi = false;
        if (strings.length >= MAX_SHARED_STRINGS) throw new XlsxTooLarge("shared_strings", MAX_SHARED_STRINGS, path);
        chars += current.length;
        if (chars > MAX_SHARED_STRING_CHARS) throw new XlsxTooLarge("shared_string_chars", MAX_SHARED_STRING_CHARS, path);
        strings.push(unescapeXlsxString(current));
      } else if (name === "t" && inT) {
        inT = false;
        if (inPhonetic) return;
        const text = unescapeXml(t);
        current = inRun ? current + text : text;
      } else if (name === "r") inRun = false;
      else if (name === "rPh") inPhonetic = false;
    },
    text(raw) {
      t += raw;
      if (t.length > MAX_TOKEN_CHARS) throw new XlsxTooLarge("cell_text", MAX_TOKEN_CHARS, path);
    },
  };
  const scanner = createXmlScanner(handler, path);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of readEntry(zip, entry)) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  return strings;
}
