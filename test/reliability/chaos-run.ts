// One chaos seed: a catalogue synced through the CLI against a faulty mock marketplace, rerun until
// there is nothing to do, then checked against the shop's own state (issue 8, part 1).
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { MockListing } from "../../src/mock-server/index.js";
import {
  fetchToken,
  journalFailures,
  journalPathOf,
  liveListings,
  makeCatalog,
  printedFailures,
  readJournal,
  runCli,
  SecretSweep,
  seedProduct,
  startShop,
  STACK_TRACE,
  tempDir,
  writeText,
  type CliRun,
  type IntendedRow,
} from "./harness.js";

export const CHAOS_FAULTS = { error500: 0.2, error429: 0.1, reset: 0.05, commitThenDrop: 0.05 } as const;
export const MAX_RERUNS = 10;
const OUTSIDERS = 5;

export interface ChaosResult {
  seed: number;
  products: number;
  /** Sync runs with --yes, the first included. */
  runs: number;
  requests: number;
  faults: number;
  /** Items reported failed across all runs (each in the output and the journal). */
  failedItems: number;
  /** `SKU CODE` of each reported failure (all retried by the next run). */
  failures: string[];
  /** Runs that stopped with exit 2 (the marketplace failed even after retries) and were rerun. */
  cannotRunExits: number;
  /** Every broken promise found; empty when the seed passed. */
  violations: string[];
}

/** A listing as the catalogue row says it must be, in the mock's stored shape. */
function expectedListing(row: IntendedRow): Partial<MockListing> {
  return {
    sku: row.sku,
    name: row.name,
    description: row.description,
    price: row.price,
    stock: row.stock,
    weightGrams: row.weight,
    categoryId: row.categoryId,
    condition: row.condition === "NEW" ? 1 : 2,
    status: row.active ? 1 : 3,
    minOrder: 1,
    pictures: row.images,
  };
}

