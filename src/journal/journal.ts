/**
 * The run journal: the audit trail of one `sync`/`apply` run.
 *
 * File: `<baseDir>/.desbumi/runs/<UTC start time>-<name>.jsonl`, e.g.
 * `.desbumi/runs/2025-01-02T03-04-05-678Z-muiwo.jsonl` (`name` = group id, else the catalogue's file
 * name without extension; `baseDir` = the config's folder, else the working folder). Append-only,
 * one JSON object per line, in this order:
 *
 *   {"type":"run-start","time","group"?,"marketplace","target","catalog","planSummary"}
 *   {"type":"intent","time","sku","kind","listingId"?}            just before an item's write is sent
 *   {"type":"outcome","time","sku","kind","status","listingId"?,"error"?,"reason"?}
 *   {"type":"run-end","time","summary":{created,updated,deactivated,reactivated,failed,skipped},
 *    "interrupted":bool}
 *
 * `time` is ISO 8601 UTC; `status` is applied | failed | skipped; `error` is {code,message,retryable}.
 * A run killed mid-way has no run-end line; its intents without outcomes are the items whose result
 * is unknown (the next sync re-lists the shop, so it converges either way).
 * NOTE: lines are written synchronously (they survive a killed process); fsync happens at run-start
 * and run-end only, to keep big runs fast. No secrets: nothing here comes from env, headers or tokens.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { PlanSummary } from "../plan/summary.js";
import type { ChangeError, ChangeKind } from "../plan/types.js";

export const RUNS_DIR = join(".desbumi", "runs");

export interface RunSummary {
  created: number;
  updated: number;
  deactivated: number;
  reactivated: number;
  failed: number;
  skipped: number;
}

export type JournalEvent =
  | {
      type: "run-start";
      time: string;
      group?: string;
      marketplace: string;
      target: string;
      catalog: string;
      planSummary: PlanSummary;
    }
  | { type: "intent"; time: string; sku: string; kind: ChangeKind; listingId?: string }
  | {
      type: "outcome";
      time: string;
      sku: string;
      kind: ChangeKind;
      status: "applied" | "failed" | "skipped";
      listingId?: string;
      error?: ChangeError;
      reason?: string;
    }
  | { type: "run-end"; time: string; summary: RunSummary; interrupted: boolean };

/** An event as callers hand it in; the journal stamps the time. */
export type JournalEntry = JournalEvent extends infer E ? (E extends { time: string } ? Omit<E, "time"> : never) : never;

export interface Journal {
  readonly path: string;
  write(entry: JournalEntry): void;
  close(): void;
}

export interface OpenJournalOptions {
  baseDir: string;
  /** Group id or catalogue name; made filename-safe. */
  name: string;
  now?: () => Date;
}

export function openJournal(opts: OpenJournalOptions): Journal {
  const now = opts.now ?? (() => new Date());
  const dir = join(opts.baseDir, RUNS_DIR);
  mkdirSync(dir, { recursive: true });
  const stem = `${fileTime(now())}-${safeName(opts.name)}`;
  let path = join(dir, `${stem}.jsonl`);
  let fd: number | undefined;
  for (let n = 2; fd === undefined; n += 1) {
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || n > 99) throw error;
      path = join(dir, `${stem}-${n}.jsonl`);
    }
  }
  const handle = fd;
  let open = true;
  return {
    path,
    write(entry) {
      if (!open) return;
      const { type, ...rest } = entry;
      const event = { type, time: now().toISOString(), ...rest };
      writeSync(handle, `${JSON.stringify(event)}\n`);
      if (entry.type === "run-start" || entry.type === "run-end") fsyncSync(handle);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(handle);
    },
  };
}

/** `2025-01-02T03:04:05.678Z` -> `2025-01-02T03-04-05-678Z` (sorts by time, safe on Windows). */
export const fileTime = (date: Date): string => date.toISOString().replace(/[:.]/g, "-");

export const safeName = (name: string): string =>
  name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 60) || "catalog";
