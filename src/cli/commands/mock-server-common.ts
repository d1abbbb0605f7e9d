// What every `desbumi mock-server --marketplace X` shares: number and host flags, the plain words
// for a server that cannot start, the "is running" block, and serving until Ctrl-C.
import { isIP } from "node:net";
import { UsageError } from "../../errors.js";
import { pick, text, type Text } from "../../i18n.js";
import type { CommandContext } from "../io.js";

/** A whole-number flag value (undefined when not given); a usage error otherwise. */
export function wholeNumber(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError({
      en: `${flag} needs a whole number of at least ${min}, got "${raw}"`,
      id: `${flag} perlu bilangan bulat minimal ${min}, bukan "${raw}"`,
    });
  }
  return n;
}

/**
 * Only IP literals and "localhost": any other name would need a DNS lookup before listening, and a
 * typo there surfaces as an obscure resolver error.
 */
export function checkHost(raw: string): string {
  const host = raw.trim();
  if (host === "localhost" || isIP(host) !== 0) return host;
  throw new UsageError({
    en: `--host needs an IP address of this computer (e.g. 127.0.0.1, 0.0.0.0 or ::) or "localhost", got "${raw}"`,
    id: `--host perlu alamat IP komputer ini (mis. 127.0.0.1, 0.0.0.0 atau ::) atau "localhost", bukan "${raw}"`,
  });
}

/** The plain explanation of why the server could not listen, or undefined when it is not a listen problem. */
export function describeListenError(error: unknown, host: string, port: number): Text | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall } = error as NodeJS.ErrnoException;
  // NOTE: only the socket's own calls; an EACCES from reading --state is not a port problem.
  if (syscall !== "listen" && syscall !== "bind" && syscall !== "getaddrinfo") return undefined;
  switch (code) {
    case "EADDRINUSE":
      return {
        en: `Port ${port} is already in use on ${host}; choose another with --port, or --port 0 for any free port`,
        id: `Port ${port} di ${host} sudah dipakai program lain; pilih port lain dengan --port, atau --port 0 untuk port bebas mana saja`,
      };
    case "EACCES":
      return {
        en: `Not allowed to listen on port ${port} (ports below 1024 need administrator rights); choose a port of 1024 or above with --port, or --port 0 for any free port`,
        id: `Tidak diizinkan memakai port ${port} (port di bawah 1024 butuh hak administrator); pilih port 1024 atau lebih dengan --port, atau --port 0 untuk port bebas mana saja`,
      };
    case "EADDRNOTAVAIL":
    case "EAFNOSUPPORT":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return {
        en: `Cannot listen on --host ${host}: it is not an address of this computer; use 127.0.0.1 (this computer only) or 0.0.0.0 (every network)`,
        id: `Tidak bisa mendengarkan di --host ${host}: itu bukan alamat komputer ini; pakai 127.0.0.1 (hanya komputer ini) atau 0.0.0.0 (semua jaringan)`,
      };
    default:
      return undefined;
  }
}

/** Two servers on one state file would undo each other's writes: say who has it and what to do. */
export function stateBusyText(file: string, pid: number): Text {
  return {
    en: `The state file ${file} is open in another desbumi process (pid ${pid}): a running \`desbumi mock-server\`, or a \`desbumi sync\` on the practice shop. Stop it first, or give this server another --state file.`,
    id: `Berkas state ${file} sedang dibuka proses desbumi lain (pid ${pid}): \`desbumi mock-server\` yang masih berjalan, atau \`desbumi sync\` ke toko latihan. Hentikan dulu, atau beri server ini berkas --state lain.`,
  };
}


/** A start that failed because of the state file's lock or the socket, in plain words; anything else as it is. */
export function explainStartError(error: unknown, where: { host: string; port: number; busy: new (...args: never[]) => Error & { stateFile: string; pid: number } }): unknown {
  if (error instanceof where.busy) return new UsageError(stateBusyText(error.stateFile, error.pid));
  const problem = describeListenError(error, where.host, where.port);
  return problem ? new UsageError(problem) : error;
}

/** The "is running" block: a title, then label/value rows lined up, then notes. */
export function printRunning(ctx: CommandContext, title: Text, rows: readonly [Text, string][], notes: readonly Text[]): void {
  const out = ctx.io.stdout;
  out.write(`${pick(title, ctx.lang)}\n`);
  for (const [label, value] of rows) out.write(`  ${pick(label, ctx.lang).padEnd(22)} ${value}\n`);
  for (const note of notes) out.write(`${pick(note, ctx.lang)}\n`);
  out.write(`${pick(text("Tekan Ctrl-C untuk berhenti.", "Press Ctrl-C to stop."), ctx.lang)}\n`);
}

/** Waits for Ctrl-C / SIGTERM (`signal`), then closes the server (a failed final save rejects: exit non-zero). */
export async function serveUntilAborted(ctx: CommandContext, signal: AbortSignal, close: () => Promise<void>): Promise<number> {
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  ctx.io.stderr.write(`${pick(text("Menghentikan server tiruan...", "Stopping the mock server..."), ctx.lang)}\n`);
  await close();
  return 0;
}
