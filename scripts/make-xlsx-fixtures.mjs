#!/usr/bin/env node
// Writes the .xlsx catalogue fixtures with a real spreadsheet writer (exceljs), so tests read files
// shaped like the ones Excel produces: typed numbers with a rupiah number format, a formula with a
// cached value, a merged title row, sheets that start below/right of A1.
// Run from the repository root: `node scripts/make-xlsx-fixtures.mjs [NAME...]` (only the outputs
// whose file name is given, e.g. `muiwo-wonosobo.xlsx`; default: all). Commit the outputs. The zip
// entries carry the write time, so rewriting an unchanged fixture still changes its bytes: name the
// ones you changed.
// test/fixtures/xlsx/libreoffice-lipursari.xlsx comes from a second, independent writer; see the
// bottom of this file.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = (...parts) => join(root, ...parts);
const RUPIAH = '"Rp "#,##0';
const only = new Set(process.argv.slice(2));
const wanted = (file) => only.size === 0 || only.has(file.split(/[\\/]/).pop());
// exceljs stamps the current time into docProps; a fixed date keeps the outputs reproducible.
const FIXED_DATE = new Date(Date.UTC(2021, 5, 1));

const HEADERS = [
  "Kode Produk (SKU)",
  "Nama Produk",
  "Deskripsi",
  "Harga (Rp)",
  "Stok",
  "Berat (gram)",
  "Kategori",
  "Kondisi",
  "Status",
  "Minimum Pemesanan",
  "Etalase",
  "Foto Produk 1",
  "Foto Produk 2",
];

// Categories written the way facilitators write them: leaf names (or a path) from the mock
// marketplace's tree (src/mock-server/categories.ts), so the workbook syncs into the practice shop.
const MUIWO = [
  ["MW-KOPI-001", "Kopi Bubuk Robusta Wonosobo 250 g", "Kopi robusta petani Wonosobo, sangrai sedang, giling halus.", 25000, 40, 250, "Kopi", "Baru", "Aktif", 1, "", "https://example.com/muiwo/kopi-robusta-1.jpg", "https://example.com/muiwo/kopi-robusta-2.jpg"],
  ["MW-KOPI-002", "Kopi Arabika Sindoro 200 g", "Biji kopi arabika lereng Sindoro, proses natural.", 65000, 25, 200, "Kopi", "Baru", "Aktif", 1, "", "https://example.com/muiwo/kopi-arabika-1.jpg", ""],
  ["MW-CARICA-001", "Manisan Carica Dieng isi 6", "Carica dalam sirup, khas dataran tinggi Dieng.", null, 60, 1500, "Carica", "Baru", "Aktif", 2, "", "https://example.com/muiwo/carica-1.jpg", ""],
  ["MW-TEH-001", "Teh Tambi Hijau 100 g", "Teh hijau kebun Tambi.", 18000, 100, 100, "Teh", "Baru", "Aktif", 1, "", "https://example.com/muiwo/teh-hijau-1.jpg", ""],
  ["MW-KRIPIK-001", "Keripik Jamur Tiram 150 g", "Keripik jamur tiram renyah, tanpa pengawet.", 15000, 80, 150, "Keripik", "Baru", "Aktif", 3, "", "https://example.com/muiwo/keripik-jamur-1.jpg", ""],
  ["MW-PURWACENG-001", "Purwaceng Instan 100 g", "Minuman herbal purwaceng khas Dieng.", 45000, 30, 100, "Minuman Herbal", "Baru", "Nonaktif", 1, "", "https://example.com/muiwo/purwaceng-1.jpg", ""],
  ["MW-TAS-001", "Tas Anyaman Mendong", "Tas anyaman mendong buatan ibu-ibu PKK Kalibawang.", 120000, 5, 400, "Tas Wanita > Tas Anyaman", "Baru", "Aktif", 1, "", "https://example.com/muiwo/tas-mendong-1.jpg", "https://example.com/muiwo/tas-mendong-2.jpg"],
];

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "desbumi fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Write one output (unless the command line names others). */
function write(bytes, ...parts) {
  const file = out(...parts);
  if (!wanted(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${parts.join("/")}`);
}

async function save(wb, ...parts) {
  write(Buffer.from(await wb.xlsx.writeBuffer()), ...parts);
}

/** Realistic and valid: merged title in row 1, blank row 2, headers in row 3, data from row 4. */
async function makeMuiwo() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Produk");
  ws.mergeCells("A1:M1");
  ws.getCell("A1").value = "Katalog Produk MUIWO Wonosobo 2021";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getRow(3).values = HEADERS;
  ws.getRow(3).font = { bold: true };
  MUIWO.forEach((values, i) => {
    const row = ws.getRow(4 + i);
    row.values = values.map((v) => (v === "" ? null : v));
  });
  // Row 6 (MW-CARICA-001): price as a formula over a base price, with Excel's cached result.
  ws.getCell("D6").value = { formula: "30000*1", result: 30000 };
  for (let r = 4; r < 4 + MUIWO.length; r++) ws.getCell(`D${r}`).numFmt = RUPIAH;
  ws.columns.forEach((col) => (col.width = 18));
  // Formatting that reaches below the data makes trailing empty rows, as real files have.
  for (let r = 11; r <= 14; r++) ws.getCell(`D${r}`).numFmt = RUPIAH;
  await save(wb, "fixtures", "catalogs", "muiwo-wonosobo.xlsx");
}

function dataRows(count) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return [`BP-${n}`, `Produk Uji ${n}`, `Deskripsi produk uji ${n}.`, 10000 + i * 500, 10 + i, 250, 1760, "Baru", "Aktif", 1, null, `https://example.com/uji/${n}.jpg`, null];
  });
}

