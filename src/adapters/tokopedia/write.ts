// Apply a list of changes: queue each item's parts per endpoint, let `concurrency` workers send
// batches sized to the rate-limit tokens available, and report every item's outcome as it settles.
import type { Logger } from "pino";
import type { ApplyOptions } from "../types.js";
import type { Change, ChangeError, ChangeOutcome } from "../../plan/types.js";
import type { TokopediaClient } from "./client.js";
import { OPERATIONS, type Decision, type Op } from "./operations.js";
import type { ShopRef } from "./read.js";
import { WorkItem } from "./work.js";

/** Rate-limited rows are waited out, but not forever. */
const MAX_THROTTLED_RESENDS = 30;
const OP_ORDER: readonly Op[] = ["create", "edit", "price", "stock", "active", "inactive"];

export interface WriteDeps {
  client: TokopediaClient;
  shop: ShopRef;
  concurrency: number;
  maxRetries: number;
  log: Logger;
  /** About how many listings the shop has, when this run listed them. */
  shopSize?: () => number | undefined;
}

export async function writeChanges(changes: readonly Change[], opts: ApplyOptions, deps: WriteDeps): Promise<ChangeOutcome[]> {
  const items = changes.map((change, index) => new WorkItem(change, index));
  const outcomes: (ChangeOutcome | undefined)[] = items.map(() => undefined);
  const queues = new Map<Op, WorkItem[]>(OP_ORDER.map((op) => [op, []]));
  const stop = opts.signal;
  let busy = 0;
  let fatal: unknown;
  let wake: () => void = () => {};
  let woken = new Promise<void>((resolve) => (wake = resolve));
  const notify = (): void => {
    const resolve = wake;
    woken = new Promise<void>((r) => (wake = r));
    resolve();
  };

  const settle = (item: WorkItem, outcome: ChangeOutcome): void => {
    outcomes[item.index] = outcome;
    opts.onOutcome?.(outcome);
  };
  const fail = (item: WorkItem, error: ChangeError): void => {
    const { sku, kind } = item.change;
    settle(item, item.listingId ? { status: "failed", sku, kind, listingId: item.listingId, error } : { status: "failed", sku, kind, error });
  };
  const advance = (item: WorkItem): void => {
    const next = item.parts[0];
    if (next === undefined) {
      settle(item, { status: "applied", sku: item.change.sku, kind: item.change.kind, listingId: item.listingId ?? "" });
    } else {
      queues.get(next)?.push(item);
    }
  };
  const decide = (item: WorkItem, decision: Decision): void => {
    switch (decision.kind) {
      case "done":
        if (decision.listingId) item.listingId = decision.listingId;
        item.parts.shift();
        item.partsDone++;
        advance(item);
        return;
      case "failed":
        fail(item, decision.error);
        return;
      case "resend":
        deps.log.debug({ sku: item.change.sku, reason: decision.reason }, "tokopedia: sending an item again");
        if (decision.reason === "throttled") deps.client.countRateLimited(1);
        item.resends++;
        if (item.resends > (decision.reason === "throttled" ? MAX_THROTTLED_RESENDS : deps.maxRetries)) {
          fail(item, {
            code: decision.reason === "throttled" ? "ERR_TOO_MANY_REQUEST" : "CREATE_FAILED",
            message: "the marketplace kept refusing this item; run sync again later",
            retryable: true,
          });
          return;
        }
        queues.get(item.parts[0] ?? "create")?.unshift(item);
        return;
      case "isolate":
        deps.log.debug({ sku: item.change.sku }, "tokopedia: batch refused as malformed, sending items one by one");
        item.isolated = true;
        queues.get(item.parts[0] ?? "create")?.unshift(item);
        return;
    }
  };

  for (const item of items) advance(item);

  // The endpoint that can send soonest, so one slow bucket does not hold up the others.
  const pickOp = (): Op | undefined => {
    let best: { op: Op; delay: number } | undefined;
    for (const op of OP_ORDER) {
      const queued = queues.get(op)?.length ?? 0;
      if (queued === 0) continue;
      const delay = deps.client.pacer.delayMs(OPERATIONS[op].endpoint, Math.min(queued, OPERATIONS[op].maxBatch));
      if (!best || delay < best.delay) best = { op, delay };
    }
    return best?.op;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (fatal !== undefined || stop?.aborted) return;
      const op = pickOp();
      if (op === undefined) {
        if (busy === 0) return;
        await woken;
        continue;
      }
      const spec = OPERATIONS[op];
      const queue = queues.get(op) ?? [];
      busy++;
      try {
        // An item refused inside a malformed batch goes alone, so only the culprit fails.
        const head = queue[0];
        const want = head?.isolated ? 1 : Math.min(spec.maxBatch, queue.length);
        const granted = await deps.client.pacer.acquire(spec.endpoint, want);
        if (fatal !== undefined || stop?.aborted) {
          deps.client.pacer.refund(spec.endpoint, granted);
          return;
        }
        const batch = takeBatch(queue, granted);
        if (batch.length < granted) deps.client.pacer.refund(spec.endpoint, granted - batch.length);
        if (batch.length === 0) continue;
        for (const item of batch) {
          if (!item.intentSent) {
            item.intentSent = true;
            opts.onIntent?.(item.change);
          }
        }
        const decisions = await spec.run(batch, {
          client: deps.client,
          shop: deps.shop,
          cost: batch.length,
          ...(stop ? { stop } : {}),
          ...(deps.shopSize ? { shopSize: deps.shopSize } : {}),
        });
        batch.forEach((item, i) => decide(item, decisions[i] ?? { kind: "failed", error: missingDecision }));
      } catch (error) {
        fatal ??= error;
      } finally {
        busy--;
        notify();
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, () => worker()));
  if (fatal !== undefined) throw fatal;

  return items.map((item) => {
    const known = outcomes[item.index];
    if (known) return known;
    const { sku, kind } = item.change;
    const outcome: ChangeOutcome =
      item.partsDone === 0
        ? { status: "skipped", sku, kind, reason: item.intentSent ? "interrupted; not applied" : "interrupted before it was sent" }
        : {
            status: "failed",
            sku,
            kind,
            ...(item.listingId ? { listingId: item.listingId } : {}),
            error: { code: "INTERRUPTED", message: "interrupted after part of this change was applied", retryable: true },
          };
    opts.onOutcome?.(outcome);
    return outcome;
  });
}

const missingDecision: ChangeError = { code: "NO_RESULT", message: "the marketplace gave no result for this item", retryable: true };

/** Up to `n` items from the queue head; an isolated item always travels alone. */
function takeBatch(queue: WorkItem[], n: number): WorkItem[] {
  const head = queue[0];
  if (head?.isolated) return queue.splice(0, 1);
  const batch: WorkItem[] = [];
  while (batch.length < n && queue.length > 0 && !queue[0]?.isolated) {
    const item = queue.shift();
    if (item) batch.push(item);
  }
  return batch;
}
