// Ctrl-C during apply: the first signal asks the run to stop taking new work; a second one kills.
// Injectable, so tests can interrupt a run at an exact point without sending real signals.

export interface InterruptSource {
  /** Start listening; returns the function that stops listening. */
  subscribe(onInterrupt: () => void): () => void;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

export const processInterrupts: InterruptSource = {
  subscribe(onInterrupt) {
    let count = 0;
    const listener = (signal: NodeJS.Signals): void => {
      count += 1;
      if (count === 1) return onInterrupt();
      // NOTE: a second Ctrl-C means "now": drop our handler and let the default one end the
      // process. The journal is written line by line, so it already holds every outcome known.
      unsubscribe();
      process.kill(process.pid, signal);
    };
    const unsubscribe = (): void => {
      for (const s of SIGNALS) process.off(s, listener);
    };
    for (const s of SIGNALS) process.on(s, listener);
    return unsubscribe;
  },
};

let current: InterruptSource = processInterrupts;

export const interruptSource = (): InterruptSource => current;

/** Tests: replace where interrupts come from (undefined restores the process signals). */
export function setInterruptSource(source: InterruptSource | undefined): void {
  current = source ?? processInterrupts;
}
