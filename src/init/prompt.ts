// The two questions `desbumi init` asks on a terminal. Questions go to stderr (stdout is the report).
import { createInterface } from "node:readline";
import type { Io } from "../cli/io.js";
import { pick, type Lang } from "../i18n.js";
import { UsageError } from "../errors.js";
import { INIT_MARKETPLACES, type InitMarketplace } from "./templates.js";

export interface InitAnswers {
  groupSpecs: string[];
  marketplace: InitMarketplace;
}

const MAX_ATTEMPTS = 3;

/** Reads answers line by line from io.stdin (a TTY in real use; a stream in tests). */
export async function askInitQuestions(
  io: Io,
  lang: Lang,
  defaults: { groupNames: string[]; marketplace: InitMarketplace },
  /** The marketplace was given as a flag: do not ask for it. */
  marketplaceGiven = false,
): Promise<InitAnswers> {
  const rl = createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string> => {
    io.stderr.write(question);
    const next = await lines.next();
    if (next.done) {
      throw new UsageError({ id: "Input berakhir sebelum semua pertanyaan dijawab.", en: "Input ended before every question was answered." });
    }
    return String(next.value).trim();
  };

  try {
    const groupsAnswer = await ask(
      pick(
        {
          id: `Nama kelompok, pisahkan dengan koma (mis. MUIWO Lipursari, Bumi Adikusuma) [${defaults.groupNames.join(", ")}]: `,
          en: `Group names, separated by commas (e.g. MUIWO Lipursari, Bumi Adikusuma) [${defaults.groupNames.join(", ")}]: `,
        },
        lang,
      ),
    );
    const groupSpecs = groupsAnswer === "" ? defaults.groupNames : groupsAnswer.split(",").map((s) => s.trim()).filter(Boolean);
    if (marketplaceGiven) return { groupSpecs, marketplace: defaults.marketplace };

    for (let attempt = 1; ; attempt++) {
      const answer = (
        await ask(
          pick(
            {
              id: `Marketplace: "practice" (toko latihan, tanpa akun) atau "tokopedia" [${defaults.marketplace}]: `,
              en: `Marketplace: "practice" (practice shop, no account needed) or "tokopedia" [${defaults.marketplace}]: `,
            },
            lang,
          ),
        )
      ).toLowerCase();
      const choice = answer === "" ? defaults.marketplace : INIT_MARKETPLACES.find((m) => m === answer || (m === "practice" && answer === "latihan"));
      if (choice) return { groupSpecs, marketplace: choice };
      if (attempt >= MAX_ATTEMPTS) {
        throw new UsageError({ id: `Jawaban "${answer}" tidak dikenal: ketik practice atau tokopedia.`, en: `Unknown answer "${answer}": type practice or tokopedia.` });
      }
    }
  } finally {
    // NOTE: ending the iterator does not close the interface: stdin would stay in flowing mode,
    // keeping the process alive on a terminal and swallowing the next command typed (issue 12.2).
    await lines.return?.();
    rl.close();
    io.stdin.pause();
  }
}
