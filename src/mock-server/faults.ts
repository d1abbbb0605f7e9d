// Seeded fault injection: which requests get a 500, a 429, a reset, or commit-then-drop.
import type { Text } from "../i18n.js";
import type { MockFaults } from "./types.js";

export type FaultKind = "none" | "error500" | "error429" | "reset" | "commitThenDrop";

export interface FaultPicker {
  readonly latencyMs: number;
  readonly includeToken: boolean;
  /** One PRNG draw per eligible request, in arrival order, so a seed replays a run. */
  pick(): FaultKind;
}

/** mulberry32: tiny, fast and good enough to spread faults; the point is repeatability. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_FAULT_SEED = 42;

export function createFaultPicker(faults: MockFaults | undefined): FaultPicker {
  const f = faults ?? {};
  const next = createPrng(f.seed ?? DEFAULT_FAULT_SEED);
  const bands: [FaultKind, number][] = [
    ["error500", f.error500 ?? 0],
    ["error429", f.error429 ?? 0],
    ["reset", f.reset ?? 0],
    ["commitThenDrop", f.commitThenDrop ?? 0],
  ];
  const isActive = bands.some(([, p]) => p > 0);
  return {
    latencyMs: f.latencyMs ?? 0,
    includeToken: f.includeToken ?? false,
    pick() {
      if (!isActive) return "none";
      let r = next();
      for (const [kind, p] of bands) {
        if (r < p) return kind;
        r -= p;
      }
      return "none";
    },
  };
}

const SPEC_KEYS: Record<string, keyof MockFaults> = {
  "500": "error500",
  "429": "error429",
  reset: "reset",
  drop: "commitThenDrop",
  latency: "latencyMs",
  seed: "seed",
  token: "includeToken",
};

export type FaultSpecResult = { ok: true; faults: MockFaults } | { ok: false; text: Text };

const bad = (en: string, id: string): FaultSpecResult => ({ ok: false, text: { en, id } });

const SPEC_HELP = 'e.g. "500=0.2,429=0.1,reset=0.05,drop=0.05,latency=20,seed=42"';

/** Parses the --faults flag: comma-separated key=value; rates 0..1 summing to at most 1. */
export function parseFaultSpec(spec: string): FaultSpecResult {
  const faults: MockFaults = {};
  for (const raw of spec.split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : part.slice(eq + 1).trim();
    const field = SPEC_KEYS[key];
    if (!field) {
      return bad(
        `--faults: unknown key "${key}"; use 500, 429, reset, drop, latency, seed, token (${SPEC_HELP})`,
        `--faults: kunci "${key}" tidak dikenal; gunakan 500, 429, reset, drop, latency, seed, token (${SPEC_HELP})`,
      );
    }
    if (field === "includeToken") {
      if (value !== "" && value !== "true" && value !== "false" && value !== "1" && value !== "0") {
        return bad(`--faults: token must be true or false, got "${value}"`, `--faults: token harus true atau false, bukan "${value}"`);
      }
      faults.includeToken = value === "" || value === "true" || value === "1";
      continue;
    }
    const n = Number(value);
    if (value === "" || !Number.isFinite(n)) {
      return bad(`--faults: ${key} needs a number, got "${value}" (${SPEC_HELP})`, `--faults: ${key} perlu angka, bukan "${value}" (${SPEC_HELP})`);
    }
    if (field === "latencyMs" || field === "seed") {
      if (!Number.isInteger(n) || n < 0) {
        return bad(`--faults: ${key} must be a whole number >= 0, got "${value}"`, `--faults: ${key} harus bilangan bulat >= 0, bukan "${value}"`);
      }
      faults[field] = n;
      continue;
    }
    if (n < 0 || n > 1) {
      return bad(`--faults: ${key} is a rate between 0 and 1, got "${value}"`, `--faults: ${key} adalah peluang antara 0 dan 1, bukan "${value}"`);
    }
    faults[field] = n;
  }
  const total = (faults.error500 ?? 0) + (faults.error429 ?? 0) + (faults.reset ?? 0) + (faults.commitThenDrop ?? 0);
  if (total > 1 + 1e-9) {
    return bad(`--faults: the rates add up to ${total}, more than 1`, `--faults: jumlah peluang ${total}, lebih dari 1`);
  }
  return { ok: true, faults };
}
