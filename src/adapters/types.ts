// The one interface every marketplace implements (unstorage-style factories in a literal registry).
// The core branches on `capabilities`, never on an adapter's name.
import type { z } from "zod";
import type { Logger } from "pino";
import type { Change, ChangeOutcome, DesiredProduct, Listing } from "../plan/types.js";
import type { Issue } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import type { Text } from "../i18n.js";
import type { AttributeCheckAt } from "./shared/attribute-issues.js";

export type { MarketplaceRules } from "../rules.js";

export interface AdapterCapabilities {
  /** Can read the live listings (false for file exports such as the bulk-upload workbook). */
  canList: boolean;
  /** Can fetch a category tree (so names/paths in the category column can be resolved). */
  canListCategories: boolean;
  /** Items per write request, by operation (informational; the adapter batches itself). */
  maxBatch: { create: number; update: number; price: number; stock: number; status: number };
  /** Fields updated through cheap dedicated endpoints when they are the only change. */
  cheapFields: readonly ("price" | "stock")[];
  /**
   * Can put a SKU on an existing listing (a change with `adopt: true`, from `sync --adopt`).
   * Absent/false: `--adopt` is refused for this target.
   */
  canSetSku?: boolean;
  /** Created and edited products go through the marketplace's review before they are live (TikTok Shop, Shopee). */
  reviewsWrites?: boolean;
}

export interface Category {
  id: string;
  name: string;
  /** Names from the root to this node, e.g. ["Makanan & Minuman", "Minuman", "Jamu"]. */
  path: string[];
  isLeaf: boolean;
}

export interface ApplyOptions {
  signal?: AbortSignal;
  /** Called as each item's outcome becomes known (for journals and progress). */
  onOutcome?: (outcome: ChangeOutcome) => void;
  /** Called just before an item's write is sent (for the journal's "intent" line). */
  onIntent?: (change: Change) => void;
}

/** Where a catalogue's columns are, for the located issues of checkProducts. */
export interface CheckAt {
  file: string;
  columns?: Partial<Record<string, { header: string }>>;
  extraColumns?: AttributeCheckAt["extraColumns"];
}

export interface MarketplaceAdapter {
  readonly name: string;
  /** What the target is, for every output line that names it, e.g. "Tokopedia shop 480829". */
  readonly label: string;
  readonly capabilities: AdapterCapabilities;
  readonly rules: MarketplaceRules;
  listListings(opts?: { signal?: AbortSignal }): Promise<Listing[]>;
  listCategories?(opts?: { signal?: AbortSignal }): Promise<Category[]>;
  /**
   * Etalase (showcase) names as a catalogue writes them -> the shop's etalase ids, for the names the
   * shop has (matched ignoring case and spacing); names it lacks are left out. Optional: with it
   * the sync core compares a row's etalase name with the listing's etalase id; without it only
   * etalase ids written in the catalogue are compared.
   */
  resolveEtalase?(names: readonly string[], opts?: { signal?: AbortSignal }): Promise<Map<string, string>>;
  /**
   * Apply changes, batching and pacing as the marketplace allows. Never throws for a per-item
   * failure (that is a `failed` outcome); throws AdapterError only when the run cannot continue
   * (auth refused, marketplace unreachable after retries). Returns one outcome per change.
   * When `signal` aborts: no new requests start; in-flight ones finish and are reported;
   * changes never sent are `skipped`.
   */
  apply(changes: readonly Change[], opts?: ApplyOptions): Promise<ChangeOutcome[]>;
  /**
   * Plan-time checks only the marketplace can make (category rules: required attributes and
   * certifications; market title rules): located issues, errors keep the row from being sent.
   * Optional; `columns` maps fields to the headers as written, for the issues' `column`, and
   * `extraColumns` the attribute, brand and certificate columns (attribute issues are located there).
   */
  checkProducts?(products: readonly DesiredProduct[], at: CheckAt): Promise<Issue[]>;
  /**
   * The product's attributes as this marketplace would be sent them for its category: the
   * category's attribute names -> value names, matched ones only (brand and certificate numbers
   * included), as listListings reads them back in Listing.attributes. Undefined: no opinion (no
   * category). Optional, and only for adapters that read attributes back: without it the plan never
   * changes attributes on this target.
   * NOTE (why a hook and not checkProducts filling the products): checks return diagnostics as data
   * and leave products alone; only the adapter knows the category's attributes and how it sends
   * them, so it answers per product and the core keeps the answer on the product
   * (DesiredProduct.sentAttributes), where the pure diff compares it and plan files carry it.
   */
  sentAttributes?(product: DesiredProduct, opts?: { signal?: AbortSignal }): Promise<Record<string, string> | undefined>;
  /**
   * Adapters that write upload files instead of calling an API (tokopedia-bulk): the files the last
   * `apply` wrote, so the summary names them ("Written: upload/x.xlsx (20 rows)") instead of
   * counting listings as created. Optional.
   */
  filesWritten?(): readonly WrittenFile[];
  /** Counters for reports and benchmarks. */
  stats?(): AdapterStats;
  close(): Promise<void>;
}

