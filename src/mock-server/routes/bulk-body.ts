// Shared reading of bulk bodies: the list inside, its size cap, and the rate-limit item count.
import { describeValue, reject } from "../envelope.js";
import { lowerKeys } from "../product-input.js";

export const ERR_TOO_MANY_REQUEST = "ERR_TOO_MANY_REQUEST";

/** `{"<key>":[...]}` with the key matched case-insensitively; undefined when the shape is wrong. */
export function listInObject(body: unknown, key: string): unknown[] | undefined {
  const obj = lowerKeys(body);
  const list = obj?.[key];
  return Array.isArray(list) ? list : undefined;
}

/** One token per item; a body we cannot count still costs one request. */
export const countOf = (list: unknown[] | undefined): number => Math.max(1, list?.length ?? 1);

/** Throws the 400 for a missing, empty or oversized list; otherwise returns it. */
export function requireList(list: unknown[] | undefined, field: string, max: number, body: unknown): unknown[] {
  if (list === undefined) {
    return reject("PRD_DLV_043", `Invalid request body: expected ${field} to be a list, got ${describeValue(body)}`.slice(0, 300));
  }
  if (list.length === 0) return reject("PRD_DLV_045", `Field [${field}] should not be empty`);
  if (list.length > max) return reject("PRD_DLV_018", `Max allowed products per-update are ${max} products`);
  return list;
}

/** The `data` of a v3 create or edit answer (reference §5.2, §5.4): counts plus the rows. */
export function v3WriteResult(total: number, succeeded: readonly object[], failed: readonly object[]): Record<string, unknown> {
  return {
    total_data: total,
    success_data: succeeded.length,
    fail_data: failed.length,
    success_rows_data: succeeded,
    failed_rows_data: failed,
  };
}
