// Strict JSON for mock request bodies: a small recursive-descent parser (RFC 8259 grammar, nothing
// more) that builds prototype-free objects, bounds nesting depth, and can keep the exact spelling
// of non-integer numbers so a route can refuse `1e3` or `2147700000.0` where an int is required,
// as Go's decoder does upstream. Never throws: the result says what is wrong and at which offset.

/** Deeper than any real request body (Tokopedia's deepest is ~5: products[].variant.products[].pictures[]). */
export const JSON_MAX_DEPTH = 32;

/**
 * A JSON number written with a fraction or an exponent (`0.5`, `2147700000.0`, `1e3`), kept as
 * written when `decimals: "boxed"`. Integer-typed fields refuse it; number-typed fields read `.value`.
 */
export class JsonDecimal {
  constructor(
    readonly value: number,
    readonly lexeme: string,
  ) {}
  toJSON(): number {
    return this.value;
  }
  toString(): string {
    return this.lexeme;
  }
}

export interface JsonParseOptions {
  /** @default JSON_MAX_DEPTH */
  maxDepth?: number;
  /** "number": plain numbers like JSON.parse; "boxed": fraction/exponent numbers become JsonDecimal. @default "number" */
  decimals?: "number" | "boxed";
}

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: "too-deep" | "syntax"; message: string; offset: number };

/** A JSON object as this parser builds it: no prototype, so `__proto__` is just a key. */
export type JsonObject = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof JsonDecimal);

class Stop {
  constructor(
    readonly reason: "too-deep" | "syntax",
    readonly message: string,
    readonly offset: number,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const maxDepth = options.maxDepth ?? JSON_MAX_DEPTH;
  const isBoxed = options.decimals === "boxed";
  let i = 0;

  const fail = (message: string): never => {
    throw new Stop("syntax", `${message} at position ${i}`, i);
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };

  const readString = (): string => {
    i++; // opening quote
    let out = "";
    let start = i;
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1] ?? "";
        if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) fail("bad escape");
          out += decoded;
          i += 2;
        }
        start = i;
      } else i++;
    }
  };

  const readNumber = (): number | JsonDecimal => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail("unexpected character");
    i = NUMBER.lastIndex;
    const value = Number(m[0]);
    return isBoxed && (m[1] !== undefined || m[2] !== undefined) ? new JsonDecimal(value, m[0]) : value;
  };

  const readLiteral = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail("unexpected character");
  };

  const readValue = (depth: number): unknown => {
    skipSpace();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (depth >= maxDepth) throw new Stop("too-deep", `nested deeper than ${maxDepth} levels at position ${i}`, i);
      return c === "{" ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (c === '"') return readString();
    if (c === "t") return readLiteral("true", true);
    if (c === "f") return readLiteral("false", false);
    if (c === "n") return readLiteral("null", null);
    if (c === undefined) return fail("unexpected end of input");
    return readNumber();
  };

  const readObject = (depth: number): JsonObject => {
    const obj: JsonObject = Object.create(null) as JsonObject;
    i++;
    skipSpace();
    if (text[i] === "}") {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail("expected a string key");
      const key = readString();
      skipSpace();
      if (text[i] !== ":") fail("expected ':'");
      i++;
      obj[key] = readValue(depth);
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "}") {
        i++;
        return obj;
      } else fail("expected ',' or '}'");
    }
  };

  const readArray = (depth: number): unknown[] => {
    const list: unknown[] = [];
    i++;
    skipSpace();
    if (text[i] === "]") {
      i++;
      return list;
    }
    for (;;) {
      list.push(readValue(depth));
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "]") {
        i++;
        return list;
      } else fail("expected ',' or ']'");
    }
  };

  try {
    // A UTF-8 byte order mark is not JSON (Go refuses it too).
    const value = readValue(0);
    skipSpace();
    if (i < text.length) fail("unexpected data after the JSON value");
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, reason: error.reason, message: error.message, offset: error.offset };
    throw error;
  }
}
