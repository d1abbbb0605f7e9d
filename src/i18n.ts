// Two languages for every user-facing sentence: Bahasa Indonesia and English.

export type Lang = "id" | "en";
export const LANGS = ["id", "en"] as const satisfies readonly Lang[];

/** A sentence in both languages. Build user-facing text as this, pick the language at the edge. */
export interface Text {
  id: string;
  en: string;
}

export const text = (id: string, en: string): Text => ({ id, en });

export const pick = (t: Text, lang: Lang): string => t[lang];

/**
 * `--lang` wins; otherwise LC_ALL, then LC_MESSAGES, then LANG (`id*` -> Indonesian), else English.
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === "id" || flag === "en") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^id([_.-]|$)/i.test(locale) ? "id" : "en";
}
