// The one question sync asks before writing: read a single line of the answer from stdin. The
// question repeats where the changes go and how many there are (issue 12.16): after a plan of a
// thousand lines the header with the target has scrolled away.
import { createInterface } from "node:readline";
import type { Io, Output } from "../cli/io.js";
import { pick, type Lang, type Text } from "../i18n.js";
import type { Plan } from "../plan/types.js";

const YES = /^(y|yes|ya|iya)$/i;

export const canAsk = (io: Io): boolean => io.stdout.isTTY === true && io.stdin.isTTY === true;

export type ConfirmPlan = Pick<Plan, "changes" | "target" | "practiceShop" | "group">;

export async function confirmApply(io: Io, out: Output, lang: Lang, plan?: ConfirmPlan): Promise<boolean> {
  out.write(pick(plan ? confirmQuestion(plan) : { id: "Terapkan perubahan ini? [y/N] ", en: "Apply these changes? [y/N] " }, lang));
  const answer = await readOneLine(io.stdin);
  return YES.test(answer.trim());
}

/** "Apply 1,000 changes (998 to create, 2 to update) to practice shop? [y/N] ", in both languages. */
export function confirmQuestion(plan: ConfirmPlan): Text {
  const n = plan.changes.length;
  const counts = { create: 0, update: 0, deactivate: 0, reactivate: 0 };
  for (const change of plan.changes) counts[change.kind] += 1;
  const kinds = Object.entries(counts).filter(([, count]) => count > 0);
  const words: Record<keyof typeof counts, Text> = {
    create: { id: "dibuat", en: "to create" },
    update: { id: "diubah", en: "to update" },
    deactivate: { id: "dinonaktifkan", en: "to deactivate" },
    reactivate: { id: "diaktifkan lagi", en: "to reactivate" },
  };
  const breakdown = (lang: Lang): string =>
    kinds.length > 1 ? ` (${kinds.map(([kind, count]) => `${grouped(count, lang)} ${words[kind as keyof typeof counts][lang]}`).join(", ")})` : "";
  const group = plan.group ? ` (${plan.group})` : "";
  const target: Text = plan.practiceShop
    ? { id: `toko latihan${group}`, en: `practice shop${group}` }
    : { id: plan.target, en: plan.target };
  return {
    id: `Terapkan ${grouped(n, "id")} perubahan${breakdown("id")} ke ${target.id}? [y/N] `,
    en: `Apply ${grouped(n, "en")} ${n === 1 ? "change" : "changes"}${breakdown("en")} to ${target.en}? [y/N] `,
  };
}

/** 1000 -> "1,000" in English, "1.000" in Indonesian. */
const grouped = (n: number, lang: Lang): string => n.toLocaleString(lang === "id" ? "id-ID" : "en-US");

function readOneLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, terminal: false });
    let done = false;
    const finish = (line: string): void => {
      if (done) return;
      done = true;
      rl.close();
      resolve(line);
    };
    rl.once("line", finish);
    rl.once("close", () => finish(""));
  });
}
