// Where a JSON text first goes wrong, as line:column and a plain reason. JSON.parse stays the
// parser; this scanner only runs after it failed, because V8's messages carry no position for
// many mistakes (`{"a": }`) and are English only.
import type { Text } from "../i18n.js";

export interface JsonSyntaxProblem {
  /** 1-based, as editors show it. */
  line: number;
  column: number;
  reason: Text;
}

type Reason = Text;

const R = {
  end: { id: "file berakhir terlalu cepat (ada } , ] atau \" yang kurang?)", en: "the file ends too early (a missing }, ] or \"?)" },
  key: { id: "di sini harus ada nama kunci dalam tanda kutip ganda, mis. \"groups\"", en: "expected a key in double quotes here, e.g. \"groups\"" },
  trailingComma: { id: "koma berlebih sebelum penutup: hapus koma terakhir", en: "trailing comma before the closing bracket: remove the last comma" },
  colon: { id: "di sini harus ada titik dua (:) setelah nama kunci", en: "expected a colon (:) after the key" },
  commaObject: { id: "di sini harus ada koma (,) atau } (koma yang terlupa?)", en: "expected a comma (,) or } here (a missing comma?)" },
  commaArray: { id: "di sini harus ada koma (,) atau ] (koma yang terlupa?)", en: "expected a comma (,) or ] here (a missing comma?)" },
  value: { id: "nilai tidak sah: gunakan \"teks\" dalam tanda kutip ganda, angka, true, false, null, {...} atau [...]", en: "not a valid value: use \"text\" in double quotes, a number, true, false, null, {...} or [...]" },
  singleQuote: { id: "JSON memakai tanda kutip ganda (\"), bukan tanda kutip tunggal (')", en: "JSON uses double quotes (\"), not single quotes (')" },
  comment: { id: "JSON tidak mengizinkan komentar (// atau /* */)", en: "comments (// or /* */) are not allowed in JSON" },
  control: { id: "baris baru atau karakter kontrol di dalam teks: tutup tanda kutipnya, atau tulis \\n", en: "a line break or control character inside text: close the quote, or write \\n" },
  escape: { id: "garis miring terbalik (\\) tidak sah: tulis \\\\ untuk satu garis miring terbalik", en: "invalid backslash escape: write \\\\ for one backslash" },
  after: { id: "ada teks setelah akhir JSON", en: "there is text after the end of the JSON" },
} satisfies Record<string, Reason>;

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: Reason,
  ) {}
}

/** Scan `source` (already known to be invalid JSON) for its first mistake. */
export function locateJsonError(source: string): JsonSyntaxProblem {
  let i = 0;
  const fail = (reason: Reason, at = i): never => {
    throw new Stop(at, reason);
  };
  const skipSpace = () => {
    while (i < source.length && " \t\r\n".includes(source[i] ?? "")) i++;
    if (source[i] === "/" && (source[i + 1] === "/" || source[i + 1] === "*")) fail(R.comment);
  };
  const peek = () => (i < source.length ? source[i] : undefined);

  const readString = () => {
    i++; // opening quote
    for (;;) {
      const c = peek();
      if (c === undefined) fail(R.end);
      if (c === '"') {
        i++;
        return;
      }
      if (c !== undefined && c.charCodeAt(0) < 0x20) fail(R.control);
      if (c === "\\") {
        const e = source[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) fail(R.escape);
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(R.escape);
        i += 2;
        continue;
      }
      i++;
    }
  };

  const readValue = (): void => {
    skipSpace();
    const c = peek();
    if (c === undefined) fail(R.end);
    if (c === "{") return readObject();
    if (c === "[") return readArray();
    if (c === '"') return readString();
    if (c === "'") fail(R.singleQuote);
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(source.slice(i));
    if (!literal) fail(R.value);
    i += literal?.[0].length ?? 0;
  };

  const readObject = () => {
    i++;
    skipSpace();
    if (peek() === "}") {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      const c = peek();
      if (c === undefined) fail(R.end);
      if (c === "'") fail(R.singleQuote);
      if (c !== '"') fail(R.key);
      readString();
      skipSpace();
      if (peek() === undefined) fail(R.end);
      if (peek() !== ":") fail(R.colon);
      i++;
      readValue();
      skipSpace();
      const next = peek();
      if (next === undefined) fail(R.end);
      if (next === "}") {
        i++;
        return;
      }
      if (next !== ",") fail(R.commaObject);
      const comma = i;
      i++;
      skipSpace();
      if (peek() === "}") fail(R.trailingComma, comma);
    }
  };

  const readArray = () => {
    i++;
    skipSpace();
    if (peek() === "]") {
      i++;
      return;
    }
    for (;;) {
      readValue();
      skipSpace();
      const next = peek();
      if (next === undefined) fail(R.end);
      if (next === "]") {
        i++;
        return;
      }
      if (next !== ",") fail(R.commaArray);
      const comma = i;
      i++;
      skipSpace();
      if (peek() === "]") fail(R.trailingComma, comma);
    }
  };

  try {
    readValue();
    skipSpace();
    if (i < source.length) fail(R.after);
    // JSON.parse disagreed with the scanner; point at the start rather than invent a place.
    return { ...positionOf(source, 0), reason: R.value };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...positionOf(source, error.offset), reason: error.reason };
  }
}

function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < source.length; k++) {
    if (source[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
