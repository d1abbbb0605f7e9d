// The response envelope and the error vocabulary the mock answers with (reference §3).
import { JsonDecimal } from "./http/json.js";

export const MSG_OK = "Your request has been processed successfully";
export const MSG_MALFORMED = "We could not process your request due to malformed request, please check again";
export const MSG_SERVER_ERROR = "Our server encounters an error, please try again later";
export const MSG_UNAUTHORIZED = "Unauthorized";
export const MSG_FORBIDDEN = "Forbidden";
export const MSG_TOO_MANY = "Too many requests";
export const MSG_NOT_FOUND = "Not Found";
export const MSG_METHOD = "Method Not Allowed";

/** What a handler decides; the server turns it into an envelope with headers. */
export interface Reply {
  status: number;
  messages: string;
  reason: string;
  /** `""` on success; categories answer `0` like the real fixture. */
  errorCode: string | number;
  data: unknown;
}

export const ok = (data: unknown, errorCode: string | number = ""): Reply => ({
  status: 200,
  messages: MSG_OK,
  reason: "",
  errorCode,
  data,
});

export const fail = (status: number, errorCode: string, reason: string, messages?: string): Reply => ({
  status,
  messages: messages ?? (status >= 500 ? MSG_SERVER_ERROR : status === 401 ? MSG_UNAUTHORIZED : MSG_MALFORMED),
  reason,
  errorCode,
  data: null,
});

/** 400 for a request that cannot be read at all; the `PRD_DLV_*` codes of reference §3. */
export const malformed = (errorCode: string, reason: string): Reply => fail(400, errorCode, reason);

/**
 * Thrown while decoding a request body before anything is mutated, so a malformed request is
 * answered 400 without touching state. Caught only by the server pipeline.
 */
export class RequestRejected extends Error {
  override readonly name = "RequestRejected";
  constructor(readonly reply: Reply) {
    super(reply.reason);
  }
}

export const reject = (errorCode: string, reason: string): never => {
  throw new RequestRejected(malformed(errorCode, reason));
};

export const describeValue = (value: unknown): string => {
  if (typeof value === "string") return value;
  // A JsonDecimal shows as it was written (`1e3`), not as the number it means.
  if (value instanceof JsonDecimal) return value.lexeme;
  return JSON.stringify(value) ?? String(value);
};

export const invalidFormat = (field: string, value: unknown, expected: string): never =>
  reject("PRD_DLV_042", `Invalid field [${field}] format, value [${describeValue(value)}] should be ${expected}`);

export function renderEnvelope(reply: Reply, startedNs: bigint): string {
  const seconds = Number(process.hrtime.bigint() - startedNs) / 1e9;
  const header: Record<string, unknown> = {
    process_time: seconds,
    messages: reply.messages,
    reason: reply.reason,
    error_code: reply.errorCode,
  };
  return JSON.stringify({ header, data: reply.data });
}