export interface WrittenFile {
  /** Absolute path. */
  path: string;
  rows: number;
  /** What to do with the file, in both languages (e.g. where in Seller Center to upload it). */
  use: Text;
}

export interface AdapterStats {
  requests: number;
  writeRequests: number;
  retries: number;
  rateLimited: number;
}

export interface AdapterContext {
  log: Logger;
  /** Where secrets come from (never from config files or flags). */
  env: NodeJS.ProcessEnv;
  /** For adapters that write files. */
  cwd: string;
  /** The config group this run is for ("default" when none): token stores keep one authorization per group. */
  group?: string;
  /** For photo downloads (tests serve photos from a loopback server). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/**
 * A flag `desbumi connect <marketplace>` takes for this marketplace only (e.g. Shopee's
 * `--shop-id N`), declared by the adapter so the generic command grows no per-marketplace flag.
 * Every input takes a value.
 */
export interface ConnectInput {
  /** Key in ConnectContext.inputs, e.g. "shopId". */
  name: string;
  /** The flag as typed, e.g. "--shop-id". */
  flag: string;
  /** What the value is, for help and errors, e.g. "N". */
  valueName: string;
  help: Text;
  /** Why a value is wrong, in plain words; undefined when it is fine. */
  check?(value: string): Text | undefined;
}

/** What `desbumi connect <marketplace>` gives an adapter's connect hook. */
export interface ConnectContext extends AdapterContext {
  group: string;
  /** The code or the landing address given with --code (then nothing is asked). */
  code?: string;
  /** Values of the adapter's own connect inputs given on the command line, by ConnectInput.name. */
  inputs?: Readonly<Record<string, string>>;
  /** Print a line for the user (stdout). */
  say(text: Text): void;
  /** Ask one line; undefined when there is no terminal to ask. */
  ask(question: Text): Promise<string | undefined>;
}

export interface ConnectResult {
  shop: { id: string; name: string; code?: string; region?: string };
  /** Unix seconds when the seller must connect again (undefined: not said). */
  reconnectBy?: number;
}

export interface AuthorizationStatus {
  connected: boolean;
  shop?: string;
  /** Unix seconds when the seller must connect again (undefined: not said). */
  reconnectBy?: number;
}

export interface AdapterDefinition<Options = unknown> {
  name: string;
  description: string;
  /**
   * How readiness reports and plan headings name the marketplace when no shop is open yet
   * (e.g. "Tokopedia & Shop", "Shopee"). Default: `name`.
   */
  displayName?: string;
  /**
   * `internal`: for tests and experiments (the in-memory shop); `retired`: the marketplace closed this
   * API (the legacy Tokopedia Open API). `desbumi check --marketplace all` leaves both out.
   */
  status?: "internal" | "retired";
  /** Validates the adapter's block in desbumi.config.json / the matching flags. */
  optionsSchema: z.ZodType<Options>;
  /** The offline rules that hold whatever the options are. */
  rules: MarketplaceRules;
  /**
   * The offline rules for one configured block (its options as written, possibly none: `{}`),
   * when options change them: tokopedia-bulk needs numeric category codes unless the block maps
   * names to codes (`categories`). Optional: without it `rules` applies.
   */
  rulesFor?(options: Partial<Options>): MarketplaceRules;
  /**
   * Plain words, per option key, on what to put there (shown when the value is missing or wrong,
   * instead of the schema's terse message). Optional.
   */
  optionHelp?: Readonly<Record<string, Text>>;
  create(options: Options, ctx: AdapterContext): MarketplaceAdapter | Promise<MarketplaceAdapter>;
  /**
   * `desbumi connect <name>`: authorize the app for a shop and store the tokens (token store,
   * src/adapters/shared/). Optional: adapters with static credentials have none.
   */
  connect?(options: Options, ctx: ConnectContext): Promise<ConnectResult>;
  /** Flags `desbumi connect <name>` takes besides the generic ones (--group, --code, --config). */
  connectInputs?: readonly ConnectInput[];
  /** What the token store holds for a group, offline (for expiry warnings in validate/sync). */
  authorizationStatus?(options: Options, ctx: AdapterContext & { group: string }): Promise<AuthorizationStatus>;
}
