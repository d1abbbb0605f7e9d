// Seeded faults for the Shopee mock (mock item 17): error_server (500), error_rate_limit (429),
// error_system_busy, connection resets before anything is done, and commit-then-drop (the write is
// done, the answer never arrives) on chosen write paths. Plus faults scheduled one by one, so a
// test can drop exactly the next add_item.
import { createPrng, DEFAULT_FAULT_SEED } from "../faults.js";

export type ShopeeFaultKind = "none" | "server" | "rateLimit" | "busy" | "reset" | "drop";

export interface ShopeeFaults {
  /** Probabilities 0..1 per request (after the signature and token checks), summing to <= 1. */
  server?: number;
  rateLimit?: number;
  busy?: number;
  reset?: number;
  /** Commit-then-drop, on the paths in `dropPaths` (default: add_item and init_tier_variation). */
  drop?: number;
  dropPaths?: string[];
  /** Also on the token endpoints. @default false */
  includeAuth?: boolean;
  seed?: number;
  latencyMs?: number;
}

export const DEFAULT_DROP_PATHS = ["/api/v2/product/add_item", "/api/v2/product/init_tier_variation"];

export interface ShopeeFaultPicker {
  readonly latencyMs: number;
  readonly includeAuth: boolean;
  pick(path: string, isWrite: boolean): ShopeeFaultKind;
  /** The next `times` requests to `path` get `kind` (before any random draw). */
  schedule(path: string, kind: ShopeeFaultKind, times?: number): void;
}

export function createShopeeFaults(f: ShopeeFaults = {}): ShopeeFaultPicker {
  const next = createPrng(f.seed ?? DEFAULT_FAULT_SEED);
  const dropPaths = new Set(f.dropPaths ?? DEFAULT_DROP_PATHS);
  const bands: [ShopeeFaultKind, number][] = [
    ["server", f.server ?? 0],
    ["rateLimit", f.rateLimit ?? 0],
    ["busy", f.busy ?? 0],
    ["reset", f.reset ?? 0],
    ["drop", f.drop ?? 0],
  ];
  const isActive = bands.some(([, p]) => p > 0);
  const scheduled: { path: string; kind: ShopeeFaultKind }[] = [];
  return {
    latencyMs: f.latencyMs ?? 0,
    includeAuth: f.includeAuth ?? false,
    pick(path, isWrite) {
      const i = scheduled.findIndex((s) => s.path === path);
      if (i >= 0) return scheduled.splice(i, 1)[0]?.kind ?? "none";
      if (!isActive) return "none";
      let r = next();
      for (const [kind, p] of bands) {
        if (r < p) return kind === "drop" && !(isWrite && dropPaths.has(path)) ? "none" : kind;
        r -= p;
      }
      return "none";
    },
    schedule(path, kind, times = 1) {
      for (let n = 0; n < times; n += 1) scheduled.push({ path, kind });
    },
  };
}

const KEYS: Record<string, keyof ShopeeFaults> = {
  "500": "server",
  server: "server",
  "429": "rateLimit",
  ratelimit: "rateLimit",
  busy: "busy",
  reset: "reset",
  drop: "drop",
  seed: "seed",
  latency: "latencyMs",
};

/** `--faults` for `--marketplace shopee`: "500=0.05,429=0.05,busy=0.02,reset=0.02,drop=0.05,seed=7". */
export function parseShopeeFaultSpec(spec: string): { ok: true; faults: ShopeeFaults } | { ok: false; en: string; id: string } {
  const faults: ShopeeFaults = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [rawKey = "", rawValue = ""] = part.split("=", 2).map((s) => s.trim());
    const key = KEYS[rawKey.toLowerCase()];
    const n = Number(rawValue);
    if (!key) return { ok: false, en: `--faults: unknown key "${rawKey}"; use 500, 429, busy, reset, drop, latency, seed`, id: `--faults: kunci "${rawKey}" tidak dikenal; gunakan 500, 429, busy, reset, drop, latency, seed` };
    if (rawValue === "" || !Number.isFinite(n) || n < 0) return { ok: false, en: `--faults: ${rawKey} needs a number of 0 or more, got "${rawValue}"`, id: `--faults: ${rawKey} perlu angka 0 atau lebih, bukan "${rawValue}"` };
    if (key !== "seed" && key !== "latencyMs" && n > 1) return { ok: false, en: `--faults: ${rawKey} is a rate between 0 and 1, got "${rawValue}"`, id: `--faults: ${rawKey} adalah peluang antara 0 dan 1, bukan "${rawValue}"` };
    (faults as Record<string, number>)[key] = n;
  }
  return { ok: true, faults };
}
