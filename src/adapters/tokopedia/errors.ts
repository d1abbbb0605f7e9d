// What can go wrong talking to the seller API, classified: run-stopping AdapterErrors (bilingual,
// never carrying secrets) and the internal signals the write path turns into per-item outcomes.
import { AdapterError } from "../../errors.js";

export const ADAPTER = "tokopedia";

/** Network failures where the request never reached the server: safe to resend anything. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Network failures after the request may have been received: its effect is unknown. */
const MAYBE_SENT_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_INFO",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

/** "Data not found" answers (some servers send them as 5xx): answers, not failures. */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(["OPENAPI_DB_003", "PRD_GRPC_003", "PRD_CACHE_005"]);

export type NetworkFailure = { kind: "not-sent" | "maybe-sent"; code: string };

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  return errorCode((error as { cause?: unknown }).cause);
}

/** A network-level failure (no HTTP response), or undefined for anything else (a bug, an abort). */
export function classifyNetworkError(error: unknown): NetworkFailure | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (NOT_SENT_CODES.has(code)) return { kind: "not-sent", code };
  if (MAYBE_SENT_CODES.has(code)) return { kind: "maybe-sent", code };
  return undefined;
}

/** A write whose effect is unknown (sent, then no reliable answer). Creates look the SKU up. */
export class OutcomeUnknownError extends Error {
  override readonly name = "OutcomeUnknownError";
  constructor(readonly code: string) {
    super(`outcome unknown (${code})`);
  }
}

/** A request that kept failing (5xx, resets, rate limit) until the retry budget ran out. */
export class RetriesExhaustedError extends Error {
  override readonly name = "RetriesExhaustedError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function missingCredentialsError(names: readonly string[]): AdapterError {
  const list = names.join(", ");
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    message: {
      id: `Kredensial belum diatur: isi variabel lingkungan ${list} (atau di file .env di samping desbumi.config.json).`,
      en: `Credentials are not set: set the environment variables ${list} (or put them in the .env file next to desbumi.config.json).`,
    },
  });
}

export function authRefusedError(status: number, code?: string): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    status,
    ...(code ? { code } : {}),
    message: {
      id: `Marketplace menolak kredensial (HTTP ${status}${code ? `, ${code}` : ""}). Periksa client id dan client secret aplikasi. Proses dihentikan.`,
      en: `The marketplace refused the credentials (HTTP ${status}${code ? `, ${code}` : ""}). Check the app's client id and client secret. Stopped.`,
    },
  });
}

export function shopForbiddenError(status: number, code?: string, reason?: string): AdapterError {
  const why = reason ? ` (${reason})` : "";
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    status,
    ...(code ? { code } : {}),
    message: {
      id: `Aplikasi tidak punya izin untuk toko ini (HTTP ${status}${code ? `, ${code}` : ""})${why}. Pastikan fsId dan shopId benar dan penjual sudah mengizinkan aplikasi.`,
      en: `The app is not allowed to use this shop (HTTP ${status}${code ? `, ${code}` : ""})${why}. Check fsId and shopId, and that the seller authorized the app.`,
    },
  });
}

export function unreachableError(url: URL, code: string): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "unreachable",
    code,
    message: {
      id: `Marketplace di ${url.host} tidak bisa dihubungi (${code}) setelah beberapa kali mencoba. Periksa koneksi internet dan baseUrl/tokenUrl.`,
      en: `The marketplace at ${url.host} cannot be reached (${code}) after several tries. Check the network connection and baseUrl/tokenUrl.`,
    },
  });
}

export function protocolError(url: URL, status: number, what: string): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "protocol",
    status,
    message: {
      id: `Jawaban dari ${url.host}${url.pathname} bukan jawaban API marketplace (HTTP ${status}: ${what}). Apakah baseUrl benar, atau ada proxy di tengah?`,
      en: `The answer from ${url.host}${url.pathname} is not a marketplace API answer (HTTP ${status}: ${what}). Is baseUrl right, or is a proxy in the way?`,
    },
  });
}

export function serverFailingError(url: URL, code: string): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "unreachable",
    code,
    message: {
      id: `Marketplace di ${url.host} terus gagal (${code}) setelah beberapa kali mencoba. Coba lagi nanti.`,
      en: `The marketplace at ${url.host} keeps failing (${code}) after several tries. Try again later.`,
    },
  });
}

export function rejectedError(url: URL, status: number, code: string | undefined, reason: string): AdapterError {
  const what = [code, reason].filter(Boolean).join(": ") || "no reason given";
  return new AdapterError({
    adapter: ADAPTER,
    kind: "rejected",
    status,
    ...(code ? { code } : {}),
    message: {
      id: `Marketplace menolak permintaan ke ${url.pathname} (HTTP ${status}, ${what}). Periksa fsId dan shopId.`,
      en: `The marketplace refused the request to ${url.pathname} (HTTP ${status}, ${what}). Check fsId and shopId.`,
    },
  });
}
