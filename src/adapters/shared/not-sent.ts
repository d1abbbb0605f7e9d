// What a target's format has no place for is said once, never dropped silently (issue 14): the
// legacy Tokopedia API and the Seller Center workbook carry no certificate photos and no category
// attributes. One warning per kind, at the first row that fills it, with the number of rows
// (like ETALASE_NOT_SUPPORTED). Pure.
import type { Issue } from "../../issues.js";
import type { DesiredProduct } from "../../plan/types.js";
import type { CheckAt } from "../types.js";

export interface NotSentOptions {
  /** The target as messages name it, e.g. "Tokopedia". */
  target: string;
}

export function notSentNotes(products: readonly DesiredProduct[], at: CheckAt & { extraColumns?: { certificateFiles?: { header: string } } }, opts: NotSentOptions): Issue[] {
  const issues: Issue[] = [];
  const loc = (p: DesiredProduct) => ({ file: at.file, line: p.line, ...(p.sheet !== undefined ? { sheet: p.sheet } : {}) });
  const withFiles = products.filter((p) => (p.certificates?.files?.length ?? 0) > 0);
  const firstFile = withFiles[0];
  if (firstFile) {
    const column = at.extraColumns?.certificateFiles?.header;
    issues.push({
      code: "CERTIFICATES_NOT_SENT",
      severity: "warning",
      ...loc(firstFile),
      ...(column ? { column } : {}),
      value: firstFile.certificates?.files?.join(", ") ?? "",
      args: { rows: withFiles.length, target: opts.target },
    });
  }
  const withAttributes = products.filter((p) => Object.keys(p.attributes ?? {}).length > 0);
  const firstAttr = withAttributes[0];
  if (firstAttr) {
    const [name, value] = Object.entries(firstAttr.attributes ?? {})[0] ?? ["", ""];
    const column = at.extraColumns?.attributes?.[name]?.header ?? at.extraColumns?.attributeCell?.header;
    issues.push({
      code: "ATTRIBUTES_NOT_SENT",
      severity: "warning",
      ...loc(firstAttr),
      ...(column ? { column } : {}),
      value,
      args: { rows: withAttributes.length, target: opts.target, column: column ?? `Atribut: ${name}` },
    });
  }
  return issues;
}
