// Progress while applying: a bar redrawn on a terminal, a plain line every few seconds otherwise.
import type { Output } from "../cli/io.js";
import type { Lang } from "../i18n.js";

export const PROGRESS_LOG_INTERVAL_MS = 5_000;
const BAR_WIDTH = 24;

export interface Progress {
  /** One more item's outcome is known. */
  tick(failed: boolean): void;
  stop(): void;
}

export function startProgress(opts: { out: Output; total: number; lang: Lang }): Progress {
  const { out, total, lang } = opts;
  let done = 0;
  let failed = 0;
  const status = (): string =>
    lang === "id"
      ? `${done}/${total} selesai${failed > 0 ? `, ${failed} gagal` : ""}`
      : `${done}/${total} done${failed > 0 ? `, ${failed} failed` : ""}`;

  if (out.isTTY === true) {
    const draw = (): void => {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      out.write(`\r[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${status()}`);
    };
    draw();
    return {
      tick(isFailed) {
        done += 1;
        if (isFailed) failed += 1;
        draw();
      },
      stop() {
        out.write("\n");
      },
    };
  }
  const timer = setInterval(() => out.write(`${status()}\n`), PROGRESS_LOG_INTERVAL_MS);
  timer.unref();
  return {
    tick(isFailed) {
      done += 1;
      if (isFailed) failed += 1;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
