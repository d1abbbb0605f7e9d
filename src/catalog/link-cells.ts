// A spreadsheet cell that shows "Lihat foto" and links to the photo means the link: in the columns
// that take links (the photo columns), such a cell is read as its hyperlink target. Elsewhere the
// shown text is the value (a name that links to a shop page is still the name). Pure.
import { cellText } from "./cell.js";
import type { HeaderMap } from "./columns.js";
import type { RawRow } from "./source.js";

const URL_TEXT = /^\s*https?:\/\//i;

/** The row with each linked photo cell replaced by its target, unless the cell already shows a URL. */
export function withLinkTargets(row: RawRow, header: HeaderMap): RawRow {
  const { links } = row;
  if (!links) return row;
  let cells: RawRow["cells"] | undefined;
  const photoColumns = header.variants.photo ? [...header.images, header.variants.photo] : header.images;
  for (const { index } of photoColumns) {
    const target = links.get(index);
    if (target === undefined || URL_TEXT.test(cellText(row.cells[index] ?? null))) continue;
    cells ??= [...row.cells];
    while (cells.length < index) cells.push(null);
    cells[index] = target;
  }
  return cells ? { ...row, cells } : row;
}
