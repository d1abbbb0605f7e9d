// Commander's usage errors in the user's language, short: one sentence, then one "See: ... --help"
// line instead of the whole help. Commander only speaks English, so its messages are matched by
// shape here; anything unrecognised is passed through untouched rather than lost.
import type { Lang } from "../i18n.js";

/** The language before any command runs: `--lang id|en` in argv wins, then LC_ALL/LC_MESSAGES/LANG. */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return undefined;
    if (arg === "--lang") return argv[i + 1];
    if (arg?.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}

/** The one line printed after a usage error, in place of the full help. */
export function seeHelpLine(commandPath: string, lang: Lang): string {
  return lang === "id" ? `Lihat: ${commandPath} --help` : `See: ${commandPath} --help`;
}

// Messages thrown by our own option parsers (InvalidArgumentError) -> Indonesian.
const PARSER_MESSAGES_ID: Record<string, string> = {
  "must be a whole number >= 1": "harus bilangan bulat >= 1",
  "must be a number from 0 to 100": "harus angka dari 0 sampai 100",
};

interface Rule {
  pattern: RegExp;
  id: (m: RegExpExecArray) => string;
  en: (m: RegExpExecArray) => string;
}

const didYouMean = (rest: string | undefined, lang: Lang): string => {
  const m = /\(Did you mean (one of )?(.+)\?\)/.exec(rest ?? "");
  if (!m) return "";
  const candidates = m[2] ?? "";
  if (lang === "en") return m[1] ? ` Did you mean one of ${candidates}?` : ` Did you mean ${candidates}?`;
  return m[1] ? ` Mungkin maksudnya salah satu dari ${candidates}?` : ` Mungkin maksudnya ${candidates}?`;
};

const reason = (raw: string | undefined, lang: Lang): string => {
  const text = (raw ?? "").trim();
  const choices = /^Allowed choices are (.+)\.$/.exec(text);
  if (choices) return lang === "id" ? `Pilihan yang boleh: ${choices[1]}.` : `Allowed choices are ${choices[1]}.`;
  if (lang === "id") return PARSER_MESSAGES_ID[text] ?? text;
  return text;
};

const RULES: Rule[] = [
  {
    pattern: /^error: unknown option '([^']*)'([\s\S]*)$/,
    id: (m) => `opsi '${m[1]}' tidak dikenal.${didYouMean(m[2], "id")}`,
    en: (m) => `unknown option '${m[1]}'.${didYouMean(m[2], "en")}`,
  },
  {
    pattern: /^error: unknown command '([^']*)'([\s\S]*)$/,
    id: (m) => `perintah '${m[1]}' tidak dikenal.${didYouMean(m[2], "id")}`,
    en: (m) => `unknown command '${m[1]}'.${didYouMean(m[2], "en")}`,
  },
  {
    pattern: /^error: option '([^']*)' argument '([^']*)' is invalid\.([\s\S]*)$/,
    id: (m) => `nilai '${m[2]}' untuk opsi '${m[1]}' tidak sah: ${reason(m[3], "id")}`,
    en: (m) => `option '${m[1]}': '${m[2]}' is invalid: ${reason(m[3], "en")}`,
  },
  {
    pattern: /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\.([\s\S]*)$/,
    id: (m) => `nilai '${m[1]}' untuk argumen '${m[2]}' tidak sah: ${reason(m[3], "id")}`,
    en: (m) => `argument '${m[2]}': '${m[1]}' is invalid: ${reason(m[3], "en")}`,
  },
  {
    pattern: /^error: missing required argument '([^']*)'$/,
    id: (m) => `argumen wajib '${m[1]}' belum diisi.`,
    en: (m) => `missing required argument '${m[1]}'.`,
  },
  {
    pattern: /^error: option '([^']*)' argument missing$/,
    id: (m) => `opsi '${m[1]}' perlu nilai.`,
    en: (m) => `option '${m[1]}' needs a value.`,
  },
  {
    pattern: /^error: required option '([^']*)' not specified$/,
    id: (m) => `opsi wajib '${m[1]}' belum diberikan.`,
    en: (m) => `required option '${m[1]}' not given.`,
  },
  {
    pattern: /^error: too many arguments( for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    id: (m) => `terlalu banyak argumen: paling banyak ${m[2]}, diberikan ${m[3]}.`,
    en: (m) => `too many arguments: expected at most ${m[2]}, got ${m[3]}.`,
  },
];

/**
 * One commander error message (as commander formats it, with or without the trailing newline)
 * as one line in `lang`, prefixed like every other desbumi error line.
 */
export function translateCommanderError(message: string, lang: Lang): string {
  const trimmed = message.trim();
  for (const rule of RULES) {
    const m = rule.pattern.exec(trimmed);
    if (m) return `${prefix(lang)}${rule[lang](m).trim()}`;
  }
  const bare = trimmed.replace(/^error:\s*/, "");
  return `${prefix(lang)}${lang === "id" ? (PARSER_MESSAGES_ID[bare] ?? bare) : bare}`;
}

const prefix = (lang: Lang): string => (lang === "id" ? "desbumi: kesalahan: " : "desbumi: error: ");
