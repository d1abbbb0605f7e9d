// Progress while applying: a bar redrawn on a terminal, a plain line every few seconds otherwise.
// Both show the rate so far and the time left at that rate (issue 12.16).
import type { Output } from "../cli/io.js";
import type { Lang } from "../i18n.js";

export const PROGRESS_LOG_INTERVAL_MS = 5_000;
const BAR_WIDTH = 24;
/** Below this much elapsed time a rate is noise: none is shown yet. */
const MIN_RATE_WINDOW_MS = 500;

export interface Progress {
  /** One more item's outcome is known. */
  tick(failed: boolean): void;
  stop(): void;
}

export function startProgress(opts: { out: Output; total: number; lang: Lang; now?: () => number }): Progress {
  const { out, total, lang } = opts;
  const now = opts.now ?? Date.now;
  const started = now();
  let done = 0;
  let failed = 0;
  const status = (): string => {
    const counts =
      lang === "id"
        ? `${done}/${total} selesai${failed > 0 ? `, ${failed} gagal` : ""}`
        : `${done}/${total} done${failed > 0 ? `, ${failed} failed` : ""}`;
    return `${counts}${pace(done, total, now() - started, lang)}`;
  };

  if (out.isTTY === true) {
    let width = 0;
    const draw = (): void => {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      const line = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${status()}`;
      // NOTE: padded to the longest line drawn, so a shorter "time left" leaves no stale characters.
      width = Math.max(width, line.length);
      out.write(`\r${line.padEnd(width)}`);
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

/** ", 3.2/s, about 4 min 35 s left" (nothing until there is a rate to speak of). */
export function pace(done: number, total: number, elapsedMs: number, lang: Lang): string {
  if (done === 0 || elapsedMs < MIN_RATE_WINDOW_MS) return "";
  const perSecond = (done * 1000) / elapsedMs;
  const rate = perSecond >= 10 ? Math.round(perSecond).toString() : perSecond.toFixed(1);
  const shownRate = lang === "id" ? `${rate.replace(".", ",")}/dtk` : `${rate}/s`;
  if (done >= total) return `, ${shownRate}`;
  const left = duration(((total - done) / perSecond) * 1000, lang);
  return lang === "id" ? `, ${shownRate}, sisa sekitar ${left}` : `, ${shownRate}, about ${left} left`;
}

/** 4_500 -> "5 s", 275_000 -> "4 min 35 s", 3_900_000 -> "1 h 5 min" (Indonesian: dtk, mnt, jam). */
export function duration(ms: number, lang: Lang): string {
  const [h, m, s] = lang === "id" ? ["jam", "mnt", "dtk"] : ["h", "min", "s"];
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} ${s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} ${m}${seconds % 60 ? ` ${seconds % 60} ${s}` : ""}`;
  const hours = Math.floor(minutes / 60);
  return `${hours} ${h}${minutes % 60 ? ` ${minutes % 60} ${m}` : ""}`;
}
