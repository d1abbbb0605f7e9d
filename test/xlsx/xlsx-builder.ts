// Hand-built .xlsx files for the reader's tests: the parts written as XML text and zipped here,
// so a test can put exactly the bytes it means into a workbook (a bomb, a macro part, an external
// link, a hyperlink) without a spreadsheet library deciding for it.
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface Part {
  name: string;
  data: string | Uint8Array;
}

/** A zip entry already deflated: `segments` concatenated, `repeat` times the middle one (a bomb). */
export interface DeflatedPart {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
  /** Written into the directory instead of the real size (a zip that lies about its size). */
  declaredSize?: number;
}

/** A zip of the parts (deflated), in order. */
export function zipParts(parts: readonly (Part | DeflatedPart)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const p = "deflated" in part ? part : deflatePart(part);
    const name = Buffer.from(p.name, "utf8");
    const size = p.declaredSize ?? p.size;
    const compressed = p.deflated.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + compressed;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function deflatePart(part: Part): DeflatedPart {
  const data = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data);
  return { name: part.name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** Segments of text as one deflate stream, each segment deflated on its own (a big part in bounded memory). */
export function segmentedPart(name: string, segments: Iterable<string>): DeflatedPart {
  const chunks: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const segment of segments) {
    const b = Buffer.from(segment);
    chunks.push(deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH }));
    crc = crc32(b, crc);
    size += b.length;
  }
  chunks.push(deflateRawSync(Buffer.alloc(0)));
  return { name, deflated: Buffer.concat(chunks), size, crc };
}

/**
 * `head`, then `body` `times` times, then `tail`, as one deflate stream: `body` is compressed once
 * (with no history, ending on a byte boundary) and its bytes repeated, so a 1 GB entry costs the
 * test a few megabytes and milliseconds.
 */
export function repeatedPart(name: string, head: string, body: string, times: number, tail: string): DeflatedPart {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const h = Buffer.from(head);
  const b = Buffer.from(body);
  const t = Buffer.from(tail);
  const bodyDeflated = deflateRawSync(b, flush);
  const chunks = [deflateRawSync(h, flush)];
  for (let i = 0; i < times; i++) chunks.push(bodyDeflated);
  chunks.push(deflateRawSync(t));
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(t, crc);
  return { name, deflated: Buffer.concat(chunks), size: h.length + b.length * times + t.length, crc };
}

export interface SheetSpec {
  name: string;
  /** The worksheet XML, or a DeflatedPart already holding it. */
  xml: string | DeflatedPart;
  /** The sheet's rels part (hyperlink targets). */
  rels?: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal workbook: the sheets, optional shared strings, and any extra parts (macros, links). */
export function workbookParts(sheets: readonly SheetSpec[], opts: { sharedStrings?: readonly string[]; extra?: readonly (Part | DeflatedPart)[]; contentTypes?: string } = {}): (Part | DeflatedPart)[] {
  const sheetRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const parts: (Part | DeflatedPart)[] = [
    {
      name: "[Content_Types].xml",
      data:
        opts.contentTypes ??
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join("")}${opts.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    },
  ];
  sheets.forEach((s, i) => {
    parts.push(typeof s.xml === "string" ? { name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml } : { ...s.xml, name: `xl/worksheets/sheet${i + 1}.xml` });
    if (s.rels) parts.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: s.rels });
  });
  if (opts.sharedStrings) {
    const si = opts.sharedStrings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("");
    parts.push({ name: "xl/sharedStrings.xml", data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${opts.sharedStrings.length}">${si}</sst>` });
  }
  return [...parts, ...(opts.extra ?? [])];
}

/** A worksheet of rows of inline-string and number cells, with `r` references. */
export function sheetXml(rows: readonly (readonly (string | number | null)[])[], after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows.map((cells, i) => rowXml(cells, i + 1)).join("")}</sheetData>${after}</worksheet>`;
}

export function rowXml(cells: readonly (string | number | null)[], line?: number): string {
  const ref = (j: number): string => (line === undefined ? "" : ` r="${columnName(j)}${line}"`);
  const body = cells
    .map((v, j) => (v === null ? "" : typeof v === "number" ? `<c${ref(j)}><v>${v}</v></c>` : `<c${ref(j)} t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`))
    .join("");
  return `<row${line === undefined ? "" : ` r="${line}"`}>${body}</row>`;
}

export const WORKSHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
export const WORKSHEET_TAIL = "</sheetData></worksheet>";

export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