/** Header in row 1 of Sheet1; row 14's price (D14) is words, not a number. */
async function makeBadPrice() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getRow(1).values = HEADERS;
  dataRows(13).forEach((values, i) => (ws.getRow(2 + i).values = values));
  for (let r = 2; r <= 14; r++) ws.getCell(`D${r}`).numFmt = RUPIAH;
  ws.getCell("D14").value = "dua puluh ribu";
  await save(wb, "test", "fixtures", "xlsx", "bad-price.xlsx");
}

/** The table starts at B3 (rows 1-2 and column A empty); G6 (Berat) is not a weight. */
async function makeOffset() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Data Produk");
  const put = (rowNumber, values) => values.forEach((v, j) => (ws.getRow(rowNumber).getCell(2 + j).value = v));
  put(3, HEADERS.slice(0, 12));
  dataRows(4).forEach((values, i) => put(4 + i, values.slice(0, 12)));
  ws.getCell("G6").value = "berat sekali";
  await save(wb, "test", "fixtures", "xlsx", "offset-table.xlsx");
}

/** Every cell type the reader must keep apart; an error cell; a formula without a cached value. */
async function makeCellTypes() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Jenis");
  ws.getCell("A1").value = "teks";
  ws.getCell("B1").value = 25000;
  ws.getCell("B1").numFmt = RUPIAH;
  ws.getCell("C1").value = { formula: "B1*2", result: 50000 };
  ws.getCell("D1").value = new Date(Date.UTC(2021, 7, 17));
  ws.getCell("D1").numFmt = "dd/mm/yyyy";
  ws.getCell("E1").value = true;
  ws.getCell("F1").value = { formula: 'CONCATENATE("Rp ","25.000")', result: "Rp 25.000" };
  ws.getCell("G1").value = "007";
  ws.getCell("H1").value = 0.5;
  ws.getCell("A2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("B2").value = { formula: "B1*3" };
  ws.getCell("C2").value = "  spasi di tepi  ";
  ws.getCell("A4").value = "setelah baris kosong";
  await save(wb, "test", "fixtures", "xlsx", "cell-types.xlsx");
}

/** An instructions sheet first, the catalogue on the second sheet "Produk". */
async function makeTwoSheets() {
  const wb = newWorkbook();
  const help = wb.addWorksheet("Petunjuk");
  help.getCell("A1").value = "Isi katalog di lembar Produk.";
  const ws = wb.addWorksheet("Produk");
  ws.getRow(1).values = HEADERS;
  dataRows(3).forEach((values, i) => (ws.getRow(2 + i).values = values));
  await save(wb, "test", "fixtures", "xlsx", "two-sheets.xlsx");
}

/** Content that does not match the name: a CSV named .xlsx, a workbook named .csv, a damaged zip. */
async function makeMismatches() {
  const csv = `${HEADERS.join(",")}\r\n${dataRows(2).map((r) => r.map((v) => v ?? "").join(",")).join("\r\n")}\r\n`;
  write(csv, "test", "fixtures", "xlsx", "csv-named.xlsx");
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getRow(1).values = HEADERS;
  dataRows(2).forEach((values, i) => (ws.getRow(2 + i).values = values));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  write(bytes, "test", "fixtures", "xlsx", "workbook-named.csv");
  // A download cut short: the zip's central directory is missing.
  write(bytes.subarray(0, Math.floor(bytes.length / 2)), "test", "fixtures", "xlsx", "truncated.xlsx");
}

await makeMuiwo();
await makeBadPrice();
await makeOffset();
await makeCellTypes();
await makeTwoSheets();
await makeMismatches();

// Independent writer (run by hand once, needs LibreOffice; tests never do):
//   cd test/fixtures/xlsx && soffice --headless --infilter=CSV:59,34,76,1 \
//     --convert-to xlsx libreoffice-lipursari.csv
// then rename the output to libreoffice-lipursari.xlsx (the .csv source stays next to it).
