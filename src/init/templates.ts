// The files `desbumi init` writes: config, catalogue template, CI workflow. Pure text builders.
import { CONFIG_SCHEMA_REF } from "../config/json-schema.js";
import type { InitGroup } from "./group-spec.js";
import { quoteCsvCell } from "../catalog/write-csv.js";
import { TEMPLATE_COLUMNS, V2_COLUMNS } from "../template/columns.js";

export type InitMarketplace = "practice" | "tokopedia";
export const INIT_MARKETPLACES = ["practice", "tokopedia"] as const satisfies readonly InitMarketplace[];

/** Values the facilitator must replace; they fail validation until replaced (on purpose). */
export const FS_ID_PLACEHOLDER = "GANTI-DENGAN-FS-ID";
export const SHOP_ID_PLACEHOLDER = "GANTI-DENGAN-SHOP-ID";

export const catalogPathOf = (group: InitGroup): string => `catalogs/${group.id}.csv`;

export function renderConfig(groups: readonly InitGroup[], marketplace: InitMarketplace): string {
  const config: Record<string, unknown> = { $schema: CONFIG_SCHEMA_REF };
  if (marketplace === "tokopedia") {
    config.marketplace = {
      adapter: "tokopedia",
      fsId: FS_ID_PLACEHOLDER,
      // NOTE: names of environment variables (set them in .env or CI secrets), never the secrets.
      clientIdEnv: "TOKOPEDIA_CLIENT_ID",
      clientSecretEnv: "TOKOPEDIA_CLIENT_SECRET",
    };
  }
  config.groups = groups.map((group) => ({
    id: group.id,
    name: group.name,
    catalog: catalogPathOf(group),
    ...(marketplace === "tokopedia" ? { marketplace: { shopId: SHOP_ID_PLACEHOLDER } } : {}),
  }));
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * Indonesian headers, as the catalogue pipeline recognises them: the `desbumi template` columns up
 * to the first photo (one photo column is enough to start with).
 */
export const CATALOG_HEADERS: readonly string[] = [
  ...TEMPLATE_COLUMNS.slice(0, TEMPLATE_COLUMNS.findIndex((column) => column.header === "Foto Produk 1") + 1),
  // issue 14: the variant, brand and certificate columns, as in `desbumi template`
  ...V2_COLUMNS,
].map((column) => column.header);


interface ExampleProduct {
  name: string;
  description: string;
  price: string;
  stock: string;
  weight: string;
  /** A leaf name in the marketplace (and practice shop) category tree. */
  category: string;
  photo: string;
}

// NOTE: one different product per group: groups may share a shop (the practice shop does), and a
// shop refuses two listings with the same name.
const EXAMPLES: readonly ExampleProduct[] = [
  { name: "Masker Kain Batik 3 Lapis", description: "Masker kain batik tulis, 3 lapis, bisa dicuci dan dipakai ulang. Ukuran dewasa, tali telinga elastis.", price: "Rp 15.000", stock: "100", weight: "50 gr", category: "Masker Kain", photo: "masker-batik" },
  { name: "Jamu Kunyit Asam 250 ml", description: "Jamu kunyit asam segar buatan ibu-ibu desa, tanpa pengawet. Simpan di kulkas, habiskan dalam 5 hari.", price: "Rp 12.000", stock: "40", weight: "300 gr", category: "Jamu", photo: "jamu-kunyit-asam" },
  { name: "Keripik Singkong Pedas 200 g", description: "Keripik singkong renyah bumbu pedas daun jeruk, digoreng dengan minyak baru setiap hari.", price: "Rp 18.000", stock: "60", weight: "250 gr", category: "Keripik", photo: "keripik-singkong" },
  { name: "Madu Hutan Murni 500 g", description: "Madu hutan murni dari lebah liar, dipanen dan disaring oleh kelompok tani hutan.", price: "Rp 85.000", stock: "25", weight: "0,7 kg", category: "Madu", photo: "madu-hutan" },
  { name: "Tas Anyaman Pandan Ukuran Sedang", description: "Tas anyaman daun pandan buatan tangan, kuat untuk belanja sehari-hari. Ukuran 35 x 30 cm.", price: "Rp 65.000", stock: "15", weight: "400 gr", category: "Tas Anyaman", photo: "tas-pandan" },
];

/**
 * `sep=,`, a header line and one realistic example row the facilitator overwrites; the
 * `index`-th group gets the `index`-th example product (names stay unique across groups).
 * NOTE: `sep=,` makes Excel on Indonesian Windows (list separator `;`) split on commas; desbumi's
 * reader honours it and other spreadsheets show it as a title row the reader skips. Same as
 * `desbumi template` (src/template/write-template.ts).
 */
export function renderCatalogTemplate(skuPrefix: string, index = 0): string {
  const base = EXAMPLES[index % EXAMPLES.length] ?? EXAMPLES[0]!;
  const round = Math.floor(index / EXAMPLES.length);
  const name = round === 0 ? base.name : `${base.name} (${skuPrefix})`;
  const example = [
    `${skuPrefix}-001`,
    name,
    base.description,
    base.price,
    base.stock,
    base.weight,
    base.category,
    "Baru",
    "Aktif",
    "1",
    "",
    `https://images.desbumi.example/contoh/${base.photo}.jpg`,
    ...V2_COLUMNS.map(() => ""),
  ];
  return `sep=,\n${CATALOG_HEADERS.map(quoteCsvCell).join(",")}\n${example.map(quoteCsvCell).join(",")}\n`;
}

/**
 * Checks every group's catalogue on pull requests, with annotations on the offending lines.
 * NOTE: `npm install` first, so `npx desbumi` runs the version package.json names from
 * node_modules; without it npx would fetch whatever the registry calls "desbumi".
 */
export const WORKFLOW_YAML = `# Written by \`desbumi init\`: checks every group's catalogue on each pull request.
# Problems show up as annotations on the offending CSV lines.
name: Catalogue check

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Installs the desbumi version named in package.json (the one in package-lock.json, if committed).
      - name: Install desbumi
        run: npm install --no-audit --no-fund
      - name: Validate catalogues
        run: npx desbumi validate --format github
`;

export const WORKFLOW_PATH = ".github/workflows/catalog.yml";

export const GITIGNORE_ENTRIES = [".env", ".desbumi/", "node_modules/"] as const;