export async function runChaosSeed(opts: { seed: number; products: number; latencyMs?: number }): Promise<ChaosResult> {
  const { seed, products } = opts;
  const violations: string[] = [];
  const dir = await tempDir(`desbumi-chaos-${seed}-`);
  const { rows, csv } = makeCatalog(products, seed);
  await writeText(dir, "katalog.csv", csv);

  // Before the first sync the shop already holds: listings outside the catalogue (one inactive),
  // stale copies of some catalogue rows (updates) and inactive copies of others (reactivations).
  const seedList: Record<string, unknown>[] = [];
  for (let i = 1; i <= OUTSIDERS; i++) {
    seedList.push(seedProduct({ sku: `OUT-${i}`, name: `Produk Lama Toko ${i}`, price: 5000 * i, active: i !== OUTSIDERS }));
  }
  // NOTE: one stale copy of a row marked inactive (a deactivation the catalogue asks for), not
  // more: the mass-deactivate guard (20% of active listings) would rightly refuse the run.
  const active = rows.filter((r) => r.active);
  const stale = active.slice(0, Math.max(2, Math.floor(products / 20)));
  const hidden = rows.find((r) => !r.active);
  if (hidden) stale.push(hidden);
  for (const r of stale) seedList.push(seedProduct({ sku: r.sku, name: `${r.name} (lama)`, price: r.price + 500, categoryId: r.categoryId }));
  const sleeping = active.slice(stale.length, stale.length + 3);
  for (const r of sleeping) seedList.push(seedProduct({ sku: r.sku, name: r.name, price: r.price, active: false, categoryId: r.categoryId }));
  const seedFile = await writeText(dir, "seed.json", JSON.stringify(seedList));

  const shop = await startShop({ seedFile, faults: { ...CHAOS_FAULTS, seed, ...(opts.latencyMs ? { latencyMs: opts.latencyMs } : {}) } });
  const sweep = new SecretSweep();
  try {
    const cwd = join(dir, "work");
    const outsidersBefore = liveListings(shop.server).filter((l) => l.sku.startsWith("OUT-"));
    const sync = (extra: string[]): Promise<CliRun> =>
      runCli(["--log-file", join(cwd, "logs", "sync.jsonl"), "sync", "../katalog.csv", ...shop.flags, ...extra], { cwd, env: shop.env });
    await mkdir(cwd, { recursive: true });

    let runs = 0;
    let failedItems = 0;
    const failures: string[] = [];
    let cannotRunExits = 0;
    let converged = false;
    while (runs < MAX_RERUNS && !converged) {
      runs += 1;
      const run = await sync(["--yes"]);
      sweep.addRun(`run ${runs}`, run);
      const all = `${run.stdout}\n${run.stderr}`;
      if (STACK_TRACE.test(all)) violations.push(`run ${runs}: stack trace in the output`);
      if (run.code === 2) {
        // The marketplace stayed broken past the retries: a clear message, and the next run goes on.
        cannotRunExits += 1;
        if (run.stderr.trim() === "") violations.push(`run ${runs}: exit 2 without a message`);
        continue;
      }
      if (run.code !== 0 && run.code !== 1) violations.push(`run ${runs}: exit ${run.code}`);
      if (/No changes/.test(run.stdout)) {
        converged = true;
        break;
      }
      const journal = journalPathOf(run.stdout);
      if (!journal) {
        violations.push(`run ${runs}: exit ${run.code} but no journal named in the output:\n${run.stdout.slice(-800)}`);
        continue;
      }
      const lines = await readJournal(resolve(cwd, journal));
      const printed = printedFailures(run.stdout);
      const journaled = journalFailures(lines);
      failedItems += journaled.length;
      failures.push(...journaled);
      if (printed.join("\n") !== journaled.join("\n")) {
        violations.push(`run ${runs}: failures printed [${printed.join(", ")}] differ from the journal's [${journaled.join(", ")}]`);
      }
      if ((journaled.length > 0) !== (run.code === 1)) violations.push(`run ${runs}: ${journaled.length} failures but exit ${run.code}`);
      const end = lines.at(-1);
      if (end?.type !== "run-end") violations.push(`run ${runs}: journal does not end with run-end`);
    }
    if (!converged) violations.push(`did not converge within ${MAX_RERUNS} runs`);

    // Nothing pending according to the CLI itself (read through the faults, too).
    shop.server.setFaults(undefined);
    const check = await sync(["--dry-run", "--detailed-exitcode"]);
    sweep.addRun("dry run", check);
    if (check.code !== 0) violations.push(`final --dry-run --detailed-exitcode exited ${check.code}:\n${check.stdout.slice(-600)}`);

    // Invariants, from the server's own state.
    const live = liveListings(shop.server);
    const bySku = new Map<string, MockListing[]>();
    for (const l of live) bySku.set(l.sku, [...(bySku.get(l.sku) ?? []), l]);
    for (const [sku, list] of bySku) if (list.length > 1) violations.push(`SKU ${sku} listed ${list.length} times`);
    for (const row of rows) {
      const listing = bySku.get(row.sku)?.[0];
      if (!listing) {
        // Every row is listed; a row marked inactive as an inactive listing.
        violations.push(`SKU ${row.sku} missing from the shop`);
        continue;
      }
      const want = expectedListing(row);
      for (const [field, value] of Object.entries(want)) {
        const got = listing[field as keyof MockListing];
        if (JSON.stringify(got) !== JSON.stringify(value)) violations.push(`SKU ${row.sku} ${field}: shop has ${JSON.stringify(got)}, catalogue says ${JSON.stringify(value)}`);
      }
    }
    const outsidersAfter = liveListings(shop.server).filter((l) => l.sku.startsWith("OUT-"));
    if (JSON.stringify(outsidersAfter) !== JSON.stringify(outsidersBefore)) violations.push("a listing outside the catalogue was changed without --prune");
    const extra = live.filter((l) => !l.sku.startsWith("OUT-") && !rows.some((r) => r.sku === l.sku));
    if (extra.length > 0) violations.push(`listings nobody asked for: ${extra.map((l) => l.sku).join(", ")}`);

    // Secrets: every byte the runs produced, plus every file they left behind.
    await sweep.addFilesUnder(cwd);
    const token = await fetchToken(shop.server);
    violations.push(...sweep.leaks([shop.server.credentials.clientSecret, shop.server.credentials.clientId, token]));

    const stats = shop.server.stats();
    return { seed, products, runs, requests: stats.requests, faults: stats.faultsInjected, failedItems, failures, cannotRunExits, violations };
  } finally {
    await shop.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatTotals(results: readonly ChaosResult[]): string {
  const sum = (f: (r: ChaosResult) => number): number => results.reduce((n, r) => n + f(r), 0);
  const maxRuns = Math.max(...results.map((r) => r.runs));
  const reruns = results.filter((r) => r.runs > 2).length;
  const lines = results.map(
    (r) =>
      `  seed ${r.seed}: ${r.products} products, ${r.requests} requests, ${r.faults} faults survived, ${r.runs} sync runs ` +
      `(${r.failedItems} failed items${r.failures.length ? `: ${r.failures.join(", ")}` : ""}; ${r.cannotRunExits} exit-2 runs)`,
  );
  return [
    `chaos: ${results.length} seeds, ${sum((r) => r.requests)} requests, ${sum((r) => r.faults)} faults survived, ` +
      `${sum((r) => r.runs)} sync runs, ${reruns} seeds needed a rerun (max ${maxRuns} for one seed; the last run of each seed is the "No changes" one), ` +
      `${sum((r) => r.failedItems)} failed items reported, ` +
      `${sum((r) => r.cannotRunExits)} exit-2 runs, ${sum((r) => r.violations.length)} violations`,
    ...lines,
  ].join("\n");
}
