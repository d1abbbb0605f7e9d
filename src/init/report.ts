// What `desbumi init` prints: the files it wrote or kept, then the next steps. Both languages.
import type { Text } from "../i18n.js";
import type { InitGroup } from "./group-spec.js";
import { DESBUMI_RANGE, IS_ON_NPM_REGISTRY } from "./package-json.js";
import { WORKFLOW_PATH, type InitMarketplace } from "./templates.js";

export interface WrittenFile {
  /** Relative to the project folder, with forward slashes. */
  path: string;
  status: "created" | "overwritten" | "updated" | "kept";
  /** Shown as "(+ detail)"; a Text when it holds words, not only file names. */
  detail?: string | Text;
}

const STATUS: Record<WrittenFile["status"], Text> = {
  created: { id: "dibuat", en: "created" },
  overwritten: { id: "ditimpa", en: "overwritten" },
  updated: { id: "diperbarui", en: "updated" },
  kept: { id: "sudah ada, tidak diubah", en: "already there, left as is" },
};

/** Until desbumi is on the npm registry, the CI workflow's `npm install` cannot find it there. */
export const WORKFLOW_NOTE: Text = {
  id: `CI (${WORKFLOW_PATH}): \`npm install\` mengambil desbumi ${DESBUMI_RANGE} dari registry npm, tetapi desbumi belum diterbitkan di sana; sampai saat itu terbitkan paketnya (npm publish) ke registry yang bisa dijangkau CI dan tulis alamatnya di .npmrc (registry=...).`,
  en: `CI (${WORKFLOW_PATH}): \`npm install\` gets desbumi ${DESBUMI_RANGE} from the npm registry, where desbumi is not published yet; until it is, publish it (npm publish) to a registry your CI can reach and name that registry in .npmrc (registry=...).`,
};

const detailText = (detail: string | Text | undefined, lang: keyof Text): string =>
  detail === undefined || detail === "" ? "" : ` (+ ${typeof detail === "string" ? detail : detail[lang]})`;

/** Number the steps that apply ("  1. ...", continuation lines indented under them). */
function numbered(steps: readonly (readonly string[])[]): string[] {
  return steps.flatMap(([first, ...rest], i) => [`  ${i + 1}. ${first}`, ...rest.map((line) => `     ${line}`)]);
}

export function renderInitReport(input: {
  written: readonly WrittenFile[];
  groups: readonly InitGroup[];
  marketplace: InitMarketplace;
  /**
   * False when desbumi runs from a source checkout (e.g. `npm link`): then `npm install` here would
   * look for desbumi on the npm registry, and the command already works without it.
   */
  installStep: boolean;
  /** The catalogues the next steps name (default: every catalogue written under catalogs/). */
  catalogsToFill?: readonly string[];
}): Text {
  const width = Math.max(...input.written.map((f) => f.path.length));
  const fileLines = (lang: keyof Text) =>
    input.written.map((f) => `  ${f.path.padEnd(width)}  ${STATUS[f.status][lang]}${detailText(f.detail, lang)}`).join("\n");
  const catalogs = input.catalogsToFill ?? input.written.filter((f) => f.path.startsWith("catalogs/")).map((f) => f.path);
  const groupList = input.groups.map((g) => `${g.id} (${g.name})`).join(", ");
  const isTokopedia = input.marketplace === "tokopedia";

  const id = [
    `desbumi siap untuk ${input.groups.length} kelompok: ${groupList}.`,
    `Tujuan: ${isTokopedia ? "Tokopedia" : "toko latihan (tanpa akun)"}.`,
    "",
    "Berkas:",
    fileLines("id"),
    "",
    "Langkah berikutnya:",
    ...numbered([
      ...(input.installStep ? [["npm install   (memasang desbumi di folder ini, versi yang tertulis di package.json)"]] : []),
      [`Isi katalog (${catalogs.join(", ")}): satu baris per produk; ganti baris contoh.`],
      ...(isTokopedia
        ? [
            [
              "Di desbumi.config.json ganti GANTI-DENGAN-FS-ID dan GANTI-DENGAN-SHOP-ID dengan fsId dan shopId Anda.",
              "Tulis TOKOPEDIA_CLIENT_ID dan TOKOPEDIA_CLIENT_SECRET di file .env (tidak ikut masuk git).",
            ],
            ["npx desbumi validate"],
            ["npx desbumi sync --yes"],
          ]
        : [["npx desbumi validate"], ["npx desbumi sync --yes   (mengunggah ke toko latihan)"]]),
    ]),
    ...(IS_ON_NPM_REGISTRY ? [] : ["", WORKFLOW_NOTE.id]),
    "",
  ].join("\n");

  const en = [
    `desbumi is set up for ${input.groups.length} ${input.groups.length === 1 ? "group" : "groups"}: ${groupList}.`,
    `Target: ${isTokopedia ? "Tokopedia" : "practice shop (no account needed)"}.`,
    "",
    "Files:",
    fileLines("en"),
    "",
    "Next steps:",
    ...numbered([
      ...(input.installStep ? [["npm install   (installs desbumi into this folder, the version package.json names)"]] : []),
      [`Fill in the catalogues (${catalogs.join(", ")}): one row per product; replace the example row.`],
      ...(isTokopedia
        ? [
            [
              "In desbumi.config.json replace GANTI-DENGAN-FS-ID and GANTI-DENGAN-SHOP-ID with your fsId and shopId.",
              "Put TOKOPEDIA_CLIENT_ID and TOKOPEDIA_CLIENT_SECRET in a .env file (kept out of git).",
            ],
            ["npx desbumi validate"],
            ["npx desbumi sync --yes"],
          ]
        : [["npx desbumi validate"], ["npx desbumi sync --yes   (lists the products in the practice shop)"]]),
    ]),
    ...(IS_ON_NPM_REGISTRY ? [] : ["", WORKFLOW_NOTE.en]),
    "",
  ].join("\n");
  return { id, en };
}
