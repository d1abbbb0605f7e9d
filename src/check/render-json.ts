// Readiness as a versioned JSON document (`desbumi-check`, version 1): keys are a public contract.
import type { Lang } from "../i18n.js";
import { toJsonIssue, type JsonIssue } from "../report/json.js";
import type { ReadinessReport } from "./readiness.js";

export const CHECK_JSON_VERSION = 1;

export interface CheckJson {
  format: "desbumi-check";
  version: typeof CHECK_JSON_VERSION;
  ready: boolean;
  files: {
    file: string;
    targets: { marketplace: string; label: string; ready: number; total: number; percent: number; issues: JsonIssue[] }[];
    products: {
      sku: string;
      name: string;
      lines: number[];
      marketplaces: Record<string, { ready: boolean; issues: JsonIssue[] }>;
    }[];
    total: { ready: number; total: number; percent: number };
  }[];
}

export function renderCheckJson(reports: readonly ReadinessReport[], lang: Lang): CheckJson {
  return {
    format: "desbumi-check",
    version: CHECK_JSON_VERSION,
    ready: reports.every((r) => r.targets.every((t) => t.total > 0 && t.ready === t.total)),
    files: reports.map((report) => ({
      file: report.file,
      targets: report.targets.map((t) => ({
        marketplace: t.name,
        label: t.label,
        ready: t.ready,
        total: t.total,
        percent: t.percent,
        issues: t.fileIssues.map((i) => toJsonIssue(i, lang)),
      })),
      products: report.products.map((product) => ({
        sku: product.sku,
        name: product.name,
        lines: product.lines,
        marketplaces: Object.fromEntries(
          report.targets.map((t) => {
            const verdict = t.products.find((v) => v.key === product.key);
            return [t.name, { ready: verdict?.ready ?? false, issues: (verdict?.issues ?? []).map((i) => toJsonIssue(i, lang)) }];
          }),
        ),
      })),
      total: report.total,
    })),
  };
}
