// Issue 13.5: what an unused sheet costs. The same 1,000-product catalogue sheet, alone and next
// to a second sheet of 1,000,000 rows that is never read; `validate` of each, time and peak RSS.
// The workbooks are written here (parts deflated with node:zlib, zipped by hand).
import { writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export async function benchXlsx({ out, bin, quick, measure, record, fmt }) {
  const products = 1000;
  const unusedRows = quick ? 200_000 : 1_000_000;
  const alone = join(out, `xlsx-catalogue-${products}.xlsx`);
  const withUnused = join(out, `xlsx-catalogue-${products}-unused-${unusedRows}.xlsx`);
  if (!existsSync(alone)) writeFileSync(alone, workbook([["Produk", catalogueSegments(products)]]));
  if (!existsSync(withUnused)) writeFileSync(withUnused, workbook([["Produk", catalogueSegments(products)], ["Log Stok", logSegments(unusedRows)]]));
  // NOTE: interleaved, so a busy machine slows both alike; the median of 5 each.
  const files = { alone, unused: withUnused };
  const times = { alone: [], unused: [] };
  const rssKb = { alone: 0, unused: 0 };
  for (let i = 0; i < 5; i++) {
    for (const name of ["alone", "unused"]) {
      const r = await measure([bin, "validate", files[name]]);
      if (r.code !== 0) throw new Error(`validate ${files[name]} exited ${r.code}:\n${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
      times[name].push(r.ms);
      rssKb[name] = Math.max(rssKb[name], r.maxRssKb);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = { alone: { ms: median(times.alone), rssKb: rssKb.alone }, unused: { ms: median(times.unused), rssKb: rssKb.unused } };
  const ratio = runs.unused.ms / runs.alone.ms;
  record({
    name: `validate xlsx of ${fmt(products)} products with an unused ${fmt(unusedRows)}-row sheet`,
    metric: "ms (median of 5)",
    value: runs.unused.ms,
    baseline: runs.alone.ms,
    baselineName: "the same catalogue sheet alone",
    ratio,
    target: "<= 1.2x",
    met: ratio <= 1.2,
    peakRssMb: runs.unused.rssKb / 1024,
    baselinePeakRssMb: runs.alone.rssKb / 1024,
  });
}

function* catalogueSegments(n) {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
  yield row(1, ["Kode Produk", "Nama Produk", "Harga", "Stok", "Berat", "Foto"]);
  let text = "";
  for (let i = 1; i <= n; i++) text += row(i + 1, [`KP-${i}`, `Produk ${i}`, 15000 + i, 10, 250, `https://img.desbumi.example/${i}.jpg`]);
  yield text;
  yield "</sheetData></worksheet>";
}

function* logSegments(n) {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
  for (let start = 1; start <= n; start += 20_000) {
    let text = "";
    for (let line = start; line < Math.min(start + 20_000, n + 1); line++) text += `<row r="${line}"><c r="A${line}"><v>${line}</v></c><c r="B${line}"><v>${line % 97}</v></c><c r="C${line}"><v>${45000 + (line % 365)}</v></c></row>`;
    yield text;
  }
  yield "</sheetData></worksheet>";
}

function row(line, cells) {
  const ref = (j) => `${String.fromCharCode(65 + j)}${line}`;
  return `<row r="${line}">${cells.map((v, j) => (typeof v === "number" ? `<c r="${ref(j)}"><v>${v}</v></c>` : `<c r="${ref(j)}" t="inlineStr"><is><t>${v}</t></is></c>`)).join("")}</row>`;
}

function workbook(sheets) {
  const parts = [
    ["[Content_Types].xml", ['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>']],
    ["xl/workbook.xml", [`<?xml version="1.0"?><workbook ${NS}><sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`]],
    ["xl/_rels/workbook.xml.rels", [`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`]],
    ...sheets.map(([, segments], i) => [`xl/worksheets/sheet${i + 1}.xml`, segments]),
  ];
  return zip(parts);
}

/** A zip of [name, text segments] entries, each segment deflated on its own (bounded memory). */
function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [entryName, segments] of parts) {
    const chunks = [];
    let crc = 0;
    let size = 0;
    for (const segment of segments) {
      const b = Buffer.from(segment);
      chunks.push(deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH }));
      crc = crc32(b, crc);
      size += b.length;
    }
    chunks.push(deflateRawSync(Buffer.alloc(0)));
    const data = Buffer.concat(chunks);
    const name = Buffer.from(entryName);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
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
