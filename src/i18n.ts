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

const asLang = (value: string | undefined): Lang | undefined => {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === "id" || v === "en") return v;
  // also a locale such as id_ID.UTF-8 or en-US
  return /^id([_.-]|$)/.test(v) ? "id" : /^en([_.-]|$)/.test(v) ? "en" : undefined;
};

/**
 * `--lang` wins; then DESBUMI_LANG; then the config's `lang` key; then LC_ALL, LC_MESSAGES, LANG
 * (`id*` -> Indonesian), else English. NOTE: DESBUMI_LANG and the config key exist because Windows
 * laptops usually have no LANG at all (issue 12.14).
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv, configLang?: string): Lang {
  if (flag === "id" || flag === "en") return flag;
  const chosen = asLang(env.DESBUMI_LANG) ?? asLang(configLang);
  if (chosen) return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^id([_.-]|$)/i.test(locale) ? "id" : "en";
}
